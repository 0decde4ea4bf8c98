import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const src = (path: string) => resolve(import.meta.dirname, 'src', path);

/** The embed builder's page, its stylesheet and its samples (the demo's own sample files) beside its script. */
const BUILDER_SAMPLES = ['angebote.geojson', 'haushalt.csv', 'besucher.csv', 'termine.ics', 'ideen.json'];
function builderPage(): Plugin {
  return {
    name: 'offen-builder-page',
    generateBundle() {
      const asset = (fileName: string, file: string) =>
        this.emitFile({ type: 'asset', fileName, source: readFileSync(resolve(import.meta.dirname, file)) });
      asset('builder/index.html', 'src/builder/index.html');
      asset('builder/builder.css', 'src/builder/builder.css');
      for (const name of BUILDER_SAMPLES) asset(`builder/samples/${name}`, `demo/data/${name}`);
    },
  };
}

/**
 * Vite writes the parse worker's address as `new URL(new URL('parse-worker-….js', import.meta.url).href, '' +
 * import.meta.url)`. An app's bundler that builds our dist again only knows `new Worker(new URL('….js',
 * import.meta.url))` as a worker; the nested form it copies as a plain file without the chunks the worker imports.
 * The plain form lets it bundle the worker again. (Source maps keep their lines; the columns after it on that line
 * shift by a few characters.)
 */
function plainWorkerUrl(): Plugin {
  const nested =
    /new URL\(\s*(?:\/\*[^*]*\*\/\s*)?new URL\(([`'"])([\w.-]+\.js)\1,\s*import\.meta\.url\)\.href,\s*(?:``|''|"")\s*\+\s*import\.meta\.url\)/g;
  return {
    name: 'offen-plain-worker-url',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('import.meta.url).href')) {
          file.code = file.code.replace(
            nested,
            (_match, _quote, name: string) => `new URL("./${name}",import.meta.url)`,
          );
        }
      }
    },
  };
}

/**
 * Library build: ES modules only. `offen.js` is the script-tag autoloader; each widget is an entry of its own for
 * npm users (`offen-widgets/map`) and a lazy chunk for the autoloader, so chart.js and Leaflet are only
 * downloaded by pages that show a chart or a map.
 */
export default defineConfig({
  plugins: [builderPage(), plainWorkerUrl()],
  // Relative, so the URL of the parse worker resolves against the chunk that starts it (a sub-path install works).
  base: './',
  // The parse worker (src/data/worker/) as an ES module file of its own beside the chunks, never a blob: or data:
  // URL (a strict CSP allows `script-src 'self'` only); its parsers load lazily like the page's.
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: 'chunks/[name]-[hash].js',
        chunkFileNames: 'chunks/worker-[name]-[hash].js',
      },
    },
  },
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
        'builder/offen-builder': src('builder/builder-page.ts'),
      },
    },
    rolldownOptions: {
      // The plugin-timing notice only says the machine was busy; it is not a finding about the build.
      checks: { pluginTimings: false },
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Lit in one chunk of its own, shared by every widget and the builder page (named, so its budget is too).
        codeSplitting: {
          groups: [{ name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/ }],
        },
      },
    },
  },
});
