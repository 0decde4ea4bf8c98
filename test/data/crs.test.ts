import { expect } from '@open-wc/testing';
import { isDataError } from '../../src/data/errors.js';
import { loadDataset } from '../../src/data/load.js';
import type { Dataset, Geometry, SourceDescription } from '../../src/data/types.js';
import { describeDataError } from '../../src/shared/i18n.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

/** Places and their WGS84 positions; the fixtures hold PROJ's (cs2cs) projections of them (make-fixtures.mjs). */
interface Place {
  name: string;
  lon: number;
  lat: number;
}
let places: Place[];
before(async () => {
  places = await (await fetch(fixtureUrl('crs/reference.json'))).json();
});

const pointOf = (geometry: Geometry | undefined): number[] => {
  if (geometry?.type === 'Point') return geometry.coordinates;
  if (geometry?.type === 'Polygon') return geometry.coordinates[0][0];
  throw new Error(`no point: ${JSON.stringify(geometry)}`);
};

/** Metres between two WGS84 positions (equirectangular: exact enough at a few metres). */
const metres = ([lon1, lat1]: number[], [lon2, lat2]: number[]) => {
  const k = (Math.PI / 180) * 6_371_000;
  return Math.hypot((lon2 - lon1) * k * Math.cos((lat1 * Math.PI) / 180), (lat2 - lat1) * k);
};

/** Every place is at most `tolerance` metres from where PROJ puts it. */
function expectPlaces(dataset: Dataset, tolerance: number) {
  expect(dataset.records.map((r) => r.values.name ?? r.values.Name ?? r.values.NAME)).to.deep.equal(
    places.map((p) => p.name),
  );
  dataset.records.forEach((record, i) => {
    const distance = metres(pointOf(record.geometry), [places[i].lon, places[i].lat]);
    expect(distance, places[i].name).to.be.below(tolerance);
  });
}

const load = (file: string, extra: Partial<SourceDescription> = {}) =>
  loadDataset({ url: fixtureUrl(`crs/${file}`), ...extra });

