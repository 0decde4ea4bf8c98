import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/components/chart/offen-chart.js';
import '../../src/components/data/offen-data.js';
import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { expectAccessible } from '../helpers/axe.js';
import { corpusUrl, demoDataUrl } from '../helpers/server.js';
import { chartHarness } from './harness.js';

/** Renders a chart and waits until its data is loaded and Chart.js has drawn. */
async function chart(template: TemplateResult): Promise<OffenChart> {
  const wrapper = await fixture<HTMLElement>(template);
  const element = (wrapper.localName === 'offen-chart' ? wrapper : wrapper.querySelector('offen-chart')) as OffenChart;
  await element.renderComplete;
  return element;
}

type Tick = { label?: string | string[] | number; value: number };

const lines = (tick: Tick) => (Array.isArray(tick.label) ? tick.label : [String(tick.label)]);

/** The category axis as drawn: bars along y, columns along x. */
const labelScale = (el: OffenChart) => el.chart!.scales[el.chart!.options.indexAxis === 'y' ? 'y' : 'x'];
const valueScale = (el: OffenChart) => el.chart!.scales[el.chart!.options.indexAxis === 'y' ? 'x' : 'y'];

/** Width of a text in the axis labels' font (Chart.js's 12 px, the chart's font). */
function textWidth(el: OffenChart, text: string): number {
  const ctx = el.chart!.ctx;
  ctx.save();
  ctx.font = `12px ${getComputedStyle(el.shadowRoot!.querySelector('.root')!).getPropertyValue('--_font')}`;
  const width = ctx.measureText(text).width;
  ctx.restore();
  return width;
}

/** The texts Chart.js writes onto the canvas when it draws the chart again, with where each starts. */
function drawnTexts(el: OffenChart): { text: string; x: number }[] {
  const drawn: { text: string; x: number }[] = [];
  const ctx = el.chart!.ctx;
  const fillText = ctx.fillText;
  ctx.fillText = function (text: string, x: number, y: number) {
    drawn.push({ text, x });
    return fillText.call(this, text, x, y);
  };
  try {
    el.chart!.draw();
  } finally {
    ctx.fillText = fillText;
  }
  return drawn;
}

/** The three data sets of the issue: 5, 13 and 40 categories of real budget and district data. */
const CASES = [
  { count: 5, src: demoDataUrl('haushalt.csv'), x: 'Produktbereich', y: 'Ansatz 2025 (€), Ansatz 2026 (€)', limit: 4 },
  { count: 13, src: demoDataUrl('haushalt.csv'), x: 'Produktbereich', y: 'Ansatz 2025 (€), Ansatz 2026 (€)' },
  { count: 40, src: corpusUrl('muenster-wohnberechtigte-stadtteile.csv'), x: 'BezirkName', y: '2014', limit: 39 },
];

