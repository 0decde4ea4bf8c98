import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/offen-data.js';
import '../src/components/chart/offen-chart.js';
import '../src/components/map/offen-map.js';

const meta: Meta = {
  title: 'Widgets/offen-data',
  component: 'offen-data',
};
export default meta;

/** One dataset, two widgets: the map and the chart read the same offers, and a category chosen in one filters both. */
export const SharedDataset: StoryObj = {
  render: () => html`
    <offen-data src="data/angebote.geojson">
      <offen-map height="320px"></offen-map>
      <offen-chart type="bar" x="kategorie" aggregate="count" heading="Angebote je Kategorie"></offen-chart>
    </offen-data>
  `,
};

export const LoadError: StoryObj = {
  render: () => html`
    <offen-data src="data/gibt-es-nicht.json">
      <offen-chart type="bar" heading="Fehlerzustand"></offen-chart>
    </offen-data>
  `,
};
