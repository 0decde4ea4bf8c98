import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, DataRecord } from '../../src/data/types.js';
import { corpusUrl, faultUrl, fixtureUrl } from '../helpers/server.js';

const byId = (dataset: Dataset, id: string): DataRecord => {
  const record = dataset.records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
};

const inlineGeoJson = (body: unknown) =>
  faultUrl(`text?type=application/geo%2Bjson&body=${encodeURIComponent(JSON.stringify(body))}`);

describe('GeoJSON', () => {
  it('reads the Münster sports facilities: 209 points with their properties as values', async () => {
    const dataset = await loadDataset({ url: corpusUrl('muenster-sportstaetten.geojson') });
    expect(dataset.meta.format).to.equal('geojson');
    expect(dataset.records).to.have.length(209);
    expect(dataset.meta.droppedCoordinates).to.equal(0);
    expect(dataset.records.every((r) => r.geometry?.type === 'Point')).to.equal(true);
    const first = dataset.records[0];
    expect(first.values.Objekt).to.equal('Sporthalle Berg Fidel');
    expect(first.values.Teilprodukt).to.equal('Krafträume');
    expect(first.geometry).to.deep.equal({ type: 'Point', coordinates: [7.623932992661703, 51.928605417274412] });
    const last = dataset.records[208];
    expect(last.values.Objekt).to.equal('Freibad Hiltrup');
    expect(last.geometry).to.deep.equal({ type: 'Point', coordinates: [7.65693494369379, 51.88915124633691] });
    expect(dataset.fields.map((f) => f.name)).to.include.members(['Produkt', 'Objekt', 'Strname', 'Hsnr', 'field_9']);
  });

  it('ignores the crs and metadata members of the Karlsruhe markets', async () => {
    const dataset = await loadDataset({ url: corpusUrl('karlsruhe-wochenmaerkte.geojson') });
    expect(dataset.records).to.have.length(19);
    expect(dataset.records[0].values.title).to.equal('Bauernmarkt Durlach');
    expect(dataset.records[0].values.location).to.equal('Am Saumarkt');
    expect(dataset.records[1].values.details_url).to.equal('https://www.bauernmarkt-karlsruhe.de/');
    expect(dataset.records.filter((r) => r.values.details_url)).to.have.length(1);
    expect(dataset.fields.map((f) => f.name)).not.to.include.members(['crs', 'metadata']);
  });

  it('keeps null properties of the Munich markets as null', async () => {
    const dataset = await loadDataset({ url: corpusUrl('muenchen-wochenmaerkte.geojson') });
    expect(dataset.records).to.have.length(51);
    expect(dataset.records.filter((r) => r.values.opening_hours === null)).to.have.length(24);
    expect(dataset.records[5].values.title).to.equal('Wochenmarkt Berg am Laim');
    expect(dataset.records[5].geometry).to.deep.equal({ type: 'Point', coordinates: [11.633326, 48.130077] });
  });

  describe('geometry types and bad coordinates', () => {
    let dataset: Dataset;
    before(async () => {
      dataset = await loadDataset({ url: fixtureUrl('json-geojson-geometries.geojson') });
    });

    it('uses feature ids as record ids', () => {
      expect(dataset.records.map((r) => r.id)).to.deep.equal([
        'pt',
        'mpt',
        'ls',
        'mls',
        'pg',
        'mpg',
        'gc',
        'bad-lat',
        'bad-ring',
        'text-coords',
        'no-geometry',
        'unknown-type',
      ]);
    });

    it('keeps every valid geometry type', () => {
      expect(byId(dataset, 'pt').geometry).to.deep.equal({ type: 'Point', coordinates: [12.5897, 52.1412] });
      expect(byId(dataset, 'mpt').geometry?.type).to.equal('MultiPoint');
      expect(byId(dataset, 'ls').geometry).to.deep.equal({
        type: 'LineString',
        coordinates: [
          [12.5795, 52.1469],
          [12.5853, 52.1386],
          [12.5897, 52.1412, 80.5],
        ],
      });
      expect(byId(dataset, 'mls').geometry?.type).to.equal('MultiLineString');
      expect(byId(dataset, 'pg').geometry?.type).to.equal('Polygon');
      expect(byId(dataset, 'mpg').geometry?.type).to.equal('MultiPolygon');
      const collection = byId(dataset, 'gc').geometry;
      expect(collection?.type).to.equal('GeometryCollection');
      expect(collection && 'geometries' in collection ? collection.geometries.map((g) => g.type) : []).to.deep.equal([
        'Point',
        'LineString',
      ]);
    });

    it('drops out-of-range, textual and unknown geometries and counts them with the missing one', () => {
      for (const id of ['bad-lat', 'bad-ring', 'text-coords', 'no-geometry', 'unknown-type']) {
        expect(byId(dataset, id).geometry, id).to.equal(undefined);
      }
      expect(byId(dataset, 'bad-ring').values.name).to.equal('Länge über 180 in einem Ring');
      expect(dataset.meta.droppedCoordinates).to.equal(5);
    });
  });

  it('reads a single Feature, using an id property when the feature has no id', async () => {
    const dataset = await loadDataset({
      url: inlineGeoJson({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [12.4524, 52.1173] },
        properties: { id: 'schloss', name: 'Schloss Wiesenburg' },
      }),
    });
    expect(dataset.records).to.have.length(1);
    expect(dataset.records[0].id).to.equal('schloss');
    expect(dataset.records[0].geometry).to.deep.equal({ type: 'Point', coordinates: [12.4524, 52.1173] });
  });

  it('reads a bare geometry as one record without values', async () => {
    const dataset = await loadDataset({
      url: inlineGeoJson({
        type: 'LineString',
        coordinates: [
          [12.45, 52.11],
          [12.46, 52.12],
        ],
      }),
    });
    expect(dataset.records).to.have.length(1);
    expect(dataset.records[0].geometry?.type).to.equal('LineString');
    expect(dataset.fields).to.deep.equal([]);
  });

  it('finds GeoJSON served as plain JSON by its type member', async () => {
    const body = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { a: 1 } }] };
    const dataset = await loadDataset({
      url: faultUrl(`text?type=application/json&body=${encodeURIComponent(JSON.stringify(body))}`),
    });
    expect(dataset.meta.format).to.equal('geojson');
    expect(dataset.meta.droppedCoordinates).to.equal(1);
  });

  it('calls JSON without a GeoJSON type unsupported when GeoJSON was promised', async () => {
    let error: unknown;
    try {
      await loadDataset({ url: inlineGeoJson({ type: 'Topology', objects: {} }) });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(DataError);
    expect((error as DataError).kind).to.equal('unsupported');
    expect((error as DataError).found).to.equal('GeoJSON type Topology');
  });

  it('drops unclosed and too-short rings (their records stay, without a shape) and members that are no Feature', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('geojson-invalid-members.geojson') });
    // The bare Point member and the member without a type are left out; the four Features with rings stay.
    expect(dataset.meta.droppedFeatures).to.equal(2);
    expect(dataset.records.map((r) => [r.values.name, r.geometry?.type ?? null])).to.deep.equal([
      ['Burgwiese', 'Polygon'],
      ['Offener Ring', null],
      ['Zu kurzer Ring', null],
      ['Loch offen', null],
      ['Rathaus', 'Point'],
    ]);
    expect(dataset.meta.droppedCoordinates).to.equal(3);
  });

  it("reads geojsonhint's unclosed polygon as a record without a shape, never as a polygon", async () => {
    const dataset = await loadDataset({ url: corpusUrl('geojsonhint-bad-different-first-last.geojson') });
    expect(dataset.records).to.have.length(1);
    expect(dataset.records[0].geometry).to.equal(undefined);
    expect(dataset.meta.droppedCoordinates).to.equal(1);
  });

  it("leaves out geojsonhint's null FeatureCollection member: with nothing left the file has no records", async () => {
    let error: unknown;
    try {
      await loadDataset({ url: corpusUrl('geojsonhint-bad-featurecollection-null-member.geojson') });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(DataError);
    expect((error as DataError).kind).to.equal('empty');
  });
});
