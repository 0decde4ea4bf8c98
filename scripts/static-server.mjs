// A small static file server for the demo, the bench and the build checks (no dependencies, loopback only).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

export const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.ics': 'text/calendar',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `mounts` ({ '/url/prefix/': '/dir' }, longest prefix first) on 127.0.0.1. `before(req, res)` may answer a
 * request itself (an API) by returning true. `headers` are added to every file response (e.g. a CSP).
 */
export function serveStatic({ mounts, port = 0, before, headers = {}, onRequest }) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      onRequest?.(url.pathname, req);
      if (before && (await before(req, res, url))) return;
      let pathname = decodeURIComponent(url.pathname);
      if (pathname.endsWith('/')) pathname += 'index.html';
      for (const [prefix, dir] of entries) {
        if (!pathname.startsWith(prefix)) continue;
        const root = path.resolve(dir);
        const file = path.resolve(root, '.' + pathname.slice(prefix.length - 1));
        if (!file.startsWith(root)) break;
        if (!existsSync(file) || !statSync(file).isFile()) continue;
        res.writeHead(200, {
          'Content-Type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
          ...headers,
        });
        createReadStream(file).pipe(res);
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${actual}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
