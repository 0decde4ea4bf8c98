import { OffenChart } from './offen-chart.component.js';

export { OffenChart };
export type { ChartSelectDetail } from './offen-chart.component.js';
OffenChart.define('offen-chart');

declare global {
  interface HTMLElementTagNameMap {
    'offen-chart': OffenChart;
  }
}
