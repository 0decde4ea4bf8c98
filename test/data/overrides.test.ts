import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import { applyFieldOverrides } from '../../src/data/overrides.js';
import type { Dataset } from '../../src/data/types.js';
import { describeDataError } from '../../src/shared/i18n.js';
import { fixtureUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';

const oddColumns = fixtureUrl('csv-coordinates-odd-columns.csv');
const NORTH = 'Hochwert (WGS84)';
const EAST = 'Rechtswert (WGS84)';
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

function table(fields: Dataset['fields'], rows: Dataset['records'][number]['values'][]): Dataset {
  return {
    fields,
    records: rows.map((values, i) => ({ id: String(i), values })),
    meta: { url: 'test:', format: 'json', bytes: 0, fetchedAt: new Date(0), truncated: false },
  };
}

describe('field overrides (lat-field, lon-field, created-field) in the data layer', () => {
  it('places records by named latitude and longitude columns in German decimal comma, in any column order', async () => {
    // Nothing in the file says "latitude": detection leaves it without coordinates.
    const plain = await loadDataset({ url: oddColumns });
    expect(plain.records.every((r) => r.geometry === undefined)).to.equal(true);
    expect(plain.fields.find((f) => f.name === NORTH)).to.deep.equal({
      name: NORTH,
      type: 'number',
      numberFormat: 'de',
    });

    const dataset = await loadDataset({ url: oddColumns, latField: NORTH, lonField: EAST });
    expect(dataset.records.map((r) => [r.values.Bezeichnung, r.geometry])).to.deep.equal([
      ['Rathaus Bad Belzig', point(12.59261, 52.14235)],
      ['Burg Eisenhardt', point(12.58417, 52.14389)],
      ['Bahnhof Bad Belzig', point(12.57889, 52.13472)],
      ['Gemeindehaus Lübnitz', undefined],
      ['Falsch erfasst', undefined], // latitude 95.2
    ]);
    expect(dataset.meta.droppedCoordinates).to.equal(2);
    // The values themselves stay as they were.
    expect(dataset.records[0].values[NORTH]).to.equal(52.14235);
  });

  it('replaces coordinates that detection found (swapped columns put right)', async () => {
    const dataset = await loadDataset({
      url: fixtureUrl('map-latlon-override.csv'),
      latField: 'x_wert',
      lonField: 'y_wert',
    });
    expect(dataset.records.map((r) => r.geometry)).to.deep.equal([
      point(52.1421, 12.5912),
      point(52.1301, 12.4711),
      undefined,
    ]);
  });

  it('says which attribute is missing or wrong, with the fields there are', async () => {
    const half = await failure(loadDataset({ url: oddColumns, latField: NORTH }));
    expect(half).to.be.instanceOf(DataError);
    expect([half.kind, half.role]).to.deep.equal(['mapping', 'lon']);
    expect(describeDataError(half, 'de')).to.contain('lon-field');

    const wrong = await failure(loadDataset({ url: oddColumns, latField: 'Breite', lonField: EAST }));
    expect([wrong.kind, wrong.role]).to.deep.equal(['mapping', 'lat']);
    expect(wrong.fields).to.deep.equal(['Bezeichnung', EAST, 'Art', NORTH, 'Hinweis']);
    expect(describeDataError(wrong, 'en')).to.contain('Please set the lat-field attribute');
  });

  it('reads a declared date field by the data layer rules: Berlin wall time, epoch seconds and milliseconds', () => {
    const dataset = applyFieldOverrides(
      table(
        [
          { name: 'Eingang', type: 'string' },
          { name: 'stamp', type: 'number' },
        ],
        [
          { Eingang: '26.06.2026 23:00', stamp: 1_782_511_200 },
          { Eingang: '2026-01-15T08:30', stamp: 1_782_511_200_000 },
          { Eingang: 'gestern', stamp: null },
        ],
      ),
      { dateFields: ['Eingang', 'stamp', 'nicht da'] },
    );
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
    expect(dataset.records.map((r) => [iso(r.values.Eingang), iso(r.values.stamp)])).to.deep.equal([
      // Summer time in Berlin (UTC+2) and winter time (UTC+1), whatever the machine's zone.
      ['2026-06-26T21:00:00.000Z', '2026-06-26T22:00:00.000Z'],
      ['2026-01-15T07:30:00.000Z', '2026-06-26T22:00:00.000Z'],
      [null, null],
    ]);
    expect(dataset.fields.map((f) => f.type)).to.deep.equal(['date', 'date']);
    // Dates of a dataset are read-only like every other.
    expect(() => (dataset.records[0].values.Eingang as Date).setFullYear(2000)).to.throw(TypeError);
  });

  it('does the work once: the same overrides give the same dataset, and none give the dataset itself', async () => {
    const plain = await loadDataset({ url: oddColumns });
    const overrides = { latField: NORTH, lonField: EAST };
    const located = applyFieldOverrides(plain, overrides);
    expect(located).not.to.equal(plain);
    expect(applyFieldOverrides(plain, { ...overrides })).to.equal(located);
    expect(applyFieldOverrides(located, overrides)).to.equal(located);
    expect(applyFieldOverrides(plain, { latField: ' ', dateFields: [] })).to.equal(plain);
    // A dataset loaded with the overrides is already done.
    const loaded = await loadDataset({ url: oddColumns, ...overrides });
    expect(applyFieldOverrides(loaded, overrides)).to.equal(loaded);
    // The shared dataset itself is never changed.
    expect(plain.records.every((r) => r.geometry === undefined)).to.equal(true);
  });
});
