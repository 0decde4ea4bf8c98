import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/components/chart/offen-chart.js';
import '../../src/components/data/offen-data.js';
import type { ChartSelectDetail, OffenChart } from '../../src/components/chart/offen-chart.js';
import { CHART_TYPES } from '../../src/components/chart/chart-engine.js';
import { expectAccessible } from '../helpers/axe.js';
import { corpusUrl, demoDataUrl, faultUrl, fixtureUrl } from '../helpers/server.js';
import { chartHarness } from './harness.js';

/** Renders a chart and waits until its data is loaded and Chart.js has drawn. */
async function chart(template: TemplateResult): Promise<OffenChart> {
  const wrapper = await fixture<HTMLElement>(template);
  const element = (wrapper.localName === 'offen-chart' ? wrapper : wrapper.querySelector('offen-chart')) as OffenChart;
  await element.renderComplete;
  return element;
}

/** Opens the table twin and returns its rows as [header cell, …data cells] texts. */
const tableRows = (element: OffenChart) => chartHarness(element).tableRows();

const rowOf = (rows: string[][], label: string) => rows.find((r) => r[0] === label);

describe('<offen-chart>', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  it('shows the sample budget (Windows-1252, decimal comma, € in the header) with exact values in the table', async () => {
    const el = await chart(
      html`<offen-chart
        src=${demoDataUrl('haushalt.csv')}
        x="Produktbereich"
        y="Ansatz 2026 (€)"
        heading="Haushalt 2026"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    expect(rows).to.have.length(13);
    // Cells as written in the file: "1.251.300,00", "645.750,40", "-92.100,00"; the unit comes from the header.
    expect(rowOf(rows, 'Sicherheit und Ordnung')).to.deep.equal(['Sicherheit und Ordnung', '1.251.300,00\u00a0€']);
    expect(rowOf(rows, 'Kultur und Wissenschaft')![1]).to.equal('645.750,40\u00a0€');
    expect(rowOf(rows, 'Wirtschaft und Tourismus (Kurbetrieb)')![1]).to.equal('-92.100,00\u00a0€');
    expect(chartHarness(el).tableCaption()).to.contain('Haushalt 2026');
    expect(chartHarness(el).tableHeaders()).to.deep.equal(['Produktbereich', 'Ansatz 2026 (€)']);
    // The footnote line "Beispieldaten – keine amtlichen Zahlen" is not a bar.
    expect(rowOf(rows, 'Beispieldaten – keine amtlichen Zahlen')).to.equal(undefined);
  });

  it('heads the table with the field aliases an ArcGIS answer gives, while attributes name the fields', async () => {
    const el = await chart(
      html`<offen-chart
        src=${fixtureUrl('esri-query-types-aliases-4326.json')}
        x="GEMEINDE"
        y="EW_2023"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    expect(chartHarness(el).tableHeaders()).to.deep.equal(['Gemeinde', 'Einwohner 2023']);
    expect(rowOf(rows, 'Bad Belzig')).to.deep.equal(['Bad Belzig', '11.102']);
    expect(el.chart!.data.datasets[0].label).to.equal('Einwohner 2023');
    await expectAccessible(el);
  });

  it('gives the rest after `limit` a neutral colour in a doughnut, and reports offen-load', async () => {
    const loads: number[] = [];
    const el = await chart(
      html`<offen-chart
        src=${demoDataUrl('haushalt.csv')}
        y="Ansatz 2026 (€)"
        type="doughnut"
        sort="-value"
        limit="3"
        @offen-load=${(event: CustomEvent<{ count: number }>) => loads.push(event.detail.count)}
      ></offen-chart>`,
    );
    expect(loads).to.deep.equal([13]);
    const colours = el.chart!.data.datasets[0].backgroundColor as string[];
    expect(el.chart!.data.labels).to.have.length(4);
    expect(colours[3]).to.equal('#595959');
    expect(new Set(colours.slice(0, 3)).size).to.equal(3);
  });

  it('plots a missing value as a gap, not as zero, and negative values below zero', async () => {
    const el = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2025 (€), Ansatz 2026 (€)"></offen-chart>`,
    );
    const rows = await tableRows(el);
    // "Umwelt- und Klimaschutz;-;48.900,00": no 2025 value.
    expect(rowOf(rows, 'Umwelt- und Klimaschutz')).to.deep.equal([
      'Umwelt- und Klimaschutz',
      'keine Angabe',
      '48.900,00\u00a0€',
    ]);
    const data = el.chart!.data.datasets;
    const index = el.chart!.data.labels!.indexOf('Umwelt- und Klimaschutz');
    expect(data[0].data[index]).to.equal(null);
    expect(data[1].data[index]).to.equal(48900);
    // Thirteen long labels do not fit under columns at this width: bars, with the values across.
    const valueAxis = el.chart!.options.indexAxis === 'y' ? 'x' : 'y';
    expect(el.chart!.scales[valueAxis].min).to.be.below(-85430.5);
  });

  it('names the canvas with a summary: type, series, range, highest and lowest', async () => {
    const el = await chart(html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2026 (€)"></offen-chart>`);
    const label = chartHarness(el).summaryText();
    expect(label).to.contain('Säulendiagramm: Ansatz 2026 (€) nach Produktbereich, 13 Einträge, von');
    expect(label).to.contain('Höchster Wert: Kinder-, Jugend- und Familienhilfe (6.210.480,00\u00a0€)');
    expect(label).to.contain('niedrigster Wert: Wirtschaft und Tourismus (Kurbetrieb) (-92.100,00\u00a0€)');
  });

  it('sums Moers budget lines per group with the decimals of the file', async () => {
    const el = await chart(
      html`<offen-chart src=${corpusUrl('moers-haushalt-latin1.csv')} x="Kontengruppe" y="Plan 2017"></offen-chart>`,
    );
    const rows = await tableRows(el);
    // Sums of the 355 / 204 "Personalaufwendungen" / "Versorgungsaufwendungen" rows of the file's Plan 2017 column.
    expect(rowOf(rows, 'Personalaufwendungen')![1]).to.equal('50.532.898,00');
    expect(rowOf(rows, 'Steuern und ähnliche Abgaben')![1]).to.equal('-133.993.741,00');
  });

  it('filters one slice: Profitcenter 104 of Moers shows the file cells unchanged', async () => {
    const el = await chart(
      html`<offen-chart
        src=${corpusUrl('moers-haushalt-latin1.csv')}
        x="Kontengruppe"
        y="Ist 2015"
        filter="Profitcenter=104"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    expect(rows).to.have.length(10);
    expect(rowOf(rows, 'öffentlich-rechtliche Leistungsentgelte')![1]).to.equal('-2.487,50');
    expect(rowOf(rows, 'Personalaufwendungen')![1]).to.equal('1.891.919,92');
    expect(rowOf(rows, 'sonstige ordentliche Erträge')![1]).to.equal('-358.573,30');
  });

  it('aggregates with max and counts rows without a value column', async () => {
    const max = await chart(
      html`<offen-chart
        src=${corpusUrl('moers-haushalt-latin1.csv')}
        x="Kontengruppe"
        y="Plan 2017"
        aggregate="max"
        sort="-value"
        limit="1"
      ></offen-chart>`,
    );
    // The largest single "Transferaufwendungen" cell of Plan 2017 is 69.722.400.
    expect((await tableRows(max))[0]).to.deep.equal(['Transferaufwendungen', '69.722.400,00']);
    const count = await chart(
      html`<offen-chart src=${corpusUrl('koeln-haushalt-bezirke-utf8-bom.csv')} x="Bezeichnung" aggregate="count">
      </offen-chart>`,
    );
    const rows = await tableRows(count);
    // 252 rows: 28 budget lines for each of the 9 districts.
    expect(rows).to.have.length(9);
    expect(rows.every((r) => r[1] === '28')).to.equal(true);
    expect(rows[8][0]).to.equal('Mühlheim');
  });

  it('drops Münster subtotal rows by filter, sorts and sums the rest into "Sonstige"', async () => {
    const el = await chart(
      html`<offen-chart
        src=${corpusUrl('muenster-wohnberechtigte-stadtteile.csv')}
        x="BezirkName"
        y="2014"
        filter="BezirkNummer!="
        sort="-value"
        limit="5"
        type="horizontal-bar"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    // 45 districts with a number sum to 300.267 ("Stadt Münster"); the five largest in 2014 and the other 40.
    expect(rows).to.deep.equal([
      ['Gievenbeck', '21.155'],
      ['Kreuz', '12.524'],
      ['Coerde', '10.555'],
      ['Kinderhaus-West', '10.513'],
      ['Mauritz-Ost', '10.317'],
      ['Sonstige', '235.203'],
    ]);
  });

  it('pivots the Münster climate time series (long format) into one line per MERKMAL', async () => {
    const el = await chart(
      html`<offen-chart
        src=${corpusUrl('muenster-klimadashboard-zeitreihen.csv')}
        filter="DATEINAME=awm-abfallaufkommen-pro-kopf"
        x="ZEIT"
        y="WERT"
        series="MERKMAL"
        unit="kg"
        type="line"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    expect(chartHarness(el).tableHeaders()).to.deep.equal([
      'ZEIT',
      'Abfallaufkommen - Gesamt',
      'Abfallaufkommen - Wertstoffe',
      'Abfallaufkommen - Restmüll',
    ]);
    expect(rows).to.have.length(12);
    // "…;Abfallaufkommen - Restmüll;2014;195,00;kg pro Kopf" and "…Gesamt;2022;375,00".
    expect(rowOf(rows, '2014')![3]).to.equal('195\u00a0kg');
    expect(rowOf(rows, '2022')![1]).to.equal('375\u00a0kg');
    expect(el.chart!.data.datasets).to.have.length(3);

    // The keyboard goes through a year's three lines before the next year, naming the line.
    chartHarness(el).picture()!.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.chart!.tooltip!.getActiveElements().map((a) => [a.datasetIndex, a.index])).to.deep.equal([[1, 0]]);
    expect(chartHarness(el).announcement()).to.match(
      new RegExp(`^${el.chart!.data.labels![0]} – Abfallaufkommen - Wertstoffe: [\\d.,]+\\skg$`),
    );
  });

  it('orders the GENESIS land-use dates in time and leaves "-" cells as gaps', async () => {
    const el = await chart(
      html`<offen-chart
        src=${corpusUrl('itnrw-genesis-33111-02ir-koeln-flaechennutzung.csv')}
        y="Waldfläche – Insgesamt, Landwirtschaftsfläche – Moor"
        type="line"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    // The file lists 31.12.2012 first and 31.12.1994 last; the x column was detected (first date column).
    expect(rows[0]).to.deep.equal(['31.12.1994', '543.924', 'keine Angabe']);
    expect(rows.at(-1)).to.deep.equal(['31.12.2012', '665.407', '0']);
    expect(rowOf(rows, '31.12.2009')![2]).to.equal('keine Angabe');
  });

  for (const type of CHART_TYPES) {
    it(`draws a ${type} chart into a canvas in the shadow root`, async () => {
      const el = await fixture<OffenChart>(
        html`<offen-chart src=${demoDataUrl('besucher.csv')} x="Jahr" y="Besucher" series="Einrichtung" type=${type}>
        </offen-chart>`,
      );
      await oneEvent(el, 'offen-render');
      const canvas = chartHarness(el).picture()!;
      expect(el.chart!.canvas).to.equal(canvas);
      expect(canvas.width).to.be.above(0);
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 97)
        colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      expect(colours.size, 'the canvas is not blank').to.be.above(2);
      const expected = { 'horizontal-bar': 'bar', 'stacked-bar': 'bar', area: 'line' }[type as string] ?? type;
      expect((el.chart!.config as { type: string }).type).to.equal(expected);
    });
  }

  it('shows only the first series in a pie and says so in table and summary', async () => {
    const el = await chart(
      html`<offen-chart
        src=${demoDataUrl('besucher.csv')}
        x="Einrichtung"
        y="Besucher"
        series="Jahr"
        type="pie"
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    expect(rows.map((r) => r[0])).to.deep.equal([
      'Burg Eisenhardt',
      'Stadtbibliothek',
      'Freibad',
      'Touristinformation',
    ]);
    // Pivoted by year; the first series is 2019: "2019;Freibad;38900".
    expect(rowOf(rows, 'Freibad')).to.deep.equal(['Freibad', '38.900']);
    expect(el.chart!.data.datasets).to.have.length(1);
  });

  it('draws a pie with a negative value as columns and says why', async () => {
    // "Wirtschaft und Tourismus (Kurbetrieb);-85.430,50;-92.100,00": a pie would draw it as a positive slice.
    const el = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2026 (€)" type="pie"></offen-chart>`,
    );
    expect((el.chart!.config as { type: string }).type).to.equal('bar');
    expect(chartHarness(el).noteText()).to.equal(
      'Ein Kreisdiagramm kann negative Werte nicht darstellen; die Werte sind deshalb als Säulen gezeigt.',
    );
    expect(chartHarness(el).summaryText()).to.match(/^Säulendiagramm: /);
    await expectAccessible(el);

    // Without the negative row (the five largest values and the rest summed up) it stays a pie, without a note.
    el.setAttribute('sort', '-value');
    el.setAttribute('limit', '5');
    await el.renderComplete;
    expect((el.chart!.config as { type: string }).type).to.equal('pie');
    expect(chartHarness(el).noteText()).to.equal('');
  });

  it('emits offen-select with the clicked label and value', async () => {
    const el = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2026 (€)" type="bar" no-animation></offen-chart>`,
    );
    // Without animation the bar stands at its final height at once, where the click goes.
    expect(el.chart!.options.animation).to.equal(false);
    const bar = el.chart!.getDatasetMeta(0).data[5];
    const rect = el.chart!.canvas.getBoundingClientRect();
    const selected = oneEvent(el, 'offen-select');
    el.chart!.canvas.dispatchEvent(
      new MouseEvent('click', { clientX: rect.left + bar.x, clientY: rect.top + bar.y + 5, bubbles: true }),
    );
    const { detail } = (await selected) as CustomEvent<ChartSelectDetail>;
    expect(detail).to.deep.include({ label: 'Kinder-, Jugend- und Familienhilfe', value: 6210480 });
    // The same shape as every widget's offen-select: the label's id and the one row behind the bar.
    expect(detail.id).to.equal('Kinder-, Jugend- und Familienhilfe');
    expect(detail.record?.values.Produktbereich).to.equal('Kinder-, Jugend- und Familienhilfe');
  });

  it('goes through the values by keyboard: tooltip and announcement, Enter selects, Escape and leaving let go', async () => {
    const el = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2026 (€)" type="bar" no-animation></offen-chart>`,
    );
    const view = chartHarness(el);
    const canvas = view.picture()!;
    const active = () => el.chart!.tooltip!.getActiveElements().map((a) => [a.datasetIndex, a.index]);
    expect(canvas.tabIndex).to.equal(0);
    expect(view.keysHint()).to.contain('Pfeiltasten');

    canvas.focus();
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(view.announcement()).to.match(/^Kinder-, Jugend- und Familienhilfe: 6\.210\.480,00\s€$/);
    expect(active()).to.deep.equal([[0, 5]]);
    expect(el.chart!.getActiveElements().map((a) => a.index)).to.deep.equal([5]);
    await expectAccessible(el);

    const selected = oneEvent(el, 'offen-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await selected) as CustomEvent<ChartSelectDetail>;
    expect(detail).to.deep.include({ label: 'Kinder-, Jugend- und Familienhilfe', value: 6210480, index: 5 });

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(view.announcement()).to.equal('');
    expect(active()).to.deep.equal([]);

    // From nothing, ArrowLeft starts at the last value; End goes there too.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    const last = el.plotData!.labels.length - 1;
    expect(active()).to.deep.equal([[0, last]]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'End' });
    expect(active()).to.deep.equal([[0, last]]);

    canvas.blur();
    await el.updateComplete;
    expect(view.announcement()).to.equal('');
    expect(active()).to.deep.equal([]);
  });

  it('downloads the plotted data as German CSV and the chart as PNG', async () => {
    const el = await chart(
      html`<offen-chart
        src=${demoDataUrl('haushalt.csv')}
        y="Ansatz 2025 (€)"
        sort="-value"
        limit="2"
        heading="Haushalt Bad Belzig"
      ></offen-chart>`,
    );
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      chartHarness(el).downloadButton('CSV')!.click();
      chartHarness(el).downloadButton('PNG')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked.map((a) => a.download)).to.deep.equal(['haushalt-bad-belzig.csv', 'haushalt-bad-belzig.png']);
    const bytes = new Uint8Array(await (await fetch(clicked[0].href)).arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a UTF-8 BOM for Excel').to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    // Largest two of 2025, then the other ten values (one is missing) summed.
    expect(csv).to.equal(
      'Produktbereich;Ansatz 2025 (€)\r\n' +
        'Kinder-, Jugend- und Familienhilfe;5950120,75\r\n' +
        'Innere Verwaltung;4812350\r\n' +
        'Sonstige;7923140,45\r\n',
    );
    expect(clicked[1].href).to.match(/^data:image\/png;base64,/);
  });

  it('follows an English page: numbers, strings and CSV', async () => {
    const el = await chart(
      html`<div lang="en">
        <offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2026 (€)"></offen-chart>
      </div>`,
    );
    expect(chartHarness(el).buttonTexts()).to.deep.equal(['Table', 'CSV', 'Image']);
    expect(chartHarness(el).downloadButton('PNG')!.getAttribute('aria-label')).to.equal(
      'Download chart as image (PNG)',
    );
    const rows = await tableRows(el);
    expect(rowOf(rows, 'Kultur und Wissenschaft')![1]).to.equal('645,750.40\u00a0€');
    expect(el.toCsv().split('\r\n')[0]).to.equal('Produktbereich,Ansatz 2026 (€)');
    expect(chartHarness(el).summaryText()).to.contain('Column chart');
  });

  it('has a figure with heading, description and a source line linking to the data', async () => {
    const el = await chart(
      html`<offen-chart
        src=${demoDataUrl('haushalt.csv')}
        heading="Haushalt 2026"
        description="Geplante Ausgaben nach Produktbereichen"
        source-label="Stadt Bad Belzig"
      ></offen-chart>`,
    );
    const figure = chartHarness(el);
    expect(figure.headingText()).to.equal('Haushalt 2026');
    expect(figure.heading()!.getAttribute('aria-level')).to.equal('3');
    expect(figure.descriptionText()).to.equal('Geplante Ausgaben nach Produktbereichen');
    const [link] = figure.sourceLinks();
    expect(link.textContent).to.equal('Stadt Bad Belzig');
    expect(link.href).to.equal(demoDataUrl('haushalt.csv'));
    expect(figure.sourceText()).to.equal('Quelle: Stadt Bad Belzig');

    // Without source-label: the file's name for data from this site (not "localhost:8000").
    const plain = await chart(html`<offen-chart src=${demoDataUrl('haushalt.csv')}></offen-chart>`);
    expect(chartHarness(plain).sourceLinks()[0].textContent).to.equal('haushalt.csv');
  });

  it('passes axe in chart, table, empty and error states', async () => {
    const el = await chart(
      html`<offen-chart
        src=${demoDataUrl('haushalt.csv')}
        heading="Haushalt"
        description="Beispieldaten"
      ></offen-chart>`,
    );
    await expectAccessible(el);
    await tableRows(el);
    await expectAccessible(el);

    const empty = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} filter="Produktbereich=Gibt es nicht"></offen-chart>`,
    );
    expect(chartHarness(empty).emptyText()).to.equal('Keine Zeilen passen zum Filter „Produktbereich=Gibt es nicht“.');
    await expectAccessible(empty);

    const failed = await chart(html`<offen-chart src=${faultUrl('status/404?chart')}></offen-chart>`);
    expect(chartHarness(failed).state()).to.equal('error');
    await expectAccessible(failed);
  });

  it('shows a loading skeleton, then an error with a retry that loads again', async () => {
    const el = await fixture<OffenChart>(
      html`<offen-chart src=${faultUrl(`flaky/chart-${Math.random()}`)}></offen-chart>`,
    );
    expect(chartHarness(el).state()).to.equal('loading');
    await expectAccessible(el);
    await el.renderComplete;
    // fetch retries a 500 once by itself, so the flaky endpoint arrives as data.
    expect(chartHarness(el).state()).to.equal(undefined);
    expect(chartHarness(el).picture()).to.exist;

    const broken = await fixture<OffenChart>(html`<offen-chart src=${faultUrl('status/500?c=1')}></offen-chart>`);
    const error = (await oneEvent(broken, 'offen-error')) as CustomEvent<{ kind: string }>;
    expect(error.detail.kind).to.equal('http');
    await broken.renderComplete;
    const retry = chartHarness(broken).retryButton()!;
    expect(retry.textContent).to.equal('Erneut versuchen');
    retry.click();
    await broken.updateComplete;
    expect(chartHarness(broken).state()).to.equal('loading');
  });

  it('names a missing column in a translated error with the columns that exist', async () => {
    const el = await fixture<OffenChart>(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2030"></offen-chart>`,
    );
    const error = (await oneEvent(el, 'offen-error')) as CustomEvent<{ kind: string }>;
    expect(error.detail.kind).to.equal('mapping');
    await el.updateComplete;
    expect(chartHarness(el).errorMessage()).to.equal(
      'Die Spalte „Ansatz 2030“ (Attribut y) gibt es in den Daten nicht. ' +
        'Vorhandene Spalten: Produktbereich, Ansatz 2025 (€), Ansatz 2026 (€).',
    );
    expect(chartHarness(el).state()).to.equal('error');
    expect(chartHarness(el).retryButton(), 'retrying cannot fix an attribute').to.equal(null);
    await expectAccessible(el);
  });

  it('explains a filter that is not column=value, and data without any number column', async () => {
    const bad = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} filter="Produktbereich:Kultur"> </offen-chart>`,
    );
    expect(chartHarness(bad).errorMessage()).to.equal(
      'Der Filter „Produktbereich:Kultur“ hat nicht die Form Spalte=Wert (oder Spalte!= für „nicht leer“).',
    );
    const body = 'Ort;Art\nBad Belzig;Stadt\nWiesenburg;Gemeinde\n';
    const text = await chart(
      html`<offen-chart src=${faultUrl(`text?type=text/csv&body=${encodeURIComponent(body)}`)}></offen-chart>`,
    );
    expect(chartHarness(text).errorMessage()).to.equal(
      'Die Daten haben keine Zahlenspalte. Bitte im Attribut y die Spalte mit den Werten angeben. Vorhandene Spalten: Ort, Art.',
    );
  });

  it('renders XSS payloads in labels and heading as text', async () => {
    const payload = '<img src=x onerror="window.__offenXss=1">';
    const body = `Name;Wert\n${payload};5\n<script>window.__offenXss=2</script>;7\n`;
    const el = await chart(
      html`<offen-chart
        src=${faultUrl(`text?type=text/csv&body=${encodeURIComponent(body)}`)}
        heading=${payload}
      ></offen-chart>`,
    );
    const rows = await tableRows(el);
    expect(rows.map((r) => r[0])).to.deep.equal([payload, '<script>window.__offenXss=2</script>']);
    expect(chartHarness(el).headingText()).to.equal(payload);
    expect(el.shadowRoot!.querySelectorAll('img, script'), 'no element made from the data').to.have.length(0);
    expect((window as { __offenXss?: number }).__offenXss).to.equal(undefined);
  });

  it('draws without animation under prefers-reduced-motion and follows dark mode with theme="auto"', async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    const el = await chart(html`<offen-chart src=${demoDataUrl('haushalt.csv')} theme="auto"></offen-chart>`);
    expect(el.chart!.options.animation).to.equal(false);
    // Dark palette starts with the light blue; the text colour is light.
    expect(el.chart!.data.datasets[0].backgroundColor).to.equal('#56b4e9');
    expect(chartHarness(el).textColour()).to.equal('rgb(241, 243, 245)');
  });

  it('turns dark when the page declares color-scheme: dark, and formats tooltips like the table', async () => {
    const el = await chart(
      html`<div style="color-scheme: dark"><offen-chart src=${demoDataUrl('haushalt.csv')}></offen-chart></div>`,
    );
    expect(chartHarness(el).textColour()).to.equal('rgb(241, 243, 245)');
    const label = el.chart!.options.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    const item = { raw: 1204880.25, dataset: { label: 'Ansatz 2025 (€)' }, label: 'Sicherheit und Ordnung' };
    expect(label.call(el.chart!.tooltip, item)).to.equal('Ansatz 2025 (€): 1.204.880,25\u00a0€');
  });

  it('takes colours from the colors attribute, else from --offen-chart-palette', async () => {
    const own = await chart(
      html`<offen-chart
        src=${demoDataUrl('haushalt.csv')}
        y="Ansatz 2025 (€), Ansatz 2026 (€)"
        colors="#112233, rebeccapurple"
      >
      </offen-chart>`,
    );
    expect(own.chart!.data.datasets.map((d) => d.backgroundColor)).to.deep.equal(['#112233', 'rebeccapurple']);
    const styled = await chart(
      html`<div style="--offen-chart-palette: #aa0000, #00aa00">
        <offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2025 (€), Ansatz 2026 (€)"></offen-chart>
      </div>`,
    );
    expect(styled.chart!.data.datasets.map((d) => d.backgroundColor)).to.deep.equal(['#aa0000', '#00aa00']);
  });

  it('reads the dataset of a parent <offen-data> and narrows it to the linked categories', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<offen-data src=${corpusUrl('moers-haushalt-latin1.csv')}>
        <offen-chart x="Kontengruppe" aggregate="count" category="Personalaufwendungen, Transferaufwendungen">
        </offen-chart>
      </offen-data>`,
    );
    const el = wrapper.querySelector('offen-chart')!;
    await waitUntil(() => el.chart, 'the chart is drawn', { timeout: 10_000 });
    // Rows per Kontengruppe in the file: 355 "Personalaufwendungen", 112 "Transferaufwendungen".
    expect(await tableRows(el)).to.deep.equal([
      ['Personalaufwendungen', '355'],
      ['Transferaufwendungen', '112'],
    ]);
    // A category from another column (e.g. chosen in a map) does not empty the chart.
    el.category = 'Sport';
    await el.renderComplete;
    expect(await tableRows(el)).to.have.length(19);
  });

  it('draws again after being moved in the page, and destroys its chart when removed', async () => {
    const el = await chart(html`<offen-chart src=${demoDataUrl('haushalt.csv')}></offen-chart>`);
    const first = el.chart!;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await el.renderComplete;
    expect(el.chart).to.exist;
    expect(el.chart).to.not.equal(first);
    expect(first.canvas === null || !first.attached).to.equal(true);
    el.remove();
    expect(el.chart).to.equal(undefined);
    other.remove();
  });

  it('redraws when an attribute changes and resizes with its container', async () => {
    const el = await chart(
      html`<div style="width: 400px"><offen-chart src=${demoDataUrl('haushalt.csv')}></offen-chart></div>`,
    );
    const first = el.chart!;
    el.type = 'horizontal-bar';
    await el.renderComplete;
    expect(el.chart).to.not.equal(first);
    expect(el.chart!.options.indexAxis).to.equal('y');
    el.limit = 3;
    el.sort = '-value';
    await el.renderComplete;
    expect(el.chart!.data.labels).to.deep.equal([
      'Kinder-, Jugend- und Familienhilfe',
      'Innere Verwaltung',
      'Schulträgeraufgaben',
      'Sonstige',
    ]);
    const width = el.chart!.width;
    el.parentElement!.style.width = '700px';
    await waitUntil(() => el.chart!.width !== width, 'the chart follows its container', { timeout: 3000 });
    expect(el.chart!.width).to.be.closeTo(700, 2);
  });
});
