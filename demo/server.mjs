// `npm start`: serves the demo town page, the built widgets (dist/ at /offen/), the sample data and the reference
// idea server (/api/…, see the README ("The ideas contract")). No network needed. PORT=8080 by default.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const port = Number(process.env.PORT ?? 8080);

if (!existsSync(path.join(root, 'dist/offen.js'))) {
  console.error('dist/offen.js is missing: run `npm run build` first (npm start does).');
  process.exit(1);
}

// A strict Content-Security-Policy, as careful municipal sites send: the widgets must work under it.
// Map tiles come from OpenStreetMap only after the reader's consent.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

let ideasApi;
const apiModule = path.join(here, 'ideas-api.mjs');
if (existsSync(apiModule)) {
  const { createIdeasApi } = await import(apiModule);
  const dataDir = path.join(here, '.data');
  mkdirSync(dataDir, { recursive: true });
  ideasApi = await createIdeasApi({
    dbFile: process.env.OFFEN_IDEAS_DB ?? path.join(dataDir, 'ideas.sqlite'),
    seedFile: path.join(here, 'data/ideen.json'),
    allowedOrigins: (process.env.OFFEN_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    moderatorToken: process.env.OFFEN_MODERATOR_TOKEN,
  });
}

const { origin } = await serveStatic({
  port,
  mounts: { '/offen/': path.join(root, 'dist'), '/data/': path.join(here, 'data'), '/': here },
  headers: { 'Content-Security-Policy': csp },
  before: async (req, res, url) => {
    if (url.pathname.startsWith('/api/') && ideasApi) return ideasApi.handle(req, res);
    if (url.pathname.startsWith('/.data/') || url.pathname.endsWith('.mjs')) {
      res.writeHead(404);
      res.end();
      return true;
    }
    return false;
  },
});

console.log(`offen demo: ${origin.replace('127.0.0.1', 'localhost')}/  (Ctrl+C stops it)`);
