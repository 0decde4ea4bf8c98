// HTTP plumbing shared by the API and the static files: errors with a status, JSON answers, bounded JSON bodies,
// request targets that cannot throw, and the one error boundary every request runs inside.

export class HttpError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Parses the request target. Anything a URL parser would reject (`//`, `http://[bad/`) is a 400, never a throw. */
export function requestUrl(req) {
  const target = req.url ?? '';
  // `//host/path` would be read as another host: it is not a path of ours.
  if (target.startsWith('//')) throw new HttpError(400, 'bad-request', 'Malformed request target');
  try {
    return new URL(target, 'http://localhost');
  } catch {
    throw new HttpError(400, 'bad-request', 'Malformed request target');
  }
}

/** decodeURIComponent without the URIError: a malformed percent-encoding is the client's mistake (400). */
export function decodePath(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HttpError(400, 'bad-request', 'Malformed percent-encoding in the path');
  }
}

export function sendJson(res, status, body, headers = {}) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.end(text);
}

/**
 * Answers with an error, also when a body is still arriving: the rest is read and dropped (up to a bound), so the
 * client gets its answer instead of a connection reset.
 */
export function sendError(req, res, error) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (req.complete === false) {
    res.setHeader('Connection', 'close');
    let dropped = 0;
    req.on('data', (chunk) => {
      dropped += chunk.length;
      if (dropped > 64 * 1024 * 1024) req.destroy();
    });
    req.resume();
    setTimeout(() => req.socket?.destroy(), 10_000).unref();
  }
  sendJson(res, error.status, { error: error.code, message: error.message }, error.headers);
}

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;

/**
 * Reads a JSON object body of at most `limit` bytes: exactly `application/json` (charset absent or UTF-8), valid
 * UTF-8, valid JSON, an object. 415, 413, 400 otherwise.
 */
export function readJson(req, limit) {
  const type = String(req.headers['content-type'] ?? '').trim();
  const match = JSON_TYPE.exec(type);
  if (!match) throw new HttpError(415, 'content-type', 'Send application/json');
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(match[1] ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset))
    throw new HttpError(415, 'charset', `Send UTF-8 (charset=${charset} is not accepted)`);
  const tooLarge = () => new HttpError(413, 'too-large', `At most ${limit} bytes`);
  if (Number(req.headers['content-length']) > limit) throw tooLarge();

  return new Promise((resolve, reject) => {
    const chunks = [];
    let total = 0;
    let done = false;
    const finish = (error, value) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk) => {
      total += chunk.length;
      if (total > limit) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        return finish(new HttpError(400, 'encoding', 'The body is not valid UTF-8'));
      }
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return finish(new HttpError(400, 'json', 'The body is not valid JSON'));
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body))
        return finish(new HttpError(400, 'json', 'The body must be a JSON object'));
      finish(undefined, body);
    };
    const onError = () => finish(new HttpError(400, 'aborted', 'The request body was not received'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * Wraps a request handler so that nothing a client sends can take the process down: an HttpError becomes its
 * answer, anything else is logged and answers 500 (a fault of ours, never of the request).
 */
export function errorBoundary(handler, log = console.error) {
  return (req, res) => {
    let pending;
    try {
      pending = Promise.resolve(handler(req, res));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.catch((error) => {
      if (error instanceof HttpError) return sendError(req, res, error);
      log('offen-ideas:', error);
      sendError(req, res, new HttpError(500, 'internal', 'Internal error'));
    });
  };
}

/** Malformed HTTP (not even a request line) gets a plain 400 instead of Node's silent close. */
export function answerClientError(error, socket) {
  if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}