describe('<offen-chart> layout: every label, compact axes, narrow screens, the picture', () => {
  for (const width of [320, 600, 1200]) {
    for (const { count, src, x, y, limit } of CASES) {
      for (const type of ['bar', 'horizontal-bar']) {
        it(`draws all ${count} category labels of a ${type} chart at ${width} px, none overlapping`, async () => {
          const el = await chart(
            html`<div style="width: ${width}px">
              <offen-chart
                src=${src}
                type=${type}
                x=${x}
                y=${y}
                filter=${x === 'BezirkName' ? 'BezirkNummer!=' : ''}
                limit=${limit ?? ''}
                sort=${limit ? '-value' : ''}
              ></offen-chart>
            </div>`,
          );
          const scale = labelScale(el);
          const ticks = scale.ticks as Tick[];
          const labels = el.chart!.data.labels as string[];
          expect(labels).to.have.length(count);
          expect(ticks.map((t) => t.value)).to.deep.equal(labels.map((_, i) => i));
          ticks.forEach((tick, i) => {
            const drawn = lines(tick).join(' ');
            // The whole label, or its beginning cut with "…" (the tooltip and the table have the whole text).
            if (drawn !== labels[i]) {
              expect(drawn.endsWith('…'), `${drawn} for ${labels[i]}`).to.equal(true);
              expect(labels[i].replace(/\s+/g, ' ').startsWith(drawn.slice(0, -1).trimEnd())).to.equal(true);
            }
            expect(lines(tick).length).to.be.at.most(2);
          });
          const gaps = ticks.slice(1).map((_, i) => Math.abs(scale.getPixelForTick(i + 1) - scale.getPixelForTick(i)));
          if (el.chart!.options.indexAxis === 'y') {
            const mostLines = Math.max(...ticks.map((t) => lines(t).length));
            expect(Math.min(...gaps), 'bars are as tall as their labels').to.be.at.least(mostLines * 12);
          } else {
            const widest = Math.max(...ticks.flatMap((t) => lines(t).map((line) => textWidth(el, line))));
            expect(Math.min(...gaps), 'column labels fit side by side').to.be.at.least(widest);
          }
          expect(el.chart!.width).to.be.at.most(width);
        });
      }
    }
  }

  it('turns columns into bars when their labels would collide, and back when there is room', async () => {
    const el = await chart(
      html`<div style="width: 1200px">
        <offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2026 (€)" sort="-value" limit="4"></offen-chart>
      </div>`,
    );
    expect(el.chart!.options.indexAxis).to.equal('x');
    el.parentElement!.style.width = '320px';
    await waitUntil(() => el.chart?.options.indexAxis === 'y', 'bars at 320 px', { timeout: 3000 });
    await el.renderComplete;
    expect((labelScale(el).ticks as Tick[]).length).to.equal(5);
    el.parentElement!.style.width = '1200px';
    await waitUntil(() => el.chart?.options.indexAxis === 'x', 'columns again at 1200 px', { timeout: 3000 });
  });

  it('writes compact German ticks, never rotated, on a domain that includes zero without overshooting', async () => {
    const el = await chart(
      html`<div style="width: 1200px">
        <offen-chart src=${demoDataUrl('haushalt.csv')} type="horizontal-bar" y="Ansatz 2026 (€)"></offen-chart>
      </div>`,
    );
    const scale = valueScale(el);
    // Values from −92.100 € to 6.210.480 €: the axis ends at −100 Tsd. €, not −1 Mio. €.
    expect(scale.min).to.equal(-100_000);
    expect(scale.max).to.equal(7_000_000);
    expect(scale.labelRotation).to.equal(0);
    const labels = (scale.ticks as Tick[]).map((t) => t.label);
    expect(labels).to.include.members(['0\u00a0€', '1\u00a0Mio.\u00a0€', '2\u00a0Mio.\u00a0€', '7\u00a0Mio.\u00a0€']);
    expect(
      labels.every((l) => /^-?\d+(,\d)?(\u00a0(Tsd|Mio|Mrd)\.)?\u00a0€$/.test(String(l))),
      labels.join(' | '),
    ).to.equal(true);

    const english = await chart(
      html`<div style="width: 600px" lang="en">
        <offen-chart src=${demoDataUrl('haushalt.csv')} type="bar" y="Ansatz 2026 (€)" sort="-value" limit="3">
        </offen-chart>
      </div>`,
    );
    const ticks = (valueScale(english).ticks as Tick[]).map((t) => t.label);
    expect(ticks).to.include.members(['0\u00a0€', '2M\u00a0€', '6M\u00a0€']);
  });

  it('writes each bar\'s value at its end with labels="value"', async () => {
    const el = await chart(
      html`<div style="width: 600px">
        <offen-chart
          src=${demoDataUrl('haushalt.csv')}
          type="horizontal-bar"
          y="Ansatz 2026 (€)"
          labels="value"
          no-animation
        ></offen-chart>
      </div>`,
    );
    const drawn = drawnTexts(el);
    const texts = drawn.map((d) => d.text);
    expect(texts).to.include.members(['6,2\u00a0Mio.\u00a0€', '161,3\u00a0Tsd.\u00a0€', '-92,1\u00a0Tsd.\u00a0€']);
    // Every value label sits inside the canvas (the plot left room for the longest one).
    const tickTexts = (valueScale(el).ticks as Tick[]).map((t) => String(t.label));
    const ends = drawn.filter((d) => /€$/.test(d.text) && !tickTexts.includes(d.text));
    expect(ends).to.have.length(13);
    for (const { text, x } of ends) expect(x + textWidth(el, text)).to.be.at.most(el.chart!.width + 1);

    const plain = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} type="horizontal-bar" y="Ansatz 2026 (€)"></offen-chart>`,
    );
    const none = drawnTexts(plain).map((d) => d.text);
    expect(none).to.not.include('6,2\u00a0Mio.\u00a0€');
  });

  it('downloads a publishable picture: 2× pixels, title, subtitle, notes and source line in the widget colours', async () => {
    /** The PNG decoded into pixels, and whether a band of it (CSS pixels from the top) holds text of `rgb`. */
    async function decode(url: string) {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const inked = (top: number, bottom: number, [r, g, b]: number[]) => {
        const data = ctx.getImageData(0, top * 2, canvas.width, (bottom - top) * 2).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) count++;
        }
        return count;
      };
      return {
        width: image.naturalWidth,
        height: image.naturalHeight,
        inked,
        pixel: (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data],
      };
    }
    const framed = await chart(
      html`<div style="width: 600px">
        <offen-chart
          src=${demoDataUrl('haushalt.csv')}
          type="horizontal-bar"
          y="Ansatz 2026 (€)"
          heading="Haushalt 2026"
          description="Geplante Aufwendungen je Produktbereich"
          notes="Ohne Umlagen."
          source-label="Stadt Bad Belzig"
          no-animation
        ></offen-chart>
      </div>`,
    );
    const cssHeight = framed.chart!.height;
    const picture = await decode(framed.toPng()!);
    // The chart's own 600 px and a 16 px margin either side, at twice the pixels.
    expect(picture.width).to.equal((framed.chart!.width + 32) * 2);
    const text = [0x1a, 0x1a, 0x1a];
    const muted = [0x59, 0x59, 0x59];
    // Title (16–40 px) in the text colour, subtitle below it in the muted one, the source line at the bottom.
    expect(picture.inked(16, 40, text), 'title').to.be.above(100);
    expect(picture.inked(40, 60, muted), 'subtitle').to.be.above(50);
    const cssPictureHeight = picture.height / 2;
    expect(cssPictureHeight).to.be.above(cssHeight + 80);
    expect(picture.inked(cssPictureHeight - 48, cssPictureHeight - 10, muted), 'notes and source').to.be.above(80);
    // The page's chart is back at the screen's pixels afterwards.
    expect(framed.chart!.canvas.width).to.equal(Math.round(framed.chart!.width * devicePixelRatio));

    const bare = await chart(
      html`<div style="width: 600px">
        <offen-chart
          src=${demoDataUrl('haushalt.csv')}
          type="horizontal-bar"
          y="Ansatz 2026 (€)"
          theme="dark"
          no-animation
        >
        </offen-chart>
      </div>`,
    );
    const dark = await decode(bare.toPng()!);
    expect(dark.inked(0, 14, [0x1b, 0x1f, 0x24]), 'the dark surface').to.be.above(1200 * 26);
    expect(dark.inked(16, 40, [0xf1, 0xf3, 0xf5]), 'no title without a heading').to.be.below(5);
  });

  describe('on a 320 px phone', () => {
    before(() => setViewport({ width: 320, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('fits without sideways scroll, with the legend below and the links on one line', async () => {
      const el = await chart(
        html`<offen-chart
          src=${demoDataUrl('haushalt.csv')}
          type="horizontal-bar"
          y="Ansatz 2025 (€), Ansatz 2026 (€)"
          heading="Haushalt 2025/2026 nach Produktbereich"
        ></offen-chart>`,
      );
      const page = document.scrollingElement!;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      const chartJs = el.chart!;
      expect(chartJs.width).to.be.at.most(320);
      const legend = chartJs.legend!;
      expect(legend.top).to.be.at.least(chartJs.chartArea.bottom);
      for (const box of (legend as unknown as { legendHitBoxes: { left: number; width: number }[] }).legendHitBoxes)
        expect(box.left + box.width).to.be.at.most(chartJs.width);
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="actions"] button')];
      expect(new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size, 'one row').to.equal(1);
      chartHarness(el).tableButton()!.click();
      await el.updateComplete;
      expect(new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size, 'still one row').to.equal(1);
      await expectAccessible(el);
    });

    it('fits a column chart in a grid cell that would otherwise grow with its canvas', async () => {
      const el = await chart(
        html`<div style="display: grid; grid-template-columns: 1fr">
          <offen-chart src=${demoDataUrl('besucher.csv')} type="line" x="Jahr" y="Besucher" series="Einrichtung">
          </offen-chart>
        </div>`,
      );
      const page = document.scrollingElement!;
      expect(page.scrollWidth).to.be.at.most(page.clientWidth);
      expect(el.chart!.width).to.be.at.most(320);
    });
  });

  it('counts labels and values apart in the summary and names the field as written, capitalised', async () => {
    const el = await chart(
      html`<offen-chart src=${demoDataUrl('haushalt.csv')} y="Ansatz 2025 (€), Ansatz 2026 (€)"></offen-chart>`,
    );
    expect(chartHarness(el).summaryText()).to.contain('nach Produktbereich, 13 Einträge mit je 2 Werten, von');
    const shared = await chart(
      html`<offen-data src=${demoDataUrl('angebote.geojson')}>
        <offen-chart x="kategorie" aggregate="count"></offen-chart>
      </offen-data>`,
    );
    await waitUntil(() => chartHarness(shared).summaryText(), 'the shared dataset is drawn', { timeout: 5000 });
    expect(chartHarness(shared).summaryText()).to.contain('Anzahl nach Kategorie, 4 Einträge');
    expect(chartHarness(shared).sourceLinks()[0].textContent).to.equal('angebote.geojson');
  });
});
