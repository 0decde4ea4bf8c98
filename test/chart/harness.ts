import type { OffenChart } from '../../src/components/chart/offen-chart.js';
import { statesOf, textOf } from '../helpers/states.js';

const text = textOf;

/**
 * The chart read and used like a visitor does it: by roles, labels, parts and text (the picture's accessible name,
 * the table twin, the buttons by what they say), not by internal class names, so tests survive markup changes.
 */
export function chartHarness(el: OffenChart) {
  const root = () => el.shadowRoot!;
  const figure = () => root().querySelector<HTMLElement>('[part~="figure"]')!;
  const actions = () => [...root().querySelectorAll<HTMLButtonElement>('[part~="actions"] button')];
  const tableButton = () => actions().find((b) => b.hasAttribute('aria-expanded'));
  const table = () => root().querySelector<HTMLElement>('[part~="table"]');
  const picture = () => root().querySelector<HTMLCanvasElement>('[part~="canvas"] [role="img"]');
  return {
    ...statesOf(root),
    /** The chart's picture (the canvas, role img), to focus and press keys on. */
    picture,
    /** The picture's accessible name: type, series, range, highest and lowest. */
    summaryText: () => picture()?.getAttribute('aria-label') ?? '',
    /** The hint read with the picture (its description). */
    keysHint: () => text(root().getElementById(picture()?.getAttribute('aria-describedby') ?? '')),
    /** What the polite live region says about the value the keyboard points at. */
    announcement: () => text(root().querySelector('[part~="canvas"] [aria-live="polite"]')),
    /** Why the chart is drawn as it is (columns instead of a pie), if it says so. */
    noteText: () => text(root().querySelector('[part~="note"]')),
    /** The note under the chart when it draws only the largest categories and "Sonstige". */
    limitNoteText: () => text(root().querySelector('[part~="limit-note"]')),
    /** The labels Chart.js draws (what a visitor sees on the canvas), once drawn. */
    drawnLabels: () => (el.chart?.data.labels ?? []).map(String),
    /** The values Chart.js draws for one series. */
    drawnValues: (series = 0) => (el.chart?.data.datasets[series]?.data ?? []) as (number | null)[],
    /** Opens the table twin and pages through it ("weitere Zeilen") until every row is shown; returns them all. */
    async allTableRows(): Promise<string[][]> {
      const button = tableButton()!;
      if (button.getAttribute('aria-expanded') !== 'true') button.click();
      await el.updateComplete;
      for (let more = root().querySelector<HTMLButtonElement>('[part~="more-rows"]'); more;) {
        more.click();
        await el.updateComplete;
        more = root().querySelector<HTMLButtonElement>('[part~="more-rows"]');
      }
      return [...table()!.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));
    },
    /** The text of the CSV download (the link is caught, not followed), without its BOM. */
    async downloadedCsv(): Promise<string> {
      const clicked: HTMLAnchorElement[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        actions()
          .find((b) => (b.getAttribute('aria-label') ?? '').includes('CSV'))!
          .click();
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      return (await (await fetch(clicked[0].href)).text()).replace(/^\ufeff/, '');
    },
    heading: () => root().querySelector<HTMLElement>('[part~="heading"][role="heading"]'),
    headingText: () => text(root().querySelector('[role="heading"]')),
    /** The sentence under the heading. */
    descriptionText: () => text(figure().querySelector('figcaption p')),
    sourceText: () => text(root().querySelector('[part~="source"]')),
    /** The source line's links: the publisher's (first) and, when different, the data's. */
    sourceLinks: () => [...root().querySelectorAll<HTMLAnchorElement>('[part~="source"] a')],
    /** The colour of the figure's text as drawn (light on dark, dark on light). */
    textColour: () => getComputedStyle(figure()).color,
    /** The buttons under the chart, by what they say. */
    buttonTexts: () => actions().map((b) => text(b)),
    tableButton,
    /** A download by its accessible name (`Daten als CSV herunterladen`); the link itself says `CSV` or `Bild`. */
    downloadButton: (kind: 'CSV' | 'PNG') =>
      actions().find((b) => (b.getAttribute('aria-label') ?? text(b)).includes(kind)),
    /** Opens the table twin (if closed) and returns its rows as [header cell, …data cells] texts. */
    async tableRows(): Promise<string[][]> {
      const button = tableButton()!;
      if (button.getAttribute('aria-expanded') !== 'true') button.click();
      await el.updateComplete;
      return [...table()!.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));
    },
    /** The table twin's column headers (open it first with tableRows()). */
    tableHeaders: () => [...(table()?.querySelectorAll('thead th') ?? [])].map((th) => text(th)),
    tableCaption: () => text(table()?.querySelector('caption')),
  };
}
