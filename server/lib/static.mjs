// Static files from public folders, and nothing else: the path is decoded once, normalised, and the file must lie
// inside its folder (compared with a trailing separator, so `/srv/public-old` is not inside `/srv/public`, and after
// resolving symbolic links). Names starting with a dot (`.data/`, `.env`, `..`) are never served, also when the dot
// arrives percent-encoded (`/%2edata/ideas.sqlite`), and with `extensions` only those file types are.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { HttpError, decodePath } from './http.mjs';

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
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The folder's real path; a folder that does not exist (yet: dist/ before a build) serves nothing. */
function realFolder(dir) {
  try {
    return realpathSync(path.resolve(dir));
  } catch {
    return path.resolve(dir);
  }
}

/**
 * The file a URL path names inside `root` (a real path), or undefined. Throws 400 on malformed percent-encoding.
 * @param {string} root  A folder, already resolved with realpath.
 * @param {string} urlPath  The part of the URL path below the folder's prefix, still percent-encoded.
 * @param {Set<string>} [extensions]  File types that may be served.
 */
export function resolvePublicFile(root, urlPath, extensions) {
  const decoded = decodePath(urlPath);
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  let file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  let stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = statSync(file, { throwIfNoEntry: false });
  }
  if (!stat?.isFile()) return undefined;
  if (extensions && !extensions.has(path.extname(file).toLowerCase())) return undefined;
  // A symbolic link inside the folder may point anywhere: the real file must be inside the real folder too.
  const real = realpathSync(file);
  if (!real.startsWith(root + path.sep)) return undefined;
  return { file: real, size: stat.size };
}

/**
 * A handler for `mounts` ({ '/url/prefix/': '/dir' }, longest prefix first). Resolves true when it answered.
 * @param {{ mounts: Record<string, string>, headers?: Record<string, string>, extensions?: string[] }} options
 */
export function createStaticHandler({ mounts, headers = {}, extensions }) {
  const allowed = extensions ? new Set(extensions.map((e) => e.toLowerCase())) : undefined;
  const entries = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, realFolder(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  return function serveFile(req, res, url) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'method', 'Use GET', { Allow: 'GET, HEAD' });
    for (const [prefix, root] of entries) {
      if (!url.pathname.startsWith(prefix)) continue;
      const found = resolvePublicFile(root, url.pathname.slice(prefix.length), allowed);
      if (!found) return false;
      res.writeHead(200, {
        'Content-Type': mimeTypes[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': found.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      if (req.method === 'HEAD') res.end();
      else
        createReadStream(found.file)
          .on('error', () => res.destroy())
          .pipe(res);
      return true;
    }
    return false;
  };
}
