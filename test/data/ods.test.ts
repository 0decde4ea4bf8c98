import { expect } from '@open-wc/testing';
import { loadDataset } from '../../src/data/load.js';
import { fixtureUrl } from '../helpers/server.js';

// The ods-* fixtures follow the response shapes documented for the OpenDataSoft Explore API:
// v2.1 GET /catalog/datasets/<id>/records → {"total_count": n, "results": [flat records]},
// v2.1 GET /catalog/datasets/<id>/exports/json → a plain array of the same records,
// v2.0 GET /catalog/datasets/<id>/records → {"total_count", "links", "records": [{"links", "record": {"id",
// "timestamp", "size", "fields"}}]} (opendatasoft/ods-documentation-explore-api, source/includes/v2/_dataset.md).
// geo_point_2d is an object {"lon", "lat"} in both versions. The older Records API v1
// (GET /api/records/1.0/search/) answers {"nhits", "parameters", "records": [{"datasetid", "recordid", "fields",
// "geometry", "record_timestamp"}]}.

const MARKETS = ['Wochenmarkt Bad Belzig', 'Bauernmarkt Wiesenburg', 'Feierabendmarkt Niemegk'];

describe('OpenDataSoft Explore API', () => {
  it('reads v2.1 records, marks a partial page as truncated and places geo_point_2d', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('ods-v21-records-wochenmaerkte.json') });
    expect(dataset.meta.format).to.equal('ods');
    expect(dataset.meta.truncated).to.equal(true); // total_count 5, 3 results
    expect(dataset.records.map((r) => r.values.markt)).to.deep.equal(MARKETS);
    expect(dataset.records.map((r) => r.values.staende)).to.deep.equal([12, 7, 5]);
    expect(dataset.fields.find((f) => f.name === 'staende')?.type).to.equal('number');
    expect(dataset.fields.find((f) => f.name === 'bio')?.type).to.equal('boolean');
    expect(dataset.fields.find((f) => f.name === 'saison_beginn')?.type).to.equal('date');
    expect((dataset.records[0].values.saison_beginn as Date).toISOString().slice(0, 10)).to.equal('2026-03-05');
    expect(dataset.records[0].geometry).to.deep.equal({ type: 'Point', coordinates: [12.5889, 52.1417] });
    expect(dataset.records[1].geometry).to.deep.equal({ type: 'Point', coordinates: [12.4537, 52.1181] });
    expect(dataset.records[2].geometry).to.equal(undefined);
    expect(dataset.meta.droppedCoordinates).to.equal(1);
  });

  it('reads an exports/json array as plain JSON records', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('ods-v21-exports-wochenmaerkte.json') });
    expect(dataset.meta.format).to.equal('json');
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.records.map((r) => r.values.markt)).to.deep.equal(MARKETS);
    expect(dataset.records[1].geometry).to.deep.equal({ type: 'Point', coordinates: [12.4537, 52.1181] });
  });

  it('reads v2.0 records with their record ids and fields', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('ods-v20-records-wochenmaerkte.json') });
    expect(dataset.meta.format).to.equal('ods');
    expect(dataset.meta.truncated).to.equal(false);
    expect(dataset.records.map((r) => r.id)).to.deep.equal(['3b9c41d0a1', '7e2f88c4b5', 'c05d17e9f2']);
    expect(dataset.records.map((r) => r.values.wochentag)).to.deep.equal(['Donnerstag', 'Samstag', 'Freitag']);
    expect(dataset.fields.map((f) => f.name)).not.to.include('links');
    expect(dataset.records[0].geometry).to.deep.equal({ type: 'Point', coordinates: [12.5889, 52.1417] });
  });

  it('reads v1 records with their record ids and the geometry beside the fields', async () => {
    const dataset = await loadDataset({ url: fixtureUrl('ods-v1-records-wochenmaerkte.json') });
    expect(dataset.meta.format).to.equal('ods');
    expect(dataset.records.map((r) => r.id)).to.deep.equal(['a81f', 'b27c', 'c913']);
    expect(dataset.records.map((r) => r.values.markt)).to.deep.equal(MARKETS);
    expect(dataset.records[1].geometry).to.deep.equal({ type: 'Point', coordinates: [12.4537, 52.1181] });
    expect(dataset.records[2].geometry).to.equal(undefined);
    expect(dataset.meta.droppedCoordinates).to.equal(1);
  });
});
