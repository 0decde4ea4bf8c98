// A small static file server for the bench and the build checks (loopback only). Files come only from the mounted
// folders (server/lib/static.mjs: decoded, normalised, checked against the folder), inside one error boundary.
import { createIdeasServer, createStaticHandler, listen, mimeTypes } from '../server/lib/index.mjs';

export { mimeTypes };

/**
 * Serves `mounts` ({ '/url/prefix/': '/dir' }, longest prefix first) on 127.0.0.1. `before(req, res, url)` may
 * answer a request itself (an API) by returning true. `headers` are added to every response (e.g. a CSP).
 */
export async function serveStatic({ mounts, port = 0, before, headers = {}, onRequest }) {
  const server = createIdeasServer({
    headers,
    files: createStaticHandler({ mounts }),
    before: (req, res, url) => {
      onRequest?.(url.pathname, req);
      return before ? before(req, res, url) : false;
    },
  });
  const origin = await listen(server, port, '127.0.0.1');
  return { server, origin, close: () => new Promise((resolve) => server.close(resolve)) };
}
