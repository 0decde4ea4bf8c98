import { expect } from '@open-wc/testing';
import { inferColumn } from '../../src/data/infer/column.js';
import { parseGermanDate } from '../../src/data/infer/date.js';
import { parseNumber } from '../../src/data/infer/number.js';

const convertAll = (cells: string[], options = {}) => {
  const column = inferColumn(cells, options);
  return { column, values: cells.map((cell) => column.convert(cell)) };
};

describe('inferColumn: numbers', () => {
  it('reads German notation with thousands dots and decimal comma', () => {
    const { column, values } = convertAll(['1.234,56', '-0,5', '9.577.207', '0', '-2.487,50']);
    expect(column.type).to.equal('number');
    expect(column.numberFormat).to.equal('de');
    expect(values).to.deep.equal([1234.56, -0.5, 9_577_207, 0, -2487.5]);
  });

  it('reads English notation with thousands commas and decimal dot', () => {
    const { column, values } = convertAll(['1,234.56', '0.5', '-12', '.4']);
    expect(column.numberFormat).to.equal('en');
    expect(values).to.deep.equal([1234.56, 0.5, -12, 0.4]);
  });

  it('decides an ambiguous 1.234 by the rest of the column', () => {
    // A decimal comma elsewhere: German, so 1.234 is one thousand two hundred thirty-four.
    expect(convertAll(['1.234', '2,5']).values).to.deep.equal([1234, 2.5]);
    // Thousands grouping with several dots: German too.
    expect(convertAll(['1.234', '9.577.207']).values).to.deep.equal([1234, 9_577_207]);
    // Coordinates with many decimals cannot be German grouping: English.
    const coordinates = convertAll(['51.9641', '7.625', '52.1']);
    expect(coordinates.column.numberFormat).to.equal('en');
    expect(coordinates.values).to.deep.equal([51.9641, 7.625, 52.1]);
    // `0.125` cannot be German grouping either.
    expect(convertAll(['0.125', '1.500']).values).to.deep.equal([0.125, 1.5]);
  });

  it('falls back to German for a column that fits both, unless told otherwise', () => {
    expect(convertAll(['1.500', '2.300']).values).to.deep.equal([1500, 2300]);
    const english = convertAll(['1.500', '2.300'], { numberFormat: 'en' });
    expect(english.column.numberFormat).to.equal('en');
    expect(english.values).to.deep.equal([1.5, 2.3]);
  });

  it('keeps a column that mixes German and English notation as text', () => {
    const { column, values } = convertAll(['1.234,5', '1,234.5']);
    expect(column.type).to.equal('string');
    expect(values).to.deep.equal(['1.234,5', '1,234.5']);
  });

  it('takes units from the cells: %, € and EUR', () => {
    const percent = convertAll(['12 %', '87,5%', '100 %']);
    expect(percent.column).to.include({ type: 'number', unit: '%', numberFormat: 'de' });
    expect(percent.values).to.deep.equal([12, 87.5, 100]);
    const euro = convertAll(['3.000 €', '12,50 €', '0', '7 EUR']);
    expect(euro.column).to.include({ type: 'number', unit: '€' });
    expect(euro.values).to.deep.equal([3000, 12.5, 0, 7]);
    // Two different units in one column: text.
    expect(inferColumn(['12 %', '3 €']).type).to.equal('string');
  });

  it('keeps codes with leading zeros as text', () => {
    const { column, values } = convertAll(['0101', '0401', '1234']);
    expect(column.type).to.equal('string');
    expect(values).to.deep.equal(['0101', '0401', '1234']);
  });

  it('keeps more digits than a double holds exactly right', () => {
    expect(convertAll(['51.96438361603951', '7.620556298769743']).values).to.deep.equal([
      51.96438361603951, 7.620556298769743,
    ]);
  });

  it('accepts space grouping and the minus sign', () => {
    expect(convertAll(['1 234,5', '−3', '12 000']).values).to.deep.equal([1234.5, -3, 12000]);
  });
});

describe('inferColumn: missing values, booleans, text', () => {
  it('treats empty cells and statistical markers as missing in number columns', () => {
    const { column, values } = convertAll(['5', '', '-', '.', 'x', '…', '  ', '7']);
    expect(column.type).to.equal('number');
    expect(values).to.deep.equal([5, null, null, null, null, null, null, 7]);
    expect(column.convert(null)).to.equal(null);
    expect(column.convert(undefined)).to.equal(null);
  });

  it('treats extra null values as missing', () => {
    const { values } = convertAll(['-999', '12.5', ' -999 '], { nullValues: ['-999'] });
    expect(values).to.deep.equal([null, 12.5, null]);
  });

  it('treats an extra null value that looks like a date as missing in a date column', () => {
    const { column, values } = convertAll(['01.01.1900', '24.12.2026', '01.01.1900'], { nullValues: ['01.01.1900'] });
    expect(column.type).to.equal('date');
    expect(values.map((v) => (v as Date | null)?.toISOString() ?? null)).to.deep.equal([
      null,
      '2026-12-24T00:00:00.000Z',
      null,
    ]);
  });

  it('keeps markers as text in a text column, but honours the extra null values there', () => {
    const { column, values } = convertAll(['x', '', 'Linde', 'k. A.'], { nullValues: ['k. A.'] });
    expect(column.type).to.equal('string');
    expect(values).to.deep.equal(['x', null, 'Linde', null]);
  });

  it('reads ja/nein and true/false as booleans', () => {
    const { column, values } = convertAll(['ja', 'Nein', 'JA', '', 'true', 'FALSE']);
    expect(column.type).to.equal('boolean');
    expect(values).to.deep.equal([true, false, true, null, true, false]);
  });

  it('trims text and keeps mixed columns as text', () => {
    const { column, values } = convertAll([' Finanzmanagement ', '12', '24.12.2026']);
    expect(column.type).to.equal('string');
    expect(values).to.deep.equal(['Finanzmanagement', '12', '24.12.2026']);
  });

  it('calls a column without any value a text column of nulls', () => {
    const { column, values } = convertAll(['', ' ']);
    expect(column.type).to.equal('string');
    expect(values).to.deep.equal([null, null]);
  });
});

