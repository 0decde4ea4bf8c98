// `npm start`: the demo town page, the built widgets (dist/ at /offen/), the sample data and the reference idea
// server (server/, `/api/…`, see the README ("The ideas contract")). No network needed. PORT=8080 by default.
// Only public files are served: the page folder without its scripts, dotfiles or database (demo/.data/).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdeasApi, createIdeasServer, createStaticHandler, listen, openStore } from '../server/lib/index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** The database of `npm start`; `npx offen-ideas list --db demo/.data/ideas.sqlite` moderates it. */
export const DEMO_DB = path.join(here, '.data/ideas.sqlite');

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

/**
 * The error for a port another program (often an earlier `npm start`) already uses: which port, and how to take
 * another. Keeps `code: 'EADDRINUSE'`, so callers can still tell it apart.
 */
export function portInUse(port, cause) {
  const next = Number(port) > 0 && Number(port) < 65535 ? Number(port) + 1 : 8081;
  const error = new Error(
    `Port ${port} is already in use (is the demo running already?). Stop that program, or start on another port: ` +
      `PORT=${next} npm start`,
    { cause },
  );
  error.code = 'EADDRINUSE';
  return error;
}

/**
 * Starts the demo on 127.0.0.1; resolves with { origin, server, close }.
 * @param {{ port?: number, dbFile?: string, databaseUrl?: string, moderatorToken?: string, minFillMs?: number }} options
 */
export async function startDemo({
  port = 8080,
  dbFile = DEMO_DB,
  databaseUrl,
  moderatorToken = process.env.OFFEN_MODERATOR_TOKEN,
  minFillMs,
  allowedOrigins = (process.env.OFFEN_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
} = {}) {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const store = await openStore({ dbFile, databaseUrl, seedFile: path.join(here, 'data/ideen.json') });
  // The API needs the port for its own origin, known once listening: until then (never in practice) it is absent.
  let api;
  const server = createIdeasServer({
    api: { handle: (req, res, url) => api?.handle(req, res, url) ?? false },
    headers: { 'Content-Security-Policy': csp },
    files: createStaticHandler({
      mounts: { '/offen/': path.join(root, 'dist'), '/': here },
      extensions: ['.html', '.js', '.css', '.json', '.geojson', '.csv', '.ics', '.png', '.svg', '.ico', '.map'],
    }),
  });
  let origin;
  try {
    origin = await listen(server, port, '127.0.0.1');
  } catch (error) {
    await store.close();
    throw error?.code === 'EADDRINUSE' ? portInUse(port, error) : error;
  }
  const actual = new URL(origin).port;
  // The demo page posts from its own origin, under either name of the loopback address.
  api = await createIdeasApi({
    store,
    allowedOrigins,
    ownOrigins: [`http://localhost:${actual}`, `http://127.0.0.1:${actual}`],
    moderatorToken,
    minFillMs,
  });
  return {
    origin,
    server,
    store,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(path.join(root, 'dist/offen.js'))) {
    console.error('dist/offen.js is missing: run `npm run build` first (npm start does).');
    process.exit(1);
  }
  let origin;
  try {
    ({ origin } = await startDemo({ port: Number(process.env.PORT ?? 8080) }));
  } catch (error) {
    // A busy port is the reader's to fix, not a bug: one clear line instead of a stack.
    if (error?.code !== 'EADDRINUSE') throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(`offen demo: ${origin.replace('127.0.0.1', 'localhost')}/  (Ctrl+C stops it)`);
}
