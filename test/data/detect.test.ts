import { expect } from '@open-wc/testing';
import { catalogFormat, detectFormat, isFeatureList, resolveFormat } from '../../src/data/detect.js';
import { fetchBytes } from '../../src/data/fetch.js';
import { absolute } from '../../src/data/util.js';
import { corpusUrl, fixtureUrl } from '../helpers/server.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('format detection (detect.ts)', () => {
  it('takes the format attribute, then Content-Type, then the extension, then the first bytes', () => {
    expect(detectFormat('csv', 'application/json', 'a.json', bytes('{}'))).to.equal('csv');
    expect(detectFormat(undefined, 'text/calendar; charset=utf-8', 'a.json', bytes('{}'))).to.equal('ics');
    expect(detectFormat(undefined, 'application/octet-stream', 'https://x.de/a.geojson?v=1', bytes('x'))).to.equal(
      'geojson',
    );
    expect(detectFormat(undefined, '', 'https://x.de/export', bytes('\uFEFFName;Ort\nA;B'))).to.equal('csv');
    expect(() => detectFormat(undefined, 'text/html', 'https://x.de/', bytes('<!doctype html>'))).to.throw(
      /Cannot tell the format/,
    );
  });

  it('looks inside JSON bodies of the real corpus: GeoJSON, OParl, CKAN, OpenDataSoft', async () => {
    const formatOf = async (url: string) => resolveFormat(undefined, await fetchBytes(url));
    expect(await formatOf(corpusUrl('karlsruhe-wochenmaerkte.geojson'))).to.equal('geojson');
    expect(await formatOf(corpusUrl('oparl-huertgenwald-meeting-list-page1.json'))).to.equal('oparl');
    expect(await formatOf(corpusUrl('ckan-datastore_search-odaa-aarhus.json'))).to.equal('ckan');
    expect(await formatOf(fixtureUrl('ods-v21-records-wochenmaerkte.json'))).to.equal('ods');
    expect(await formatOf(fixtureUrl('json-keyed-by-id.json'))).to.equal('json');
    // An explicit `json` is not second-guessed.
    expect(await resolveFormat('json', await fetchBytes(corpusUrl('karlsruhe-wochenmaerkte.geojson')))).to.equal(
      'json',
    );
  });

  it('tells a list of GeoJSON features from other records', () => {
    expect(isFeatureList([{ type: 'Feature', geometry: null }])).to.equal(true);
    expect(isFeatureList([{ type: 'Feature' }, { name: 'x' }])).to.equal(false);
    expect(isFeatureList([])).to.equal(false);
  });

  it('reads the format a CKAN resource names: format, media type, then URL extension', () => {
    expect(catalogFormat('CSV', [], '')).to.equal('csv');
    expect(catalogFormat('.geojson', [], '')).to.equal('geojson');
    expect(catalogFormat('', [undefined, 'application/vnd.geo+json; charset=utf-8'], '')).to.equal('geojson');
    expect(catalogFormat('XLSX', ['application/octet-stream'], 'https://x.de/data.csv?download=1')).to.equal('csv');
    expect(catalogFormat('PDF', ['application/pdf'], 'https://x.de/bericht.pdf')).to.equal(undefined);
    // Linked-data metadata is no table.
    expect(catalogFormat('', ['application/ld+json'], 'https://x.de/meta')).to.equal(undefined);
  });
});

describe('absolute()', () => {
  it('resolves links against the response they came in and fetches webcal over https', () => {
    expect(absolute('page2', 'https://ris.example.de/oparl/meeting')).to.equal('https://ris.example.de/oparl/page2');
    expect(absolute(' webcal://kalender.example.de/feed.ics ')).to.equal('https://kalender.example.de/feed.ics');
    expect(absolute('http://[broken', 'https://x.de/')).to.equal('http://[broken');
  });
});
