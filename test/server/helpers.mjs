// Shared pieces of the server tests (node --test): a server on 127.0.0.1 over a fresh store, raw HTTP for requests
// fetch cannot send, and temporary folders that are removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdeasApi, createIdeasServer, listen, openStore } from '../../server/lib/index.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (name) => path.join(root, 'test/fixtures', name);
export const CLIENT = 'test-client-0123456789abcdef';
export const TOKEN = 'test-moderator-token';
export const MODERATOR = { Authorization: `Bearer ${TOKEN}` };
export const PAGE = 'https://www.bad-belzig.de';

export const valid = {
  title: 'Neue Bänke am Teich',
  description: 'Zwei Bänke mit Blick auf den Teich im Kurpark.',
  consent: true,
  elapsed: 5000,
};

/** A folder removed when the process exits. */
export function tempDir(prefix = 'offen-server-test-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Starts the API over a store seeded from test/fixtures/ideas-board.json.
 * @param {{ databaseUrl?: string, dbFile?: string }} where
 */
export async function startApi(where, options = {}) {
  const store = await openStore({ ...where, seedFile: fixture(options.seed ?? 'ideas-board.json') });
  const api = await createIdeasApi({
    store,
    allowedOrigins: [PAGE],
    moderatorToken: TOKEN,
    minFillMs: 0,
    rateLimits: { votes: 1000, submits: 1000 },
    log: () => {},
    ...options.api,
  });
  const server = createIdeasServer({ api, log: () => {} });
  const origin = await listen(server, 0, '127.0.0.1');
  return {
    origin,
    store,
    url: (rest) => `${origin}/api${rest}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

export function post(url, body, headers = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
}

/**
 * Sends bytes as they are (a request line fetch would refuse or repair) and resolves with the status of the
 * answer, or 0 when the server closed the connection without one.
 */
export function raw(origin, text) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(text.slice(0, 60))}`));
    });
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      resolve({ status: match ? Number(match[1]) : 0, text: answer });
    });
    // No half-close: a server may drop an answer still in progress when the client ends its side first.
    socket.write(text);
  });
}

export const get = (origin, target) =>
  raw(origin, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
