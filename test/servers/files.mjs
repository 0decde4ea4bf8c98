// Serves real files to the tests over HTTP, the way a widget meets them in production:
//   /corpus/<name>   test/corpus (real third-party open data, copied unchanged; sources in test/corpus/SOURCES.md)
//   /fixtures/<name> test/fixtures (files the project wrote for tests)
//   /demo-data/<name> demo/data (the demo's sample data)
// Content types follow the extension, with no charset: the data layer must find the encoding itself.
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
export const corpusDir = path.join(root, 'test/corpus');

const mounts = {
  '/corpus/': corpusDir,
  '/fixtures/': path.join(root, 'test/fixtures'),
  '/demo-data/': path.join(root, 'demo/data'),
};

export const contentTypes = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.ics': 'text/calendar',
  '.png': 'image/png',
  '.txt': 'text/plain',
  '.html': 'text/html',
};

export function resolveMounted(urlPath) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.join(dir, decodeURIComponent(urlPath.slice(prefix.length)));
    if (!file.startsWith(dir + path.sep)) return undefined;
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  }
  return undefined;
}

export async function middleware(ctx, next) {
  const isMounted = Object.keys(mounts).some((p) => ctx.path.startsWith(p));
  if (!isMounted) return next();
  const file = resolveMounted(ctx.path);
  if (!file) {
    ctx.status = 404;
    ctx.body = 'not found';
    return;
  }
  // ?type= lets a test serve a file with a wrong or missing Content-Type.
  const type = ctx.query.type ?? contentTypes[path.extname(file)] ?? 'application/octet-stream';
  ctx.status = 200;
  if (type) ctx.set('Content-Type', type);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = createReadStream(file);
}
