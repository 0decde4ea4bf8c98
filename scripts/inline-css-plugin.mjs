// Vite turns `import css from 'x.css?inline'` into a string module; the test runner needs the same.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export function inlineCssPlugin() {
  return {
    name: 'offen-inline-css',
    async serve(context) {
      if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) {
        const file = path.join(process.cwd(), decodeURIComponent(context.path));
        const css = await readFile(file, 'utf8');
        return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
      }
    },
  };
}
