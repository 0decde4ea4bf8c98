import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/errors.js';
import { packageTitle, parseCkanDate } from '../../src/data/formats/ckan.js';
import { loadDataset } from '../../src/data/load.js';
import { describeDataError } from '../../src/shared/i18n.js';
import { corpusUrl, fetchText, fixtureUrl } from '../helpers/server.js';
import { failure } from '../helpers/errors.js';

/** package_show of the test CKAN (test/servers/ckan.mjs); `variant` keeps concurrent loads apart. */
const packageShowUrl = (id: string, variant = '') =>
  new URL(`/ckan/api/3/action/package_show?id=${id}${variant ? `&v=${variant}` : ''}`, location.href).href;

describe('CKAN', () => {
  describe('datastore_search (Open Data Aarhus)', () => {
    it('reads the 9 records with the types the fields declare', async () => {
      const dataset = await loadDataset({ url: corpusUrl('ckan-datastore_search-odaa-aarhus.json') });
      expect(dataset.meta.format).to.equal('ckan');
      expect(dataset.meta.truncated).to.equal(false);
      expect(dataset.records).to.have.length(9);
      // Field order of result.fields; the DataStore's own _id becomes the record id.
      expect(dataset.fields).to.deep.equal([
        { name: 'date', type: 'string' },
        { name: 'AvgWaitingSQ', type: 'date' },
        { name: 'WaitingCustomersSQ', type: 'number' },
        { name: 'ServiceTypeName', type: 'string' },
        { name: 'WaitingCustomersMQ', type: 'number' },
        { name: 'LongestWaitingTimeTicketBQ', type: 'date' },
        { name: 'LongestWaitingTimeTicketSQ', type: 'date' },
        { name: 'LongestWaitingTimeTicketMQ', type: 'date' },
      ]);
      expect(dataset.records.map((r) => r.id)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    });

    it('keeps the real values: Danish names, waiting customers, text-typed dates as text', async () => {
      const dataset = await loadDataset({ url: corpusUrl('ckan-datastore_search-odaa-aarhus.json') });
      expect(dataset.records.map((r) => r.values.ServiceTypeName)).to.deep.equal([
        'Pas',
        'Kørekort',
        'Folkeregister',
        'Bestilt tid til pas',
        'Folkeinformation',
        'CPR/Indrejse',
        'Borgerservice, andet',
        'Kørelærer',
        'Booking teori- og køreprøve',
      ]);
      expect(dataset.records.map((r) => r.values.WaitingCustomersMQ)).to.deep.equal([1, 0, 2, 0, 0, 0, 0, 0, 8]);
      expect(dataset.records[0].values.date).to.equal('2017/05/22 09:30:04');
      const avg = dataset.records[0].values.AvgWaitingSQ as Date;
      expect(avg).to.be.instanceOf(Date);
      expect(avg.toISOString()).to.equal('2017-05-22T00:00:00.000Z');
      expect(dataset.records[0].values).not.to.have.property('_id');
    });

    it('reads DataStore timestamps without a zone as UTC', () => {
      expect(parseCkanDate('2017-05-22T09:30:04')?.toISOString()).to.equal('2017-05-22T09:30:04.000Z');
      expect(parseCkanDate('2017-05-22')?.toISOString()).to.equal('2017-05-22T00:00:00.000Z');
      expect(parseCkanDate('2017-05-22T09:30:04+02:00')?.toISOString()).to.equal('2017-05-22T07:30:04.000Z');
      expect(parseCkanDate('22.05.2017')).to.equal(null);
    });
  });

  describe('package_show', () => {
    it('names what the opendata.swiss package offers when none of it is CSV or JSON', async () => {
      const url = corpusUrl('ckan-package_show-opendata-swiss-bfs.json');
      const error = await failure(loadDataset({ url }));
      expect(error).to.be.instanceOf(DataError);
      expect(error.kind).to.equal('unsupported');
      expect(error.found).to.equal('PDF, HTML');
      expect(describeDataError(error, 'de')).to.equal(`Das Format von ${url} wird nicht unterstützt (PDF, HTML).`);
    });

    it('takes the title of the opendata.swiss package in German, and in German when English is empty', async () => {
      const result = JSON.parse(await fetchText(corpusUrl('ckan-package_show-opendata-swiss-bfs.json'))).result;
      expect(packageTitle(result, 'de')).to.equal('Reisen der Schweizer Wohnbevölkerung 2019');
      expect(packageTitle(result, 'en')).to.equal('Reisen der Schweizer Wohnbevölkerung 2019');
    });

    it('loads the first CSV or JSON resource and titles it in the page language', async () => {
      const german = await loadDataset({ url: packageShowUrl('spielplaetze', 'de'), lang: 'de' });
      const english = await loadDataset({ url: packageShowUrl('spielplaetze', 'en'), lang: 'en' });
      expect(german.meta.title).to.equal('Spielplätze der Gemeinde Wiesenburg/Mark');
      expect(english.meta.title).to.equal('Playgrounds of Wiesenburg/Mark');
      // The PDF comes first in the package; the JSON resource is the first loadable one.
      expect(german.meta.url).to.equal(fixtureUrl('json-spielplaetze-wiesenburg.json'));
      expect(german.records.map((r) => r.values.name)).to.deep.equal([
        'Spielplatz am Schlosspark',
        'Spielplatz Reetz',
        'Spielplatz Schmerwitz',
      ]);
      // lat/lon as decimal-comma text in the resource
      expect(german.records[1].geometry).to.deep.equal({ type: 'Point', coordinates: [12.3867, 52.0961] });
    });

    it('loads the resource named by source.resource, by id or by any of its names', async () => {
      const byId = await loadDataset({ url: packageShowUrl('spielplaetze', 'id'), resource: 'b2e1' });
      expect(byId.records).to.have.length(3);
      const byName = await loadDataset({ url: packageShowUrl('spielplaetze', 'name'), resource: 'Playgrounds (JSON)' });
      expect(byName.meta.url).to.equal(fixtureUrl('json-spielplaetze-wiesenburg.json'));
    });

    it('loads a CSV resource through the CSV parser', async () => {
      const dataset = await loadDataset({
        url: packageShowUrl('spielplaetze', 'csv'),
        resource: 'Park and Ride Münster (CSV)',
      });
      expect(dataset.meta.format).to.equal('csv');
      expect(dataset.meta.title).to.equal('Spielplätze der Gemeinde Wiesenburg/Mark');
      expect(dataset.records).to.have.length(16);
    });

    it('reports an unknown resource name as a mapping error listing the resources', async () => {
      const error = await failure(loadDataset({ url: packageShowUrl('spielplaetze', 'unknown'), resource: 'Bänke' }));
      expect(error.kind).to.equal('mapping');
      expect(error.role).to.equal('resource');
      expect(error.fields).to.deep.equal(['Spielplatzsatzung', 'Spielplätze (JSON)', 'Park and Ride Münster (CSV)']);
    });

    it('reports a package the portal does not know as http 404', async () => {
      const error = await failure(loadDataset({ url: packageShowUrl('gibt-es-nicht') }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
    });
  });
});