describe('inferColumn: dates', () => {
  const isoOf = (cells: string[], options = {}) =>
    convertAll(cells, options).values.map((v) => (v instanceof Date ? v.toISOString() : v));

  it('reads DD.MM.YYYY as midnight UTC of that calendar date', () => {
    expect(inferColumn(['24.12.2026']).type).to.equal('date');
    expect(isoOf(['24.12.2026', '1.3.2024', '29.02.2024'])).to.deep.equal([
      '2026-12-24T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
    ]);
  });

  it('reads local date-times as Europe/Berlin wall time, in winter and summer', () => {
    expect(isoOf(['24.12.2026 18:00', '01.07.2026 18:00', '2026-03-29T03:30', '2026-10-25 12:00:30'])).to.deep.equal([
      '2026-12-24T17:00:00.000Z',
      '2026-07-01T16:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-10-25T11:00:30.000Z',
    ]);
  });

  it('reads ISO dates and ISO times with Z or an offset as the instants they name', () => {
    expect(
      isoOf(['2026-12-24', '2026-12-24T18:00:00Z', '2026-12-24T18:00:00+01:00', '2026-06-01T08:15:00.5-0230']),
    ).to.deep.equal([
      '2026-12-24T00:00:00.000Z',
      '2026-12-24T18:00:00.000Z',
      '2026-12-24T17:00:00.000Z',
      '2026-06-01T10:45:00.500Z',
    ]);
  });

  it('rejects impossible dates: the column stays text', () => {
    expect(inferColumn(['31.02.2026', '24.12.2026']).type).to.equal('string');
    expect(inferColumn(['2026-13-01']).type).to.equal('string');
    // A date column converts an impossible date to null, also after the real ones.
    const column = inferColumn(['24.12.2026', '28.02.2026']);
    expect(column.convert('31.02.2026')).to.equal(null);
    expect((column.convert('28.02.2026') as Date).toISOString()).to.equal('2026-02-28T00:00:00.000Z');
    expect(column.convert('2026-02-31')).to.equal(null);
  });

  it('decides the order of slash dates by the whole column, and leaves an undecidable one as text', () => {
    expect(isoOf(['1/13/2015 0:00', '2/1/2015 0:00'])).to.deep.equal([
      '2015-01-12T23:00:00.000Z',
      '2015-01-31T23:00:00.000Z',
    ]);
    expect(isoOf(['13/1/2015', '2/1/2015'])).to.deep.equal(['2015-01-13T00:00:00.000Z', '2015-01-02T00:00:00.000Z']);
    expect(inferColumn(['3/4/2015', '5/6/2015']).type).to.equal('string');
  });

  it('reads compact YYYYMMDD only in a column named like a date', () => {
    expect(inferColumn(['19570901', '19570902'], { name: 'Mess_Datum' }).type).to.equal('date');
    expect(inferColumn(['19570901', '19570902'], { name: 'Sachkonto' }).type).to.equal('number');
  });

  it('keeps years and year ranges (Klimadashboard ZEIT) from becoming dates', () => {
    const { column, values } = convertAll(['1982', '2018-04', '2002/2003', '2026-06-03']);
    expect(column.type).to.equal('string');
    expect(values).to.deep.equal(['1982', '2018-04', '2002/2003', '2026-06-03']);
  });
});

describe('parseNumber and parseGermanDate', () => {
  it('parse single values', () => {
    expect(parseNumber('1.234,56')).to.equal(1234.56);
    expect(parseNumber('1,234.56', 'en')).to.equal(1234.56);
    expect(parseNumber('12 %')).to.equal(12);
    expect(parseNumber('abc')).to.equal(null);
    expect(parseGermanDate('24.12.2026 18:00')?.toISOString()).to.equal('2026-12-24T17:00:00.000Z');
    expect(parseGermanDate('2026-12-24')?.toISOString()).to.equal('2026-12-24T00:00:00.000Z');
    expect(parseGermanDate('Heiligabend')).to.equal(null);
  });
});
