// The ideas contract (the README, "The ideas contract") as a request handler over a store (SQLite or PostgreSQL).
//   GET  /ideas[?limit=N&cursor=C]  published ideas, newest first: { ideas, next? } with ETag
//   POST /ideas                     submit an idea (unpublished until approved): 201 { idea, published }
//   POST /votes                     { id } vote, { id, withdraw: true } withdraw: 200 { id, votes, voted };
//                                   422 "closed" for an idea whose status takes no votes (done, rejected)
//   GET  /ideas/{id}                one published idea
//   GET  /ideas/pending             (moderator) ideas waiting for approval, with e-mail
//   POST /ideas/{id}/approve|reject (moderator)
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { HttpError, decodePath, readJson, sendJson } from './http.mjs';
import { RateLimiter } from './rate-limit.mjs';
import { moderatorIdea, publicIdea } from './rows.mjs';
import {
  LIMITS,
  MIN_FILL_MS,
  STATUSES,
  VOTE_STATUSES,
  langOf,
  messages,
  validateSubmission,
  validateVote,
} from './validate.mjs';

/** Largest page of `GET /ideas`, and the page a client gets without `limit`. */
export const MAX_PAGE = 1000;

/** `https://Example.org:443/` → `https://example.org`; throws on anything that is not an http(s) origin. */
export function normalizeOrigin(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    throw new Error(`Not an origin: ${text} (expected e.g. https://www.bad-belzig.de)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Not an http(s) origin: ${text}`);
  return url.origin;
}

function tokenMatches(given, expected) {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const a = createHash('sha256').update(String(given)).digest();
  const b = createHash('sha256').update(String(expected)).digest();
  return timingSafeEqual(a, b);
}

const encodeCursor = (row) => Buffer.from(JSON.stringify([row.created, row.id])).toString('base64url');

function decodeCursor(text) {
  try {
    const [created, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof created === 'string' && typeof id === 'string' && created.length <= 40 && id.length <= LIMITS.id.max)
      return { created, id };
  } catch {
    // falls through to the 400
  }
  throw new HttpError(400, 'cursor', 'Unknown cursor: follow the `next` link of the previous page');
}

/** Database trouble that a retry can fix (a lock held too long, a lost connection) is a 503, not a 500. */
function isUnavailable(error) {
  return /^(SQLITE_BUSY|SQLITE_LOCKED|SQLITE_IOERR|SQLITE_FULL|ECONNREFUSED|ECONNRESET|57P01|53300|40001|40P01)/.test(
    String(error?.code ?? ''),
  );
}

/**
 * @param {object} options
 * @param {object} options.store  openStore(…)
 * @param {string[]} [options.allowedOrigins]  Foreign pages that may use the API (CORS headers and writes).
 * @param {string[]} [options.ownOrigins]  Origins of pages served by this same server (writes, no CORS needed).
 * @param {string} [options.moderatorToken]  Bearer token for the moderation endpoints; without it they answer 404.
 * @param {string[]} [options.categories]  Allowed categories; default: those in the database at start. Empty: any.
 * @param {string[]} [options.voteStatuses]  Statuses whose ideas take votes and withdrawals (default: all but
 *   `done` and `rejected`); a vote for any other idea is a 422 `closed`, so the count of a closed idea stays.
 * @param {string} [options.basePath]  Path prefix of the routes (default `/api`).
 * @param {number} [options.minFillMs]  Minimum time between starting the form and sending it.
 * @param {boolean} [options.trustProxy]  Take the client IP from X-Forwarded-For (only behind your own proxy).
 * @param {{ votes?: number, submits?: number, windowMs?: number, maxKeys?: number }} [options.rateLimits]
 * @param {(message: string, error?: unknown) => void} [options.log]
 */
