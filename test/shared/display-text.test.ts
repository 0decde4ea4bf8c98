import { expect } from '@open-wc/testing';
import { displayText } from '../../src/shared/display-text.js';

const de = { locale: 'de-DE', lang: 'de' } as const;
const en = { locale: 'en-GB', lang: 'en' } as const;

describe('displayText: one rule for values in every widget', () => {
  it('writes numbers and dates in the page notation, plain numbers as they are', () => {
    expect(displayText(1234.5, de)).to.equal('1.234,5');
    expect(displayText(1234.5, en)).to.equal('1,234.5');
    expect(displayText(14806, { ...de, plain: true })).to.equal('14806');
    expect(displayText(new Date(Date.UTC(2026, 11, 24)), de)).to.equal('24.12.2026');
  });

  it('trims text, joins lists or takes their first entry, and leaves nothing for empty values', () => {
    expect(displayText('  Bad Belzig ', de)).to.equal('Bad Belzig');
    expect(displayText(['Sport', '', 'Kultur'], de)).to.equal('Sport, Kultur');
    expect(displayText(['Sport', 'Kultur'], { ...de, first: true })).to.equal('Sport');
    expect([null, undefined, '  ', []].map((v) => displayText(v, de))).to.deep.equal([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads translated and named objects in the page language', () => {
    const title = { de: 'Radweg', en: 'Cycle path' };
    expect(displayText(title, de)).to.equal('Radweg');
    expect(displayText(title, en)).to.equal('Cycle path');
    expect(displayText({ fr: 'Piste', de: 'Radweg' }, en)).to.equal('Radweg');
    expect(displayText({ name: 'Verkehr', id: 3 }, de)).to.equal('Verkehr');
    expect(displayText({ id: 3 }, de)).to.equal(undefined);
  });
});
