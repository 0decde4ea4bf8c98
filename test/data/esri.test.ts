import { expect } from '@open-wc/testing';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, Geometry } from '../../src/data/types.js';
import { corpusUrl, faultUrl, fixtureUrl } from '../helpers/server.js';

const byName = (dataset: Dataset, name: string) => {
  const record = dataset.records.find((r) => r.values.NAME === name);
  if (!record) throw new Error(`no record ${name}`);
  return record;
};

/** Twice the signed area of a ring: positive when it runs anticlockwise (RFC 7946 wants outer rings so). */
const orientation = (ring: number[][]) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.sign(sum);
};

describe('Esri JSON (ArcGIS FeatureServer query answers)', () => {
  it('reads a real Web Mercator answer at the places the server itself gives as GeoJSON', async () => {
    const dataset = await loadDataset({ url: corpusUrl('arcgis-rest-js-query-point-3857.json') });
    // The same query answered with f=geojson by the server (same repository): the independent reference.
    const reference = await (await fetch(corpusUrl('arcgis-rest-js-query-point-geojson.json'))).json();
    expect(dataset.meta.format).to.equal('esri');
    expect(dataset.meta.crs).to.equal('EPSG:3857');
    expect(dataset.meta.truncated).to.equal(true);
    expect(dataset.records.map((r) => r.id)).to.deep.equal(['1']);
    const record = dataset.records[0];
    expect(record.values.PO_NAME).to.equal('Holtsville');
    expect(record.values.ZIP_CODE).to.equal('00501');
    const point = record.geometry as Extract<Geometry, { type: 'Point' }>;
    const [lon, lat] = reference.features[0].geometry.coordinates;
    expect(point.type).to.equal('Point');
    expect(point.coordinates[0]).to.be.closeTo(lon, 1e-6);
    expect(point.coordinates[1]).to.be.closeTo(lat, 1e-6);
  });

  it('turns polygons with holes, polylines, multipoints and points into GeoJSON, with flat attribute fields', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('esri-query-shapes-4326.json') });
    expect(dataset.fields.map((f) => f.name)).to.deep.equal(['OBJECTID', 'NAME', 'ERSTELLT']);
    expect(dataset.records.map((r) => r.id)).to.deep.equal(['11', '12', '13', '14', '15']);
    const park = byName(dataset, 'Burgpark').geometry as Extract<Geometry, { type: 'MultiPolygon' }>;
    // Two outer rings (clockwise in Esri) and one hole (anticlockwise), written hole first: the hole belongs to the
    // ring that holds it, and every ring runs the GeoJSON way round.
    expect(park.type).to.equal('MultiPolygon');
    expect(park.coordinates.map((polygon) => polygon.length)).to.deep.equal([2, 1]);
    expect(park.coordinates[0][1]).to.deep.include([12.595, 52.148]);
    expect(park.coordinates.map((polygon) => polygon.map(orientation))).to.deep.equal([[1, -1], [1]]);
    const path = byName(dataset, 'Radweg').geometry;
    expect(path?.type).to.equal('MultiLineString');
    expect(byName(dataset, 'Bänke').geometry).to.deep.equal({
      type: 'MultiPoint',
      coordinates: [
        [12.581, 52.141],
        [12.582, 52.142],
      ],
    });
    expect(byName(dataset, 'Rathaus').geometry).to.deep.equal({ type: 'Point', coordinates: [12.5905, 52.1412] });
    expect(byName(dataset, 'Ohne Lage').geometry).to.equal(undefined);
    // esriFieldTypeDate: milliseconds since 1970, UTC.
    const created = byName(dataset, 'Rathaus').values.ERSTELLT;
    expect(created instanceof Date ? created.toISOString() : created).to.equal('2026-01-01T00:00:00.000Z');
  });

  it('converts a UTM 33 answer (wkid 25833) to where PROJ (cs2cs) puts it, and names the system', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('esri-query-point-25833.json') });
    expect(dataset.meta.crs).to.equal('EPSG:25833');
    expect(dataset.meta.droppedCoordinates).to.equal(0);
    const point = dataset.records[0].geometry as Extract<Geometry, { type: 'Point' }>;
    // cs2cs EPSG:25833 EPSG:4326 on 337120.5 5779560.2
    expect(point.coordinates[0]).to.be.closeTo(12.6196777, 1e-7);
    expect(point.coordinates[1]).to.be.closeTo(52.14250502, 1e-7);
  });

  it('keeps the types the answer declares instead of guessing, and the aliases beside the names', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('esri-query-types-aliases-4326.json') });
    const fields = Object.fromEntries(dataset.fields.map((f) => [f.name, [f.type, f.alias ?? null]]));
    expect(fields).to.deep.equal({
      OBJECTID: ['number', null],
      GEMEINDE: ['string', 'Gemeinde'],
      // Digits only, but the answer says String: a key or postcode must keep its leading zeros and never be summed.
      AGS: ['string', 'Amtlicher Gemeindeschlüssel'],
      PLZ: ['string', 'Postleitzahl'],
      EW_2023: ['number', 'Einwohner 2023'],
      FLAECHE: ['number', 'Fläche (km²)'],
      ORTSTEILE: ['number', 'Ortsteile'],
      STAND: ['date', 'Stand'],
      GLOBALID: ['string', 'GlobalID'],
    });
    const belzig = dataset.records[0];
    expect(belzig.id).to.equal('1');
    expect(belzig.values.GEMEINDE).to.equal('Bad Belzig');
    expect(belzig.values.AGS).to.equal('12069020');
    expect(belzig.values.PLZ).to.equal('14806');
    expect(belzig.values.EW_2023).to.equal(11102);
    const stand = belzig.values.STAND;
    expect(stand instanceof Date && stand.toISOString()).to.equal('2023-12-31T00:00:00.000Z');
    expect(dataset.records[2].values.EW_2023).to.equal(null);
    expect(dataset.records[2].values.STAND).to.equal(null);
  });

  it('reads the older fieldAliases object of a query answer', async () => {
    const body = JSON.stringify({
      displayFieldName: 'NAME',
      fieldAliases: { OBJECTID: 'OBJECTID', NAME: 'Name der Einrichtung' },
      geometryType: 'esriGeometryPoint',
      fields: [
        { name: 'OBJECTID', type: 'esriFieldTypeOID' },
        { name: 'NAME', type: 'esriFieldTypeString' },
      ],
      features: [{ attributes: { OBJECTID: 7, NAME: 'Kita Sonnenschein' }, geometry: { x: 12.59, y: 52.14 } }],
    });
    const dataset = await loadDataset({
      url: faultUrl(`text?${new URLSearchParams({ type: 'application/json', body })}`),
    });
    expect(dataset.fields.map((f) => [f.name, f.alias])).to.deep.equal([
      ['OBJECTID', undefined],
      ['NAME', 'Name der Einrichtung'],
    ]);
  });

  it('lists all 56 attributes of a real wide answer, with their Esri types', async () => {
    const url = corpusUrl('arcgis-rest-js-query-polygon-56-fields-3857.json');
    const dataset = await loadDataset({ url });
    const declared = (await (await fetch(url)).json()).fields as { name: string; type: string }[];
    expect(declared).to.have.length(56);
    expect(dataset.fields.map((f) => f.name)).to.deep.equal(declared.map((f) => f.name));
    const esriType = (type: string) => (type === 'esriFieldTypeString' ? 'string' : 'number');
    expect(dataset.fields.map((f) => f.type)).to.deep.equal(declared.map((f) => esriType(f.type)));
    const park = dataset.records[0];
    expect(park.id).to.equal('1');
    expect(park.values.PARK_NAME).to.equal('Crescent Place Triangle');
    expect(park.values.Shape__Length).to.equal(34.69242890775863);
    expect(park.values.AnalysisAr).to.equal(0.00002535);
    // A polygon in Web Mercator, in Los Angeles (Crescent Place, Venice).
    const polygon = park.geometry as Extract<Geometry, { type: 'Polygon' }>;
    expect(polygon.type).to.equal('Polygon');
    expect(polygon.coordinates[0][0][0]).to.be.closeTo(-118.46, 0.01);
    expect(polygon.coordinates[0][0][1]).to.be.closeTo(33.99, 0.01);
    // A saved answer that says exceededTransferLimit has no further page to ask for: its records are not all there.
    expect(dataset.meta.pages).to.equal(1);
    expect(dataset.meta.truncated).to.equal(true);
  });
});