export async function createIdeasApi({
  store,
  allowedOrigins = [],
  ownOrigins = [],
  moderatorToken,
  categories,
  voteStatuses = VOTE_STATUSES,
  basePath = '/api',
  minFillMs = MIN_FILL_MS,
  trustProxy = false,
  rateLimits = {},
  log = console.error,
}) {
  if (!store) throw new Error('createIdeasApi: store is required');
  const base = basePath.replace(/\/+$/, '');
  const cors = new Set(allowedOrigins.map(normalizeOrigin));
  const writers = new Set([...cors, ...ownOrigins.map(normalizeOrigin)]);
  const windowMs = rateLimits.windowMs ?? 10 * 60_000;
  const maxKeys = rateLimits.maxKeys;
  const voteLimiter = new RateLimiter({ limit: rateLimits.votes ?? 60, windowMs, maxKeys });
  const submitLimiter = new RateLimiter({ limit: rateLimits.submits ?? 10, windowMs, maxKeys });
  const allowedCategories = categories ?? (await store.categories());
  for (const status of voteStatuses)
    if (!STATUSES.includes(status))
      throw new Error(`createIdeasApi: unknown vote status ${status} (one of ${STATUSES.join(', ')})`);
  const votable = (status) => voteStatuses.includes(status);

  function originOf(req) {
    const origin = req.headers.origin;
    if (origin === undefined) return undefined;
    try {
      return normalizeOrigin(origin);
    } catch {
      return 'null';
    }
  }

  function corsHeaders(req, res) {
    const origin = originOf(req);
    res.setHeader('Vary', 'Origin');
    if (!origin || !cors.has(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Content-Type, Accept, Accept-Language, X-Offen-Client, If-None-Match, Authorization',
    );
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Link, Location, Retry-After');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  /** A browser write from a page that is not configured is refused outright (CORS alone only hides the answer). */
  function checkOrigin(req) {
    const origin = originOf(req);
    if (origin !== undefined && !writers.has(origin))
      throw new HttpError(403, 'origin', `Origin ${req.headers.origin} is not allowed`);
  }

  function clientIp(req) {
    if (trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        .trim();
      if (forwarded) return forwarded.slice(0, 64);
    }
    return req.socket?.remoteAddress ?? 'unknown';
  }

  function requireModerator(req) {
    if (!moderatorToken) throw new HttpError(404, 'not-found', 'Not found');
    const match = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!match || !tokenMatches(match[1], moderatorToken))
      throw new HttpError(401, 'unauthorized', 'A valid moderator token is required', { 'WWW-Authenticate': 'Bearer' });
  }

  function allow(method, allowed) {
    if (!allowed.includes(method))
      throw new HttpError(405, 'method', `Use ${allowed.join(' or ')}`, { Allow: allowed.join(', ') });
  }

  async function list(req, res, url) {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? MAX_PAGE : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw new HttpError(400, 'limit', `limit must be a whole number from 1 to ${MAX_PAGE}`);
    const cursorText = url.searchParams.get('cursor');
    const after = cursorText === null ? undefined : decodeCursor(cursorText);
    const page = await store.listPublished({ limit, after });
    const body = { ideas: page.ideas.map(publicIdea) };
    const headers = { 'Cache-Control': 'no-cache' };
    if (page.more) {
      const next = new URLSearchParams({ limit: String(limit), cursor: encodeCursor(page.ideas.at(-1)) });
      body.next = `${base}/ideas?${next}`;
      headers.Link = `<${body.next}>; rel="next"`;
    }
    const text = JSON.stringify(body);
    headers.ETag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
    const known = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (known.includes(headers.ETag) || known.includes('*')) {
      res.statusCode = 304;
      for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  async function submit(req, res, lang) {
    checkOrigin(req);
    const body = await readJson(req, LIMITS.bodyBytes);
    const wait = submitLimiter.hit(`ip:${clientIp(req)}`);
    if (wait) throw new HttpError(429, 'rate-limit', 'Too many submissions', { 'Retry-After': String(wait) });
    const { errors, value } = validateSubmission(body, lang, allowedCategories);
    if (errors.size) return sendJson(res, 422, { error: 'validation', message: messages[lang].invalid, errors });
    if (value.website) {
      // The honeypot was filled: a bot. It gets the normal answer, so it learns nothing, but nothing is stored.
      return sendJson(res, 201, {
        idea: { id: randomUUID(), title: value.title, description: value.description, published: false },
        published: false,
      });
    }
    if (value.elapsed === undefined || value.elapsed < minFillMs)
      return sendJson(res, 422, { error: 'too-fast', message: messages[lang].tooFast, errors: {} });
    const idea = publicIdea(await store.insert(value));
    sendJson(
      res,
      201,
      { idea, published: idea.published },
      { Location: `${base}/ideas/${encodeURIComponent(idea.id)}` },
    );
  }

  async function vote(req, res, lang) {
    checkOrigin(req);
    const body = await readJson(req, LIMITS.bodyBytes);
    const client = String(req.headers['x-offen-client'] ?? '');
    if (!LIMITS.clientToken.test(client))
      throw new HttpError(400, 'client', 'Send a random token of 16–64 letters, digits, - or _ as X-Offen-Client');
    const wait = voteLimiter.hit(`ip:${clientIp(req)}`, `client:${client}`);
    if (wait) throw new HttpError(429, 'rate-limit', 'Too many votes', { 'Retry-After': String(wait) });
    const errors = validateVote(body, lang);
    if (errors.size) return sendJson(res, 422, { error: 'validation', message: messages[lang].invalid, errors });
    const withdraw = body.withdraw === true;
    const result = await store.vote(body.id, client, withdraw, votable);
    if (!result.found) throw new HttpError(404, 'not-found', 'No published idea with this id');
    if (result.closed)
      return sendJson(res, 422, {
        error: 'closed',
        message: messages[lang].closed,
        id: body.id,
        status: result.status,
      });
    if (!result.changed && !withdraw)
      return sendJson(res, 409, {
        error: 'already-voted',
        message: 'This client has already voted for this idea',
        id: body.id,
        votes: result.votes,
        voted: true,
      });
    sendJson(res, 200, { id: body.id, votes: result.votes, voted: !withdraw });
  }

  async function route(req, res, url, rest) {
    const lang = langOf(req);
    const method = req.method ?? 'GET';
    if (rest === '/ideas') {
      allow(method, ['GET', 'HEAD', 'POST']);
      return method === 'POST' ? submit(req, res, lang) : list(req, res, url);
    }
    if (rest === '/votes') {
      allow(method, ['POST']);
      return vote(req, res, lang);
    }
    if (rest === '/ideas/pending') {
      requireModerator(req);
      allow(method, ['GET']);
      return sendJson(res, 200, { ideas: (await store.listPending()).map(moderatorIdea) });
    }
    const moderation = /^\/ideas\/([^/]{1,200})\/(approve|reject)$/.exec(rest);
    if (moderation) {
      requireModerator(req);
      allow(method, ['POST']);
      const row = await store.moderate(
        decodePath(moderation[1]),
        moderation[2] === 'approve' ? 'approved' : 'rejected',
      );
      if (!row) throw new HttpError(404, 'not-found', 'No idea with this id');
      return sendJson(res, 200, { idea: publicIdea(row) });
    }
    const single = /^\/ideas\/([^/]{1,200})$/.exec(rest);
    if (single) {
      allow(method, ['GET', 'HEAD']);
      const row = await store.get(decodePath(single[1]));
      if (!row || row.moderation !== 'approved')
        throw new HttpError(404, 'not-found', 'No published idea with this id');
      return sendJson(res, 200, { idea: publicIdea(row) });
    }
    throw new HttpError(404, 'not-found', 'Not found');
  }

  return {
    basePath: base,
    store,
    /** Answers a request below `basePath` (its parsed `url`); resolves false (and does nothing) for any other path. */
    async handle(req, res, url) {
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
      corsHeaders(req, res);
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
        return true;
      }
      try {
        await route(req, res, url, url.pathname.slice(base.length) || '/');
      } catch (error) {
        if (error instanceof HttpError) throw error;
        // The transaction was rolled back: nothing of this request is kept, and the answer says so.
        if (isUnavailable(error)) {
          log('offen-ideas: database unavailable:', error);
          throw new HttpError(503, 'unavailable', 'The ideas database is busy or unavailable; nothing was saved', {
            'Retry-After': '5',
          });
        }
        throw error;
      }
      return true;
    },
  };
}
