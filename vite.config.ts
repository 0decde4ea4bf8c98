import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const src = (path: string) => resolve(import.meta.dirname, 'src', path);

/**
 * Library build: ES modules only. `offen.js` is the script-tag autoloader; each widget is an entry of its own for
 * npm users (`offen-widgets/map`) and a lazy chunk for the autoloader, so chart.js, Leaflet and ical.js are only
 * downloaded by pages that show a chart, a map or a calendar.
 */
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      formats: ['es'],
      entry: {
        offen: src('offen.ts'),
        index: src('index.ts'),
        data: src('data/index.ts'),
        'data-element': src('components/data/offen-data.ts'),
        map: src('components/map/offen-map.ts'),
        chart: src('components/chart/offen-chart.ts'),
        ideas: src('components/ideas/offen-ideas.ts'),
        events: src('components/events/offen-events.ts'),
      },
    },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
