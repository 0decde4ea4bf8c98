import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/chart/offen-chart.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { expectAccessible } from '../helpers/axe.js';
import { chartHarness } from './harness.js';

/** A CSV served from a Blob (generated here, nothing committed). */
const csvUrl = (header: string, lines: string[]) =>
  URL.createObjectURL(new Blob([`${header}\n${lines.join('\n')}\n`], { type: 'text/csv' }));

/** `count` places; place i is worth (i * 37) mod 1009 + 1, so the largest are spread through the file. */
const worth = (i: number) => ((i * 37) % 1009) + 1;
const places = (count: number) =>
  csvUrl(
    'Ort;Wert',
    Array.from({ length: count }, (_, i) => `Ort ${i + 1};${worth(i)}`),
  );

async function chartOf(template: ReturnType<typeof html>): Promise<OffenChart> {
  const el = await fixture<OffenChart>(template);
  await el.renderComplete;
  return el;
}

describe('<offen-chart> with more categories than can be read', () => {
  it('draws the 30 largest of 5,000 and "Sonstige", says so, and keeps all 5,000 in the table and the CSV', async () => {
    const el = await chartOf(html`<offen-chart src=${places(5000)} x="Ort" y="Wert" no-animation></offen-chart>`);
    const chart = chartHarness(el);
    const labels = chart.drawnLabels();
    expect(labels).to.have.length(31);
    expect(labels.at(-1)).to.equal('Sonstige');
    // The kept ones are the largest, in the file's order.
    const values = Array.from({ length: 5000 }, (_, i) => worth(i));
    const threshold = [...values].sort((a, b) => b - a)[29];
    const kept = labels.slice(0, 30).map((l) => Number(l.replace('Ort ', '')) - 1);
    expect(kept).to.deep.equal([...kept].sort((a, b) => a - b));
    for (const i of kept) expect(worth(i)).to.be.at.least(threshold);
    const drawn = chart.drawnValues();
    const keptSum = kept.reduce((sum, i) => sum + worth(i), 0);
    const total = values.reduce((a, b) => a + b, 0);
    expect(drawn.at(-1)).to.equal(total - keptSum);
    expect(chart.limitNoteText()).to.equal(
      'Die 30 größten von 5.000 Kategorien; die übrigen 4.970 sind als „Sonstige“ zusammengefasst. Alle Werte in der Tabelle.',
    );
    await expectAccessible(el);

    const rows = await chart.allTableRows();
    expect(rows).to.have.length(5000);
    expect(rows[0]).to.deep.equal(['Ort 1', '1']);
    expect(rows.some((r) => r[0] === 'Sonstige')).to.equal(false);
    const csv = (await chart.downloadedCsv()).trimEnd().split('\r\n');
    expect(csv).to.have.length(5001);
    expect(csv[0]).to.equal('Ort;Wert');
    expect(csv[5000]).to.equal(`Ort 5000;${worth(4999)}`);
  });

  it('draws 8 slices and "Sonstige" of a pie with 20, the rest in a neutral colour', async () => {
    const el = await chartOf(
      html`<offen-chart src=${places(20)} type="pie" x="Ort" y="Wert" no-animation lang="en"></offen-chart>`,
    );
    const chart = chartHarness(el);
    expect(chart.drawnLabels()).to.have.length(9);
    expect(chart.drawnLabels().at(-1)).to.equal('Other');
    expect(chart.limitNoteText()).to.equal(
      'The 8 largest of 20 categories; the other 12 are combined as “Other”. Every value is in the table.',
    );
    expect(await chart.tableRows()).to.have.length(20);
    await expectAccessible(el);
  });

  it('keeps every bar with an explicit limit="0" (up to 1,000) and draws 12 districts without a note', async () => {
    const el = await chartOf(html`<offen-chart src=${places(50)} x="Ort" y="Wert" limit="0"></offen-chart>`);
    expect(chartHarness(el).drawnLabels()).to.have.length(50);
    expect(chartHarness(el).limitNoteText()).to.equal('');
    const few = await chartOf(html`<offen-chart src=${places(12)} x="Ort" y="Wert"></offen-chart>`);
    expect(chartHarness(few).drawnLabels()).to.have.length(12);
    expect(chartHarness(few).limitNoteText()).to.equal('');
  });

  it('puts the note into the downloaded picture', async () => {
    const el = await chartOf(html`<offen-chart src=${places(40)} x="Ort" y="Wert" no-animation></offen-chart>`);
    expect(chartHarness(el).drawnLabels()).to.have.length(31);
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    const written: string[] = [];
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text, ...rest) {
      written.push(String(text));
      return fillText.call(this, text, ...rest);
    };
    try {
      el.toPng();
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
    }
    expect(written.join(' ')).to.contain('Die 30 größten von 40 Kategorien');
  });
});

/** 20,000 days from 1 January 2000, a wave between -100 and 100, one peak of 10,000 and one dip of -5,000. */
const DAYS = 20_000;
const dayValue = (i: number) => (i === 12_345 ? 10_000 : i === 777 ? -5_000 : Math.round(Math.sin(i / 50) * 100));
const days = () =>
  csvUrl(
    'Datum;Wert',
    Array.from(
      { length: DAYS },
      (_, i) => `${new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)};${dayValue(i)}`,
    ),
  );

describe('<offen-chart> with more points than pixels', () => {
  it('draws a line over 20,000 days with at most a point per pixel, keeping its peak and dip; all in the CSV', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 600px"><offen-chart src=${days()} type="line" no-animation></offen-chart></div>`,
    );
    const el = wrapper.querySelector<OffenChart>('offen-chart')!;
    await el.renderComplete;
    const chart = chartHarness(el);
    const drawn = chart.drawnValues();
    expect(drawn.length).to.be.at.most(600);
    expect(drawn.length).to.be.greaterThan(100);
    expect(drawn).to.include(10_000);
    expect(drawn).to.include(-5_000);
    expect(chart.drawnLabels()[0]).to.equal('01.01.2000');
    expect(chart.drawnValues().at(-1)).to.equal(dayValue(DAYS - 1));
    // Every day is in the table (200 rows a page) and in the download; the summary names them all.
    expect(await chart.tableRows()).to.have.length(200);
    expect(chart.summaryText()).to.contain('20000 Einträge');
    const csv = (await chart.downloadedCsv()).trimEnd().split('\r\n');
    expect(csv).to.have.length(DAYS + 1);
    expect(csv.filter((line) => line.endsWith(';10000'))).to.have.length(1);

    // Narrower: drawn again with fewer points, the peak still there.
    wrapper.style.width = '300px';
    await waitUntil(() => chart.drawnValues().length <= 300, 'thinned again for 300 pixels');
    expect(chart.drawnValues()).to.include(10_000);
    expect(chart.drawnValues()).to.include(-5_000);
    await expectAccessible(el);
  });

  it('draws columns over 20,000 days as columns with at most a column per pixel', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 500px"><offen-chart src=${days()} type="bar" no-animation></offen-chart></div>`,
    );
    const el = wrapper.querySelector<OffenChart>('offen-chart')!;
    await el.renderComplete;
    const chart = chartHarness(el);
    expect(chart.drawnValues().length).to.be.at.most(500);
    expect(chart.drawnValues()).to.include(10_000);
    expect(el.chart!.options.indexAxis).to.equal('x');
    expect(chart.limitNoteText()).to.equal('');
  });
});
