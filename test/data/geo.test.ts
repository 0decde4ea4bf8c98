import { expect } from '@open-wc/testing';
import { attachCoordinates, toCoordinate, toGeometry } from '../../src/data/geo.js';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, Field, Value } from '../../src/data/types.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

/** A dataset built in the test, for the cases no file needs to show. */
function table(fields: Field[], rows: Record<string, Value>[]): Dataset {
  return {
    fields,
    records: rows.map((values, index) => ({ id: String(index), values })),
    meta: { url: 'memory:', format: 'json', bytes: 0, fetchedAt: new Date(0), truncated: false },
  };
}

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('coordinates', () => {
  describe('in the corpus CSVs', () => {
    it('reads Lat/Lon of all 260 Münster table-tennis tables', async () => {
      const dataset = await loadDataset({ url: corpusUrl('muenster-tischtennisplatten-latlon.csv') });
      expect(dataset.records).to.have.length(260);
      expect(dataset.meta.droppedCoordinates).to.equal(0);
      expect(dataset.records[0].geometry).to.deep.equal(point(7.645724, 51.963823));
      expect(dataset.records[259].geometry).to.deep.equal(point(7.71283665258779, 51.995272982349675));
    });

    it('reads Breitengrad/Längengrad with decimal commas of all 166 charging stations', async () => {
      const dataset = await loadDataset({ url: corpusUrl('muenster-ladesaeulen-bnetza.csv') });
      expect(dataset.records).to.have.length(166);
      expect(dataset.meta.droppedCoordinates).to.equal(0);
      expect(dataset.records[0].geometry).to.deep.equal(point(7.63198, 51.964164));
      expect(dataset.records[165].geometry).to.deep.equal(point(7.6334241, 51.9058669));
      // Every station lies in or next to Münster.
      for (const record of dataset.records) {
        const [lon, lat] = (record.geometry as { coordinates: number[] }).coordinates;
        expect(lat).to.be.within(51.6, 52.1);
        expect(lon).to.be.within(6.5, 7.8);
      }
    });

    it('keeps the row-index id of a located CSV record when the record is copied', async () => {
      const dataset = await loadDataset({ url: corpusUrl('muenster-ladesaeulen-bnetza.csv') });
      const copy = { ...dataset.records[165] };
      expect(copy.id).to.equal('165');
      expect(copy.geometry).to.deep.equal(point(7.6334241, 51.9058669));
    });

    it('reads Latitude/Longitude of the 16 Park+Ride sites despite multi-line quoted cells', async () => {
      const dataset = await loadDataset({ url: corpusUrl('muenster-park-and-ride-multiline-quoted.csv') });
      expect(dataset.records).to.have.length(16);
      expect(dataset.meta.droppedCoordinates).to.equal(0);
      expect(dataset.records[0].geometry).to.deep.equal(point(7.59991, 51.8847));
      expect(dataset.records[15].geometry).to.deep.equal(point(7.601047, 51.965865));
    });
  });

  describe('in JSON', () => {
    it('reads "lat, lon" text pairs and drops impossible ones', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-coordinates-pairs.json') });
      expect(dataset.records.map((r) => r.geometry)).to.deep.equal([
        point(12.5897, 52.1412),
        point(12.5831, 52.1405),
        point(12.4521, 52.1172),
        undefined, // latitude 95
        undefined, // 0, 0
        undefined, // empty
        undefined, // "unbekannt"
      ]);
      expect(dataset.meta.droppedCoordinates).to.equal(4);
    });

    it('reads WKT points (longitude first)', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-coordinates-wkt.json') });
      expect(dataset.records.map((r) => r.geometry)).to.deep.equal([
        point(12.5795, 52.1469),
        point(12.4606, 52.1198),
        undefined, // longitude 200
      ]);
      expect(dataset.meta.droppedCoordinates).to.equal(1);
    });

    it('reads a nested {latitude, longitude} object, numbers or decimal-comma text', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-coordinates-nested.json') });
      expect(dataset.records.map((r) => r.geometry)).to.deep.equal([
        point(12.5874, 52.1395),
        point(12.4733, 52.1201),
        undefined,
      ]);
      expect(dataset.meta.droppedCoordinates).to.equal(1);
    });
  });

  it('reads lat/lon nested inside an address object', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
    expect(dataset.records.map((r) => r.geometry)).to.deep.equal([
      point(12.5853, 52.1386),
      point(12.4524, 52.1173),
      point(12.6001, 52.145),
    ]);
    expect(dataset.meta.droppedCoordinates).to.equal(0);
  });

  describe('attachCoordinates', () => {
    it('keeps a place that may be swapped but is possible, and drops only impossible values', () => {
      const dataset = attachCoordinates(
        table(
          [
            { name: 'Breite', type: 'number' },
            { name: 'Länge', type: 'number' },
          ],
          [
            { Breite: 12.5, Länge: 52.1 }, // swapped for Germany, but a real place
            { Breite: 91, Länge: 12.5 },
            { Breite: 52.1, Länge: -181 },
            { Breite: 0, Länge: 0 },
            { Breite: null, Länge: null },
          ],
        ),
      );
      expect(dataset.records.map((r) => r.geometry)).to.deep.equal([
        point(52.1, 12.5),
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(dataset.meta.droppedCoordinates).to.equal(4);
    });

    it('reads x/y columns as longitude/latitude', () => {
      const dataset = attachCoordinates(
        table(
          [
            { name: 'X', type: 'string' },
            { name: 'Y', type: 'string' },
          ],
          [{ X: '12,5897', Y: '52,1412' }],
        ),
      );
      expect(dataset.records[0].geometry).to.deep.equal(point(12.5897, 52.1412));
    });

    it('leaves datasets without coordinate columns untouched', () => {
      const original = table([{ name: 'Bezeichnung', type: 'string' }], [{ Bezeichnung: '1,5' }]);
      const dataset = attachCoordinates(original);
      expect(dataset).to.equal(original);
      expect(dataset.meta.droppedCoordinates).to.equal(undefined);
      expect(dataset.records[0]).not.to.have.property('geometry');
    });

    it('does not read German decimal numbers in an unnamed text column as pairs', () => {
      const dataset = attachCoordinates(
        table([{ name: 'Wert', type: 'string' }], [{ Wert: '52,1' }, { Wert: '12,5' }]),
      );
      expect(dataset.records.every((r) => r.geometry === undefined)).to.equal(true);
    });

    it('reads coordinates as numbers or decimal-comma text only', () => {
      expect(toCoordinate(' 51,964164 ')).to.equal(51.964164);
      expect(toCoordinate('7.63198')).to.equal(7.63198);
      expect(toCoordinate(-0.5)).to.equal(-0.5);
      expect(toCoordinate('1.234,5')).to.equal(undefined);
      expect(toCoordinate('N 52°')).to.equal(undefined);
      expect(toCoordinate(Number.NaN)).to.equal(undefined);
    });

    it('drops a whole geometry when one position is out of range', () => {
      expect(
        toGeometry({
          type: 'LineString',
          coordinates: [
            [12.5, 52.1],
            [12.6, 95],
          ],
        }),
      ).to.equal(undefined);
      expect(toGeometry({ type: 'Point', coordinates: [12.5] })).to.equal(undefined);
      expect(toGeometry({ type: 'Point', coordinates: [12.5, 52.1, 40, 7] })).to.deep.equal({
        type: 'Point',
        coordinates: [12.5, 52.1, 40],
      });
    });
  });
});
