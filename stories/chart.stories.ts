import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/chart/offen-chart.js';
import { PENDING_MARK } from '../.storybook/preview.js';

interface ChartArgs {
  type: string;
  src: string;
  x?: string;
  y?: string;
  series?: string;
  sort?: string;
  limit?: number;
  labels?: string;
  notes?: string;
  /** Width of the box around the chart in px (375: a phone); none: the full width. */
  width?: number;
  heading?: string;
  description?: string;
  theme?: string;
}

const meta: Meta<ChartArgs> = {
  title: 'Widgets/offen-chart',
  component: 'offen-chart',
  args: {
    src: 'data/haushalt.csv',
    x: 'Produktbereich',
    y: 'Ansatz 2025 (€), Ansatz 2026 (€)',
    heading: 'Haushalt der Stadt Bad Belzig 2025/2026',
    description: 'Geplanter Zuschussbedarf je Produktbereich (Beispieldaten).',
  },
  render: (args) => html`
    <div style=${args.width ? `max-width: ${args.width}px` : ''}>
      <offen-chart
        type=${args.type}
        src=${args.src}
        x=${ifDefined(args.x)}
        y=${ifDefined(args.y)}
        series=${ifDefined(args.series)}
        sort=${ifDefined(args.sort)}
        limit=${ifDefined(args.limit)}
        heading=${ifDefined(args.heading)}
        description=${ifDefined(args.description)}
        theme=${ifDefined(args.theme)}
        labels=${ifDefined(args.labels)}
        notes=${ifDefined(args.notes)}
        source-label="Stadt Bad Belzig (Beispieldaten)"
      ></offen-chart>
    </div>
  `,
};
export default meta;

type Story = StoryObj<ChartArgs>;

/** Budget by product area: Windows-1252 CSV with decimal commas; one value is missing (a gap, not zero). */
export const Bar: Story = { args: { type: 'bar' } };

export const HorizontalBar: Story = { args: { type: 'horizontal-bar', sort: '-value', limit: 6 } };

export const StackedBar: Story = {
  args: {
    type: 'stacked-bar',
    src: 'data/besucher.csv',
    x: 'Jahr',
    y: 'Besucher',
    series: 'Einrichtung',
    heading: 'Besucher städtischer Einrichtungen',
    description: 'Long format (Jahr;Einrichtung;Besucher), pivoted by the widget. Freibad 2020: no value.',
  },
};

export const Line: Story = { args: { ...StackedBar.args, type: 'line' } };

export const Area: Story = { args: { ...StackedBar.args, type: 'area' } };

/** Largest five areas, the rest combined into "Sonstige". A pie shows the first value column only. */
export const Pie: Story = { args: { type: 'pie', y: 'Ansatz 2026 (€)', sort: '-value', limit: 5 } };

export const Doughnut: Story = { args: { ...Pie.args, type: 'doughnut' } };

/** A pie asked for data with a negative value (Kurbetrieb): drawn as columns, with a note that says why. */
export const PieWithNegativeValue: Story = { args: { type: 'pie', y: 'Ansatz 2026 (€)' } };

/** Each chart type in a 375 px phone column: every label drawn, wrapped; columns turn into bars when they must. */
const PHONE = 375;
export const BarPhone: Story = { args: { ...Bar.args, width: PHONE } };
export const HorizontalBarPhone: Story = { args: { type: 'horizontal-bar', width: PHONE } };
export const StackedBarPhone: Story = { args: { ...StackedBar.args, width: PHONE } };
export const LinePhone: Story = { args: { ...Line.args, width: PHONE } };
export const AreaPhone: Story = { args: { ...Area.args, width: PHONE } };
export const PiePhone: Story = { args: { ...Pie.args, width: PHONE } };
export const DoughnutPhone: Story = { args: { ...Doughnut.args, width: PHONE } };

/** `labels="value"`: each bar's value at its end in the axis's compact notation; `notes` under the chart. */
export const ValueLabels: Story = {
  args: {
    type: 'horizontal-bar',
    y: 'Ansatz 2026 (€)',
    sort: '-value',
    labels: 'value',
    notes: 'Negative Werte: Erträge übersteigen die Aufwendungen.',
  },
};

export const ValueLabelsPhone: Story = { args: { ...ValueLabels.args, width: PHONE } };

/** Columns whose labels fit under them stay columns (a few short labels at desktop width). */
export const FewColumns: Story = { args: { type: 'bar', y: 'Ansatz 2026 (€)', sort: '-value', limit: 3 } };

export const Dark: Story = {
  args: { type: 'bar', theme: 'dark' },
  decorators: [(story) => html`<div style="background:#1b1f24;padding:1rem">${story()}</div>`],
};

