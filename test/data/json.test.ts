import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { fetchBytes } from '../../src/data/fetch.js';
import { jsonErrorPosition, peekJson } from '../../src/data/formats/json-body.js';
import { pickLanguage } from '../../src/data/formats/json-table.js';
import { loadDataset } from '../../src/data/load.js';
import { getValue } from '../../src/data/mapping.js';
import type { DataRecord, Dataset } from '../../src/data/types.js';
import { faultUrl, fixtureUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';

/** A JSON body answered by the fault server, for payloads too small to deserve a fixture file. */
const inlineJson = (body: unknown) =>
  faultUrl(`text?type=application/json&body=${encodeURIComponent(JSON.stringify(body))}`);

const byId = (dataset: Dataset, id: string): DataRecord => {
  const record = dataset.records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
};

describe('JSON', () => {
  describe('finding the records', () => {
    it('finds result.records inside an envelope without a path', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
      expect(dataset.meta.format).to.equal('json');
      expect(dataset.records.map((r) => r.id)).to.deep.equal(['v-101', 'v-102', 'v-103']);
      expect(dataset.records[0].values.titel).to.equal('Burgfest Bad Belzig');
    });

    it('takes the array named by path', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json'), path: 'meta.links' });
      expect(dataset.records).to.have.length(1);
      expect(dataset.records[0].values.href).to.equal('/api/veranstaltungen');
    });

    it('reports a path that leads nowhere as a mapping error listing what is there', async () => {
      const url = fixtureUrl('json-envelope-veranstaltungen.json');
      const error = await failure(loadDataset({ url, path: 'result.items' }));
      expect(error).to.be.instanceOf(DataError);
      expect(error.kind).to.equal('mapping');
      expect(error.role).to.equal('path');
      expect(error.fields).to.deep.equal(['records']);
      expect(error.url).to.equal(url);
    });

    it('finds a Decidim-like array two levels deep (data.proposals.nodes)', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-coordinates-nested.json') });
      expect(dataset.records.map((r) => r.id)).to.deep.equal(['p1', 'p2', 'p3']);
    });

    it('turns an object keyed by id into records with those ids', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-keyed-by-id.json') });
      expect(dataset.records.map((r) => r.id)).to.deep.equal(['bank-7', 'bank-9', 'bank-12']);
      expect(byId(dataset, 'bank-9').values.name).to.equal('Bank am Schlosspark');
      expect(dataset.fields.find((f) => f.name === 'sitzplaetze')?.type).to.equal('number');
      // Each record's own array of objects stays a value instead of being taken for the records.
      expect(byId(dataset, 'bank-12').values.wartung).to.have.length(2);
      expect(dataset.fields.find((f) => f.name === 'wartung')?.type).to.equal('object');
    });

    it('reads a top-level array of plain values as records with one field "value"', async () => {
      const dataset = await loadDataset({ url: inlineJson([3, 1, 4]) });
      expect(dataset.fields).to.deep.equal([{ name: 'value', type: 'number' }]);
      expect(dataset.records.map((r) => r.values.value)).to.deep.equal([3, 1, 4]);
      expect(dataset.records.map((r) => r.id)).to.deep.equal(['0', '1', '2']);
    });

    it('uses a unique id field as record id, and the index when ids repeat', async () => {
      const unique = await loadDataset({
        url: inlineJson([
          { ID: 'x7', n: 1 },
          { ID: 'y8', n: 2 },
        ]),
      });
      expect(unique.records.map((r) => r.id)).to.deep.equal(['x7', 'y8']);
      const repeated = await loadDataset({
        url: inlineJson([
          { id: 'x', n: 1 },
          { id: 'x', n: 2 },
        ]),
      });
      expect(repeated.records.map((r) => r.id)).to.deep.equal(['0', '1']);
    });

    it('keeps the geometry of GeoJSON features picked from an envelope with path', async () => {
      const dataset = await loadDataset({
        url: fixtureUrl('json-geojson-geometries.geojson'),
        format: 'json',
        path: 'features',
      });
      expect(dataset.records).to.have.length(12);
      expect(dataset.records[0].id).to.equal('pt');
      expect(dataset.records[0].values.name).to.equal('Rathaus Bad Belzig');
      expect(dataset.records[0].geometry).to.deep.equal({ type: 'Point', coordinates: [12.5897, 52.1412] });
    });

    it('accepts bracket indexes in path', async () => {
      const dataset = await loadDataset({
        url: inlineJson({ pages: [{ items: [{ name: 'Hagelberg' }, { name: 'Brandtsheide' }] }] }),
        path: 'pages[0].items',
      });
      expect(dataset.records.map((r) => r.values.name)).to.deep.equal(['Hagelberg', 'Brandtsheide']);
    });

    it('reads JSON Lines, one object per line', async () => {
      const body = encodeURIComponent('{"name": "Hagelberg", "hoehe": 200}\n{"name": "Wiesenburg", "hoehe": 178}\n');
      const dataset = await loadDataset({ url: faultUrl(`text?type=application/x-ndjson&body=${body}`) });
      expect(dataset.records.map((r) => r.values.hoehe)).to.deep.equal([200, 178]);
    });

    it('reports an empty array as an empty dataset', async () => {
      const error = await failure(loadDataset({ url: inlineJson({ records: [] }) }));
      expect(error.kind).to.equal('empty');
    });
  });

  describe('values and fields', () => {
    it('keeps nested objects and reaches them by dot names, listing those names as fields', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
      const names = dataset.fields.map((f) => f.name);
      expect(names).to.include.members(['adresse', 'adresse.ort', 'adresse.plz', 'adresse.geo', 'adresse.geo.lat']);
      expect(dataset.fields.find((f) => f.name === 'adresse')?.type).to.equal('object');
      expect(dataset.fields.find((f) => f.name === 'adresse.geo.lon')?.type).to.equal('number');
      const festival = byId(dataset, 'v-101');
      expect(getValue(festival, 'adresse.ort')).to.equal('Bad Belzig');
      expect(getValue(festival, 'adresse.geo.lat')).to.equal(52.1386);
      expect(festival.values.adresse).to.deep.include({ strasse: 'Wittenberger Straße 14' });
    });

    it('keeps JSON numbers and booleans typed, with null for missing values', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
      expect(dataset.fields.find((f) => f.name === 'plaetze')?.type).to.equal('number');
      expect(dataset.fields.find((f) => f.name === 'barrierefrei')?.type).to.equal('boolean');
      expect(dataset.records.map((r) => r.values.plaetze)).to.deep.equal([120, 80, null]);
      expect(dataset.records.map((r) => r.values.barrierefrei)).to.deep.equal([true, false, null]);
    });

    it('types German number and date strings the way CSV cells are typed', async () => {
      const dataset = await loadDataset({ url: fixtureUrl('json-envelope-veranstaltungen.json') });
      const eintritt = dataset.fields.find((f) => f.name === 'eintritt');
      expect(eintritt?.type).to.equal('number');
      expect(dataset.records.map((r) => r.values.eintritt)).to.deep.equal([4.5, 0, 12]);
      expect(dataset.fields.find((f) => f.name === 'datum')?.type).to.equal('date');
      const date = byId(dataset, 'v-101').values.datum as Date;
      expect(date).to.be.instanceOf(Date);
      expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).to.deep.equal([2026, 12, 24]);
    });

    it('resolves multilingual values to the wanted language, falling back to German, English, then any', async () => {
      const url = fixtureUrl('json-envelope-veranstaltungen.json');
      const german = await loadDataset({ url, lang: 'de' });
      const english = await loadDataset({ url: `${url}?en`, lang: 'en' });
      expect(german.records.map((r) => r.values.titel)).to.deep.equal([
        'Burgfest Bad Belzig',
        'Kräutermarkt Wiesenburg',
        'Night of the museums',
      ]);
      expect(english.records.map((r) => r.values.titel)).to.deep.equal([
        'Castle festival Bad Belzig',
        'Kräutermarkt Wiesenburg',
        'Night of the museums',
      ]);
      expect(german.fields.find((f) => f.name === 'titel')?.type).to.equal('string');
    });

    it('picks a language from a value object', () => {
      const title = { fr: 'Voyages', de: 'Reisen', en: '', it: '' };
      expect(pickLanguage(title, 'de')).to.equal('Reisen');
      expect(pickLanguage(title, 'en')).to.equal('Reisen');
      expect(pickLanguage({ fr: 'Voyages', de: '', en: '' }, 'de')).to.equal('Voyages');
      expect(pickLanguage('schon Text', 'en')).to.equal('schon Text');
      expect(pickLanguage(42, 'de')).to.equal(undefined);
      // Short keys that are no language codes make an ordinary object.
      expect(pickLanguage({ id: '7', nr: '12' }, 'de')).to.equal(undefined);
    });
  });

  describe('parsing', () => {
    it('parses a body once and hands the same value to every caller', async () => {
      const body = await fetchBytes(fixtureUrl('json-keyed-by-id.json'));
      const first = peekJson(body);
      expect(peekJson(body)).to.equal(first);
    });

    it('finds the position where invalid JSON breaks, as JSON.parse sees it', () => {
      expect(jsonErrorPosition('{"a": [1, 2')).to.equal(11);
      expect(jsonErrorPosition('{"a": tru}')).to.equal(9);
      expect(jsonErrorPosition('[1, 2,]')).to.equal(6);
      expect(jsonErrorPosition('{"a": "\\x"}')).to.equal(8);
      expect(jsonErrorPosition('{} x')).to.equal(3);
    });
  });
});

describe('GraphQL envelopes', () => {
  it('finds the Decidim proposal list four levels deep without a path', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('ideas-decidim.json') });
    const file = await (await fetch('/fixtures/ideas-decidim.json')).json();
    expect(dataset.records).to.have.length(file.data.component.proposals.nodes.length);
    expect(dataset.fields.map((f) => f.name)).to.include('voteCount');
  });
});

describe('JSON: hostile nesting', () => {
  it('reads every record when one field is nested 100,000 arrays deep; that field alone is cut off', async () => {
    const dataset = await loadDataset({ url: faultUrl('deep?depth=100000') });
    expect(dataset.records.map((r) => [r.values.name, r.values.wert])).to.deep.equal([
      ['Alpha', 1],
      ['Beta', 2],
    ]);
    let level = dataset.records[0].values.tief;
    let levels = 0;
    while (Array.isArray(level)) {
      level = level[0];
      levels++;
    }
    // Kept to a depth no portal needs, and cut off there, never the whole dataset.
    expect(levels).to.be.within(5, 100);
  });
});
