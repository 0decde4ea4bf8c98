// The HTTP server: the API below its base path, optionally public folders, 404 for the rest — every request inside
// one error boundary, with bounded header and body times so a slow client cannot hold connections for ever.
import { createServer } from 'node:http';
import { HttpError, answerClientError, errorBoundary, requestUrl } from './http.mjs';

/**
 * @param {{ api?: { handle: Function }, files?: Function, headers?: Record<string, string>,
 *   before?: (req, res, url) => boolean | Promise<boolean>, log?: Function }} options
 *   `files` is a createStaticHandler(…); `headers` go on every answer (e.g. a Content-Security-Policy).
 */
export function createIdeasServer({ api, files, headers = {}, before, log = console.error }) {
  const server = createServer(
    errorBoundary(async (req, res) => {
      for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
      const url = requestUrl(req);
      if (before && (await before(req, res, url))) return;
      if (api && (await api.handle(req, res, url))) return;
      if (files && (await files(req, res, url))) return;
      throw new HttpError(404, 'not-found', 'Not found');
    }, log),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  return server;
}

/** Listens on host:port; resolves with the origin (port 0 picks a free one). */
export function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}
