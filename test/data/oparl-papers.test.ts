import { expect } from '@open-wc/testing';
import { loadDataset } from '../../src/data/load.js';
import { failure } from '../helpers/errors.js';
import { corpusUrl } from '../helpers/server.js';

// The OParl Paper files of the corpus: not meetings, so the calendar reading refuses them at once (without
// following their `next` links), and `format="json"` reads them as plain records for tables and charts.
describe('OParl papers (corpus)', () => {
  it('refuses a paper list as a calendar, naming what it holds, without paging through it', async () => {
    const error = await failure(loadDataset({ url: corpusUrl('oparl-huertgenwald-paper-list-page1.json') }));
    expect(error.kind).to.equal('unsupported');
    expect(error.found).to.equal('oparl:Paper');
  });

  it('refuses a single Paper object (OParl 1.1 spec example)', async () => {
    const error = await failure(loadDataset({ url: corpusUrl('oparl-spec-Paper-01.json') }));
    expect(error.kind).to.equal('unsupported');
    expect(error.found).to.equal('oparl:Paper');
  });

  it('reads the Hürtgenwald paper list as JSON records, the paper without a date as a missing value', async () => {
    const url = corpusUrl('oparl-huertgenwald-paper-list-page1.json');
    const file = await (await fetch(url)).json();
    const dataset = await loadDataset({ url, format: 'json' });
    expect(dataset.records).to.have.length(25);
    expect(dataset.fields.find((f) => f.name === 'date')?.type).to.equal('date');
    const first = dataset.records[0].values;
    expect(first.name).to.equal('Umbesetzungen im Bauausschuss');
    expect(first.reference).to.equal('102/2002');
    expect(file.data[0]).not.to.have.property('date');
    expect(first.date ?? null).to.equal(null);
    const dated = dataset.records.find((r) => r.values.date instanceof Date)!;
    const source = file.data.find((p: { id: string }) => p.id === dated.values.id);
    expect((dated.values.date as Date).toISOString().slice(0, 10)).to.equal(source.date);
  });
});
