import { expect } from '@open-wc/testing';
import { headingLevel } from '../../src/shared/heading.js';
import { categoriesOf, matchesSearch, rankByTitle, searchIndex, searchWords } from '../../src/shared/search.js';

const finds = (query: string, ...text: string[]) =>
  matchesSearch(searchIndex(text, 'de-DE'), searchWords(query, 'de-DE'));

describe('the one search rule', () => {
  it('matches every query word at the start of a word, whatever the case', () => {
    expect(finds('bad', 'Bad Belzig')).to.equal(true);
    expect(finds('BELZ bad', 'Bad Belzig')).to.equal(true);
    expect(finds('bad', 'Freibad Wiesenburg')).to.equal(false);
    expect(finds('bad wiesenburg', 'Bad Belzig')).to.equal(false);
    expect(finds('', 'Bad Belzig')).to.equal(true);
  });

  it('ignores accents and reads ß as ss; punctuation separates words', () => {
    expect(finds('cafe', 'Café am Markt')).to.equal(true);
    expect(finds('strasse', 'Lange Straße 1')).to.equal(true);
    expect(finds('straße', 'Strasse der Einheit')).to.equal(true);
    expect(finds('jugend', 'Kinder-, Jugend- und Familienhilfe')).to.equal(true);
    expect(finds('lubnitz', 'Ortsbeirat Lübnitz')).to.equal(true);
  });

  it('matches no word in the middle: "Burg" is not in "Wiesenburg" or "Brandenburger Straße"', () => {
    expect(finds('Burg', 'Spielplatz Wiesenburg')).to.equal(false);
    expect(finds('Burg', 'Brandenburger Straße 40')).to.equal(false);
    expect(finds('burg', 'Burg Rabenstein')).to.equal(true);
    expect(finds('muhle', 'Alte Mühle')).to.equal(true);
    expect(finds('MÜHLE', 'Muehlenweg')).to.equal(false);
  });

  it('ranks title matches before the rest and keeps the order within each group', () => {
    const items = ['Bibliothek|Schloßstraße 38', 'Kunsthalle|Schloßstraße 5', 'Schloss Wiesenburg|Schloßstraße 1'].map(
      (line) => {
        const [title, address] = line.split('|');
        return { title, index: searchIndex([title], 'de-DE'), all: searchIndex([title, address], 'de-DE') };
      },
    );
    const words = searchWords('schloss', 'de-DE');
    const found = items.filter((item) => matchesSearch(item.all, words));
    expect(rankByTitle(found, words, (item) => item.index).map((item) => item.title)).to.deep.equal([
      'Schloss Wiesenburg',
      'Bibliothek',
      'Kunsthalle',
    ]);
    expect(rankByTitle(found, [], (item) => item.index)).to.equal(found);
  });

  it('folds plain ASCII text as any other (lower case, the dotless ı in Turkish), and indexes join by concatenation', () => {
    expect(searchIndex(['Freibad SEE-Blick 12'], 'de-DE')).to.equal(' freibad see blick 12');
    expect(searchIndex(['ISTANBUL'], 'tr-TR')).to.equal(' ıstanbul');
    expect(searchIndex(['Bad', 'Café Ärger'], 'de-DE')).to.equal(searchIndex(['Bad'], 'de-DE') + ' cafe arger');
    expect(finds('istanbul', 'ISTANBUL')).to.equal(true);
  });

  it('looks through every given part, skipping missing ones', () => {
    expect(finds('sport', 'Halle', undefined as unknown as string, 'Sport')).to.equal(true);
  });
});

describe('categoriesOf and headingLevel', () => {
  it('lists each category once, sorted in the locale', () => {
    const items = [{ category: 'Zoo' }, {}, { category: 'Ärzte' }, { category: 'Bad' }, { category: 'Zoo' }];
    expect(categoriesOf(items, 'de-DE')).to.deep.equal(['Ärzte', 'Bad', 'Zoo']);
  });

  it('keeps heading levels within 2–6 and falls back to 3', () => {
    expect([1, 2, 4.4, 9, NaN, undefined].map((n) => headingLevel(n))).to.deep.equal(['2', '2', '4', '6', '3', '3']);
  });
});