describe('coordinate systems', () => {
  describe('columns in a projected system', () => {
    it('reads a real Gauß-Krüger table (Münster) at the places its publisher converted it to', async () => {
      const dataset = await load('muenster-sportstaetten-gk.csv');
      // The same 209 facilities with the WGS84 geometry Code for Münster made from these columns (ogr2ogr).
      const reference = await (await fetch(corpusUrl('muenster-sportstaetten.geojson'))).json();
      expect(dataset.meta.crs).to.equal('EPSG:31467');
      expect(dataset.records).to.have.length(reference.features.length);
      let worst = 0;
      const unplaced: string[] = [];
      dataset.records.forEach((record, i) => {
        const feature = reference.features[i];
        expect(record.values.Objekt ?? '').to.equal(feature.properties.Objekt.trim());
        if (record.geometry) worst = Math.max(worst, metres(pointOf(record.geometry), feature.geometry.coordinates));
        else unplaced.push(`${feature.properties.Rechtswert}/${feature.geometry.coordinates[0].toFixed(1)}`);
      });
      expect(worst).to.be.below(0.5);
      // 13 rows of the source have the house number in the Rechtswert column (40, 47, 80 …): the publisher's
      // conversion put them into the Atlantic (-24.8° E); here they are left unplaced and counted.
      expect(dataset.meta.droppedCoordinates).to.equal(13);
      expect(
        unplaced.every((text) => /^\d{1,2}\/-24\.8$/.test(text)),
        unplaced.join(),
      ).to.equal(true);
    });

    it('tells Gauß-Krüger zone 4 from the numbers (Rechtswert;Hochwert with decimal commas)', async () => {
      const dataset = await load('flaeming-gk4.csv');
      expect(dataset.meta.crs).to.equal('EPSG:31468');
      // DHDN → WGS84 has no single exact transformation without grids: proj4's and PROJ's differ by a few metres.
      expectPlaces(dataset, 5);
    });

    it('reads UTM 33 with the zone before the easting (33334879) as EPSG:5650', async () => {
      const dataset = await load('flaeming-utm33-zone-prefix.csv');
      expect(dataset.meta.crs).to.equal('EPSG:5650');
      expectPlaces(dataset, 0.05);
    });

    it('takes the zone from the column names (E_25833, N_25833)', async () => {
      const dataset = await load('flaeming-utm33-zone-in-names.csv');
      expect(dataset.meta.crs).to.equal('EPSG:25833');
      expectPlaces(dataset, 0.05);
    });

    it('takes the system from a column that names it (EPSG = 25832 in every row), with x/y columns', async () => {
      const dataset = await load('flaeming-utm32-named-crs.csv');
      expect(dataset.meta.crs).to.equal('EPSG:25832');
      expectPlaces(dataset, 0.05);
    });

    it('reads ETRS89-LAEA (EPSG:3035) X/Y columns', async () => {
      const dataset = await load('flaeming-laea.csv');
      expect(dataset.meta.crs).to.equal('EPSG:3035');
      expectPlaces(dataset, 0.05);
    });

    it('does not guess between UTM zone 32 and 33: without a zone the records stay unplaced and say why', async () => {
      const dataset = await load('flaeming-utm33-no-zone.csv');
      expect(dataset.records.every((r) => !r.geometry)).to.equal(true);
      expect(dataset.meta.droppedCoordinates).to.equal(4);
      expect(dataset.meta.crsCandidates).to.deep.equal(['EPSG:25832', 'EPSG:25833']);
      expect(dataset.meta.crs).to.equal(undefined);
    });

    it('reads the same table at the right places once crs names the zone', async () => {
      const dataset = await load('flaeming-utm33-no-zone.csv', { crs: 'EPSG:25833' });
      expect(dataset.meta.crs).to.equal('EPSG:25833');
      expect(dataset.meta.crsCandidates).to.equal(undefined);
      expectPlaces(dataset, 0.05);
      // Zone 32 would have put Bad Belzig 400 km west; crs decides, not the numbers.
      const wrong = await load('flaeming-utm33-no-zone.csv', { crs: 'urn:ogc:def:crs:EPSG::25832' });
      expect(wrong.meta.crs).to.equal('EPSG:25832');
      expect(metres(pointOf(wrong.records[0].geometry), [places[0].lon, places[0].lat])).to.be.above(300_000);
    });

    it('converts lat-field/lon-field columns when crs is set (north and east)', async () => {
      const dataset = await load('flaeming-gk4.csv', {
        crs: 'EPSG:31468',
        latField: 'Hochwert',
        lonField: 'Rechtswert',
      });
      expect(dataset.meta.crs).to.equal('EPSG:31468');
      expectPlaces(dataset, 5);
    });

    it('drops rows with empty, zero or impossible values and counts them; other rows stay placed', async () => {
      const csv = [
        'Name;Rechtswert;Hochwert',
        'ok;4540291,1;5778753,706',
        'leer;;',
        'null;0;0',
        'weit weg;4540291,1;9778753',
        'Text;abc;def',
        'ok2;4531132,177;5776295,598',
      ].join('\n');
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const dataset = await loadDataset({ url, crs: 'EPSG:31468' });
      expect(dataset.records.filter((r) => r.geometry).map((r) => r.values.Name)).to.deep.equal(['ok', 'ok2']);
      expect(dataset.meta.droppedCoordinates).to.equal(4);
    });

    it('leaves chart tables with x/y columns alone when the numbers fit no system', async () => {
      const csv = 'x,y\n1000,10\n2000,20\n3000,15\n';
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const dataset = await loadDataset({ url });
      expect(dataset.records.every((r) => !r.geometry)).to.equal(true);
      expect(dataset.meta.crs).to.equal(undefined);
      expect(dataset.records.map((r) => r.values.y)).to.deep.equal([10, 20, 15]);
    });
  });

  describe('systems the source declares', () => {
    it('reads a WFS GeoJSON answer with a crs member in EPSG:25833, points and polygons', async () => {
      const dataset = await load('flaeming-wfs-25833.geojson');
      expect(dataset.meta.crs).to.equal('EPSG:25833');
      expect(dataset.records[0].geometry?.type).to.equal('Polygon');
      // The polygon is a 100 m square around the first place.
      expectPlaces(dataset, 80);
      expect(metres(pointOf(dataset.records[1].geometry), [places[1].lon, places[1].lat])).to.be.below(0.05);
    });

    it('swaps a Gauß-Krüger answer written northing first, as some WFS servers do', async () => {
      const dataset = await load('flaeming-gk4-northing-first.geojson');
      expect(dataset.meta.crs).to.equal('EPSG:31468');
      expectPlaces(dataset, 5);
    });

    it('reads an Esri answer whose spatialReference is UTM 33 (wkid 25833)', async () => {
      const dataset = await load('flaeming-esri-25833.json');
      expect(dataset.meta.format).to.equal('esri');
      expect(dataset.meta.crs).to.equal('EPSG:25833');
      expectPlaces(dataset, 0.05);
    });

    it('lets crs override what a GeoJSON document declares', async () => {
      const dataset = await load('flaeming-wfs-25833.geojson', { crs: 'EPSG:25832' });
      expect(dataset.meta.crs).to.equal('EPSG:25832');
      expect(metres(pointOf(dataset.records[1].geometry), [places[1].lon, places[1].lat])).to.be.above(300_000);
    });

    it('drops the geometries of a declared system it cannot convert and names the system', async () => {
      const collection = {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2056' } },
        features: [
          {
            type: 'Feature',
            properties: { name: 'Bern' },
            geometry: { type: 'Point', coordinates: [2600000, 1200000] },
          },
        ],
      };
      const url = URL.createObjectURL(new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }));
      const dataset = await loadDataset({ url });
      expect(dataset.meta.crs).to.equal('EPSG:2056');
      expect(dataset.meta.droppedCoordinates).to.equal(1);
      expect(dataset.records[0].values.name).to.equal('Bern');
    });

    it('reads a GeoJSON crs of CRS84 as the longitude/latitude it is', async () => {
      const collection = {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [12.587, 52.141] } }],
      };
      const url = URL.createObjectURL(new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }));
      const dataset = await loadDataset({ url });
      expect(dataset.meta.crs).to.equal('EPSG:4326');
      expect(pointOf(dataset.records[0].geometry)).to.deep.equal([12.587, 52.141]);
    });
  });

  it('refuses a crs it does not convert with a message naming the attribute and the systems it knows', async () => {
    const error = await load('flaeming-gk4.csv', { crs: 'EPSG:2056' }).catch((e: unknown) => e);
    expect(isDataError(error)).to.equal(true);
    if (!isDataError(error)) return;
    expect(error.kind).to.equal('mapping');
    const de = describeDataError(error, 'de');
    expect(de).to.contain('Koordinatensystem „EPSG:2056“ (Attribut crs) wird nicht unterstützt');
    expect(de).to.contain('EPSG:25833');
    expect(describeDataError(error, 'en')).to.contain('not supported');
  });
});
