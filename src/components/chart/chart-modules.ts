/**
 * The parts of Chart.js that offen's chart types use, imported by name so the bundler leaves out the rest (radar,
 * polar area, bubble, scatter, time and logarithmic scales, decimation…). Loaded lazily with chart-draw.ts.
 */
export {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';