/** Without `src` and outside `<offen-data>` the chart waits for data: the loading skeleton. */
/** A request that never answers (as a slow server would): the loading skeleton. */
export const Loading: Story = {
  render: () =>
    html`<offen-chart src=${`data/haushalt.csv?${PENDING_MARK}`} heading="Daten werden geladen"></offen-chart>`,
};

export const Empty: Story = {
  render: () =>
    html`<offen-chart src="data/haushalt.csv" filter="Produktbereich=Gibt es nicht" heading="Leer"></offen-chart>`,
};

export const LoadError: Story = {
  render: () => html`<offen-chart src="data/gibt-es-nicht.csv" heading="Fehlerzustand"></offen-chart>`,
};

export const MissingColumn: Story = {
  render: () => html`<offen-chart src="data/haushalt.csv" y="Ansatz 2030" heading="Spalte fehlt"></offen-chart>`,
};

/**
 * Real open data (Stadt Münster climate dashboard, long format with decimal commas): waste per head, one line per
 * MERKMAL, one slice of a 1 477-row file chosen with `filter`.
 */
export const CorpusMuensterWaste: Story = {
  render: () => html`
    <offen-chart
      src="data/muenster-klimadashboard-zeitreihen.csv"
      filter="DATEINAME=awm-abfallaufkommen-pro-kopf"
      x="ZEIT"
      y="WERT"
      series="MERKMAL"
      unit="kg"
      type="line"
      heading="Abfallaufkommen pro Kopf in Münster"
      source-label="Stadt Münster, Klimadashboard"
    ></offen-chart>
  `,
};

/** A generated CSV (nothing is downloaded): `count` places with values spread through the file. */
const manyPlaces = (count: number) =>
  URL.createObjectURL(
    new Blob(
      [
        `Ort;Einwohner\n${Array.from({ length: count }, (_, i) => `Ort ${i + 1};${((i * 37) % 1009) + 1}`).join('\n')}\n`,
      ],
      { type: 'text/csv' },
    ),
  );

/**
 * More categories than a reader can tell apart (2,000 places) and no `limit`: the 30 largest in the file's order and
 * "Sonstige", with a note under the chart; the table and the CSV keep all 2,000.
 */
export const AutoLimited: Story = {
  render: () => html`
    <offen-chart
      src=${manyPlaces(2000)}
      x="Ort"
      y="Einwohner"
      heading="Einwohner je Ort (2.000 Orte, generiert)"
    ></offen-chart>
  `,
};

/** A pie with 20 slices draws the 8 largest and "Sonstige" in a neutral grey. */
export const AutoLimitedPie: Story = {
  render: () => html`
    <offen-chart
      src=${manyPlaces(20)}
      type="pie"
      x="Ort"
      y="Einwohner"
      heading="Einwohner je Ort (20 Orte)"
    ></offen-chart>
  `,
};

/** 20,000 generated days: a wave, one peak and one dip (nothing is downloaded). */
const manyDays = () => {
  const value = (i: number) => (i === 12_345 ? 10_000 : i === 777 ? -5_000 : Math.round(Math.sin(i / 50) * 100));
  const lines = Array.from(
    { length: 20_000 },
    (_, i) => `${new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)};${value(i)}`,
  );
  return URL.createObjectURL(new Blob([`Datum;Wert\n${lines.join('\n')}\n`], { type: 'text/csv' }));
};

/**
 * A line over 20,000 days at most as many points as the plot is wide: per stretch of pixels the lowest and the
 * highest day, so the peak and the dip stay; resize the window and it is thinned again. The table has every day.
 */
export const ThinnedLine: Story = {
  render: () => html`
    <offen-chart src=${manyDays()} type="line" heading="Messwert je Tag (20.000 Tage, generiert)"></offen-chart>
  `,
};

/** 600,000 generated rows in 12 districts (nothing is downloaded). */
const manyRows = () => {
  const lines = Array.from({ length: 600_000 }, (_, i) => `Bezirk ${i % 12};${(i % 1000) + 1}`);
  return URL.createObjectURL(new Blob([`Bezirk;Betrag\n${lines.join('\n')}\n`], { type: 'text/csv' }));
};

/**
 * Many rows are shaped in slices that keep the page responsive: for a moment after loading the chart says "Daten
 * werden aufbereitet …", then it shows the 12 districts.
 */
export const Shaping: Story = {
  render: () => html`
    <offen-chart
      src=${manyRows()}
      x="Bezirk"
      y="Betrag"
      heading="Betrag je Bezirk (600.000 Zeilen, generiert)"
    ></offen-chart>
  `,
};
