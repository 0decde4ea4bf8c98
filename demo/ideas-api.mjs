// The reference server for <offen-ideas>: the REST contract of the README ("The ideas contract") as a plain Node request
// handler, storing ideas and votes in an SQLite database file (sql.js, SQLite compiled to WebAssembly, so there
// is no native build). Every write is persisted at once (temp file + rename), so a crash or restart loses nothing.
//
//   const api = createIdeasApi({ dbFile: 'data/ideas.sqlite', allowedOrigins: ['https://www.bad-belzig.de'],
//     moderatorToken: process.env.OFFEN_MODERATOR_TOKEN, seedFile: 'demo/data/ideen.json' });
//   http.createServer(async (req, res) => { if (!(await api.handle(req, res))) { res.statusCode = 404; res.end(); } });
import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';

/** Bounds of every accepted field. The widget mirrors the lengths so a citizen sees them before sending. */
export const LIMITS = {
  bodyBytes: 16_384,
  title: { min: 5, max: 120 },
  description: { min: 10, max: 2000 },
  category: { max: 60 },
  name: { max: 80 },
  email: { max: 254 },
  website: { max: 200 },
  id: { max: 64 },
  clientToken: /^[A-Za-z0-9_-]{16,64}$/,
};

/** Ideas sent faster than this after the form was started are treated as automated (a 422 asks to wait). */
export const MIN_FILL_MS = 3000;

/** The statuses of the contract; anything else in a seed file becomes `submitted`. */
export const STATUSES = ['submitted', 'in-review', 'accepted', 'in-progress', 'done', 'rejected'];

const SUBMIT_FIELDS = new Set([
  'title',
  'description',
  'category',
  'name',
  'email',
  'consent',
  'lat',
  'lon',
  'website',
  'elapsed',
]);
const VOTE_FIELDS = new Set(['id', 'withdraw']);

const messages = {
  de: {
    required: 'Bitte ausfüllen.',
    type: (type) => `Erwartet wird ${type === 'string' ? 'ein Text' : type === 'number' ? 'eine Zahl' : 'ja/nein'}.`,
    tooShort: (min) => `Bitte mindestens ${min} Zeichen eingeben.`,
    tooLong: (max) => `Bitte höchstens ${max} Zeichen eingeben.`,
    email: 'Bitte eine gültige E-Mail-Adresse eingeben.',
    consent: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
    unknown: 'Dieses Feld ist nicht vorgesehen.',
    category: 'Diese Kategorie gibt es nicht.',
    range: 'Der Wert liegt außerhalb des erlaubten Bereichs.',
    tooFast: 'Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie sie in ein paar Sekunden erneut.',
    invalid: 'Die Angaben sind unvollständig oder fehlerhaft.',
  },
  en: {
    required: 'Please fill in this field.',
    type: (type) => `Expected ${type === 'string' ? 'text' : type === 'number' ? 'a number' : 'true or false'}.`,
    tooShort: (min) => `Please enter at least ${min} characters.`,
    tooLong: (max) => `Please enter at most ${max} characters.`,
    email: 'Please enter a valid e-mail address.',
    consent: 'Please agree to the processing of your details.',
    unknown: 'This field is not expected.',
    category: 'This category does not exist.',
    range: 'The value is out of range.',
    tooFast: 'That was very quick. Please check your entries and send them again in a few seconds.',
    invalid: 'The details are incomplete or invalid.',
  },
};

class HttpError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

/** A fixed-window counter per key (IP address, client token). Counts live in memory: they protect, they are not data. */
export class RateLimiter {
  constructor({ limit, windowMs, now = () => Date.now() }) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.windows = new Map();
  }

  /** Counts one hit for every key; returns the seconds to wait if any key is over its limit, else 0. */
  hit(...keys) {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      let window = this.windows.get(key);
      if (!window || window.start + this.windowMs <= now) {
        window = { start: now, count: 0 };
        this.windows.set(key, window);
      }
      window.count++;
      if (window.count > this.limit) wait = Math.max(wait, Math.ceil((window.start + this.windowMs - now) / 1000));
    }
    if (this.windows.size > 50_000) this.prune(now);
    return wait;
  }

  prune(now) {
    for (const [key, window] of this.windows) if (window.start + this.windowMs <= now) this.windows.delete(key);
  }
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS ideas (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT,
    status TEXT NOT NULL DEFAULT 'submitted',
    author TEXT,
    email TEXT,
    lat REAL,
    lon REAL,
    comments INTEGER NOT NULL DEFAULT 0,
    base_votes INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    moderation TEXT NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'approved', 'rejected')),
    moderated TEXT
  );
  CREATE TABLE IF NOT EXISTS votes (
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    client TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (idea_id, client)
  );
`;

/** Identifies a version of the file; a rename (ours or the moderation command's) gives a new inode. */
function fileVersion(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : '';
}

/** Writes the whole database file atomically: a crash leaves either the old or the new file, never half of one. */
function persist(db, file) {
  const bytes = db.export();
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function rows(db, sql, params = []) {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const result = [];
    while (statement.step()) result.push(statement.getAsObject());
    return result;
  } finally {
    statement.free();
  }
}

/** Reads ideas from a seed file: `{ "ideas": [...] }` or a plain array, in the shape GET /ideas answers. */
function readSeed(seedFile) {
  const parsed = JSON.parse(readFileSync(seedFile, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : parsed.ideas;
  if (!Array.isArray(list)) throw new Error(`${seedFile}: expected an array or { "ideas": [...] }`);
  return list;
}

function seed(db, seedFile) {
  for (const idea of readSeed(seedFile)) {
    db.run(
      `INSERT INTO ideas (id, title, description, category, status, author, lat, lon, comments, base_votes, created,
         moderation, moderated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        String(idea.id ?? randomUUID()),
        String(idea.title ?? ''),
        String(idea.description ?? ''),
        idea.category == null ? null : String(idea.category),
        STATUSES.includes(idea.status) ? idea.status : 'submitted',
        idea.author == null ? null : String(idea.author),
        typeof idea.lat === 'number' ? idea.lat : null,
        typeof idea.lon === 'number' ? idea.lon : null,
        Number.isInteger(idea.comments) ? idea.comments : 0,
        Number.isInteger(idea.votes) ? idea.votes : 0,
        idea.created ? new Date(idea.created).toISOString() : new Date().toISOString(),
        idea.published === false ? 'pending' : 'approved',
        idea.published === false ? null : new Date().toISOString(),
      ],
    );
  }
}

const IDEA_COLUMNS = `i.id, i.title, i.description, i.category, i.status, i.author, i.lat, i.lon, i.comments, i.created,
  i.moderation, i.base_votes + (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id) AS votes`;

/** The public shape of an idea: never the e-mail address, coordinates only when there are some. */
function publicIdea(row) {
  const idea = {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category ?? null,
    status: row.status,
    votes: row.votes,
    comments: row.comments,
    author: row.author ?? null,
    created: row.created,
    published: row.moderation === 'approved',
  };
  if (row.lat != null && row.lon != null) Object.assign(idea, { lat: row.lat, lon: row.lon });
  return idea;
}

function langOf(req) {
  return /^\s*en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'de';
}

/** Removes control characters but keeps line breaks and tabs in longer texts; normalizes Unicode. */
function clean(text, multiline) {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const pattern = multiline
    ? /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g
    : /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
  return normalized.replace(pattern, '').trim();
}

function validateSubmission(body, lang, categories) {
  const m = messages[lang];
  const errors = {};
  const value = {};
  for (const key of Object.keys(body)) if (!SUBMIT_FIELDS.has(key)) errors[key] = m.unknown;

  const text = (key, { required = false, min = 0, max, multiline = false }) => {
    const raw = body[key];
    if (raw === undefined || raw === null || raw === '') {
      if (required) errors[key] = m.required;
      return;
    }
    if (typeof raw !== 'string') return void (errors[key] = m.type('string'));
    if (raw.length > max * 2) return void (errors[key] = m.tooLong(max));
    const cleaned = clean(raw, multiline);
    if (required && !cleaned) return void (errors[key] = m.required);
    if ([...cleaned].length < min) return void (errors[key] = m.tooShort(min));
    if ([...cleaned].length > max) return void (errors[key] = m.tooLong(max));
    if (cleaned) value[key] = cleaned;
  };
  text('title', { required: true, ...LIMITS.title });
  text('description', { required: true, multiline: true, ...LIMITS.description });
  text('category', LIMITS.category);
  text('name', LIMITS.name);
  text('email', LIMITS.email);
  text('website', LIMITS.website);
  if (value.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) errors.email = m.email;
  if (value.category && categories.length && !categories.includes(value.category)) errors.category = m.category;

  if (body.consent !== true)
    errors.consent = body.consent === undefined || body.consent === false ? m.consent : m.type('boolean');

  const coordinate = (key, limit) => {
    const raw = body[key];
    if (raw === undefined || raw === null) return;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return void (errors[key] = m.type('number'));
    if (Math.abs(raw) > limit) return void (errors[key] = m.range);
    value[key] = raw;
  };
  coordinate('lat', 90);
  coordinate('lon', 180);
  if (!errors.lat && !errors.lon && (value.lat === undefined) !== (value.lon === undefined))
    errors[value.lat === undefined ? 'lat' : 'lon'] = m.required;

  if (
    body.elapsed !== undefined &&
    (typeof body.elapsed !== 'number' || !Number.isFinite(body.elapsed) || body.elapsed < 0)
  )
    errors.elapsed = m.type('number');
  else value.elapsed = body.elapsed;
  return { errors, value };
}

function tokenMatches(given, expected) {
  // Hashing first makes the comparison constant-time regardless of the lengths.
  const a = createHash('sha256').update(String(given)).digest();
  const b = createHash('sha256').update(String(expected)).digest();
  return timingSafeEqual(a, b);
}

/**
 * Creates the API. Routes (below `basePath`, default `/api`):
 *   GET  /ideas                    published ideas, newest first: { ideas: [...] }
 *   POST /ideas                    submit an idea (unpublished until approved): 201 { idea, published }
 *   POST /votes                    { id } vote, { id, withdraw: true } withdraw: 200 { id, votes, voted }
 *   GET  /ideas/pending            (moderator) ideas waiting for approval
 *   POST /ideas/{id}/approve|reject (moderator)
 * See the README ("The ideas contract").
 *
 * @param {object} options
 * @param {string} options.dbFile  SQLite database file; created (and seeded) on first start, reloaded afterwards.
 * @param {string[]} [options.allowedOrigins]  Origins that get CORS headers (same-origin requests need none).
 * @param {string} [options.moderatorToken]  Bearer token for the moderation endpoints; without it they answer 404.
 * @param {string} [options.seedFile]  Ideas to put into a new database (demo/data/ideen.json).
 * @param {string[]} [options.categories]  Allowed categories; default: those of the seed file. Empty: any text.
 * @param {string} [options.basePath]  Path prefix the routes live under.
 * @param {number} [options.minFillMs]  Minimum time between starting the form and sending it.
 * @param {boolean} [options.trustProxy]  Take the client IP from X-Forwarded-For (only behind your own proxy).
 * @param {{ votes?: number, submits?: number, windowMs?: number }} [options.rateLimits]
 */
export function createIdeasApi({
  dbFile,
  allowedOrigins = [],
  moderatorToken,
  seedFile,
  categories,
  basePath = '/api',
  minFillMs = MIN_FILL_MS,
  trustProxy = false,
  rateLimits = {},
}) {
  if (!dbFile) throw new Error('createIdeasApi: dbFile is required');
  const base = basePath.replace(/\/+$/, '');
  const origins = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  const windowMs = rateLimits.windowMs ?? 10 * 60_000;
  const voteLimiter = new RateLimiter({ limit: rateLimits.votes ?? 60, windowMs });
  const submitLimiter = new RateLimiter({ limit: rateLimits.submits ?? 10, windowMs });
  let db;
  let SQL;
  /** The file version our in-memory copy matches; another process (demo/moderate.mjs) may write the file too. */
  let loadedVersion = '';
  let closed = false;
  let allowedCategories = categories ?? [];

  const ready = (async () => {
    SQL = await initSqlJs();
    if (existsSync(dbFile)) {
      // A file that exists but cannot be read is an error to fix, never a reason to start empty over it.
      load();
    } else {
      mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
      db = new SQL.Database();
      db.exec(SCHEMA);
      if (seedFile) seed(db, seedFile);
      persist(db, dbFile);
      loadedVersion = fileVersion(dbFile);
      db.exec('PRAGMA foreign_keys = ON');
    }
    if (!categories) {
      allowedCategories = rows(
        db,
        'SELECT DISTINCT category FROM ideas WHERE category IS NOT NULL ORDER BY category',
      ).map((r) => r.category);
    }
  })();

  // A database that cannot be opened is reported once; requests then get 503, and the file is left untouched.
  ready.catch((error) => console.error(`offen ideas API: cannot open ${dbFile}: ${error.message}`));

  function load() {
    const version = fileVersion(dbFile);
    const next = new SQL.Database(readFileSync(dbFile));
    next.exec(SCHEMA);
    next.exec('PRAGMA foreign_keys = ON');
    db?.close();
    db = next;
    loadedVersion = version;
  }

  /** Re-reads the file when another process changed it, so its changes are neither missed nor overwritten. */
  function syncFromDisk() {
    if (fileVersion(dbFile) !== loadedVersion) load();
  }

  function write(fn) {
    syncFromDisk();
    db.exec('BEGIN');
    try {
      const result = fn();
      db.exec('COMMIT');
      persist(db, dbFile);
      loadedVersion = fileVersion(dbFile);
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  function ideaById(id) {
    return rows(db, `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.id = ?`, [id])[0];
  }

  const store = {
    listPublished() {
      return rows(
        db,
        `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.moderation = 'approved' ORDER BY i.created DESC`,
      ).map(publicIdea);
    },
    listPending() {
      return rows(
        db,
        `SELECT ${IDEA_COLUMNS}, i.email FROM ideas i WHERE i.moderation = 'pending' ORDER BY i.created ASC`,
      ).map((row) => ({ ...publicIdea(row), email: row.email ?? null }));
    },
    get(id) {
      const row = ideaById(id);
      return row ? publicIdea(row) : undefined;
    },
    insert(value) {
      const id = randomUUID();
      write(() =>
        db.run(
          `INSERT INTO ideas (id, title, description, category, author, email, lat, lon, created)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            value.title,
            value.description,
            value.category ?? null,
            value.name ?? null,
            value.email ?? null,
            value.lat ?? null,
            value.lon ?? null,
            new Date().toISOString(),
          ],
        ),
      );
      return store.get(id);
    },
    /** Sets the moderation state; returns the idea or undefined when the id is unknown. */
    moderate(id, decision) {
      if (!ideaById(id)) return undefined;
      write(() =>
        db.run(`UPDATE ideas SET moderation = ?, moderated = ? WHERE id = ?`, [decision, new Date().toISOString(), id]),
      );
      return store.get(id);
    },
    setStatus(id, status) {
      if (!STATUSES.includes(status)) throw new Error(`Unknown status ${status}; one of ${STATUSES.join(', ')}`);
      if (!ideaById(id)) return undefined;
      write(() => db.run(`UPDATE ideas SET status = ? WHERE id = ?`, [status, id]));
      return store.get(id);
    },
    /** Counts or withdraws one vote of a client; returns { changed, votes }. */
    vote(id, client, withdraw) {
      return write(() => {
        if (withdraw) db.run(`DELETE FROM votes WHERE idea_id = ? AND client = ?`, [id, client]);
        else
          db.run(`INSERT OR IGNORE INTO votes (idea_id, client, created) VALUES (?, ?, ?)`, [
            id,
            client,
            new Date().toISOString(),
          ]);
        const changed = db.getRowsModified() > 0;
        return { changed, votes: ideaById(id).votes };
      });
    },
    hasVoted(id, client) {
      return rows(db, `SELECT 1 FROM votes WHERE idea_id = ? AND client = ?`, [id, client]).length > 0;
    },
  };

  function corsHeaders(req, res) {
    const origin = req.headers.origin;
    if (!origin || !origins.has(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Accept-Language, X-Offen-Client');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  /** A write from a foreign page that is not configured is refused outright (CORS alone only hides the answer). */
  function checkOrigin(req) {
    const origin = req.headers.origin;
    if (!origin || origins.has(origin)) return;
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== req.headers.host) throw new HttpError(403, 'origin', `Origin ${origin} is not allowed`);
  }

  function clientIp(req) {
    if (trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        .trim();
      if (forwarded) return forwarded;
    }
    return req.socket?.remoteAddress ?? 'unknown';
  }

  async function readJson(req) {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'content-type', 'Send application/json');
    const declared = Number(req.headers['content-length']);
    if (declared > LIMITS.bodyBytes) throw new HttpError(413, 'too-large', `At most ${LIMITS.bodyBytes} bytes`);
    const chunks = [];
    let total = 0;
    for await (const chunk of req) {
      total += chunk.length;
      if (total > LIMITS.bodyBytes) throw new HttpError(413, 'too-large', `At most ${LIMITS.bodyBytes} bytes`);
      chunks.push(chunk);
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new HttpError(400, 'json', 'The body is not valid JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new HttpError(400, 'json', 'The body must be a JSON object');
    return body;
  }

  function send(res, status, body, headers = {}) {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  function requireModerator(req) {
    if (!moderatorToken) throw new HttpError(404, 'not-found', 'Not found');
    const match = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!match || !tokenMatches(match[1], moderatorToken))
      throw new HttpError(401, 'unauthorized', 'A valid moderator token is required', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
  }

  async function submit(req, res, lang) {
    checkOrigin(req);
    const body = await readJson(req);
    const wait = submitLimiter.hit(`ip:${clientIp(req)}`);
    if (wait)
      throw new HttpError(429, 'rate-limit', 'Too many submissions', { headers: { 'Retry-After': String(wait) } });
    const { errors, value } = validateSubmission(body, lang, allowedCategories);
    if (Object.keys(errors).length)
      return send(res, 422, { error: 'validation', message: messages[lang].invalid, errors });
    if (value.website) {
      // The honeypot was filled: a bot. It gets the normal answer, so it learns nothing, but nothing is stored.
      return send(res, 201, {
        idea: { id: randomUUID(), title: value.title, description: value.description, published: false },
        published: false,
      });
    }
    if (value.elapsed === undefined || value.elapsed < minFillMs)
      return send(res, 422, { error: 'too-fast', message: messages[lang].tooFast, errors: {} });
    const idea = store.insert(value);
    send(res, 201, { idea, published: idea.published }, { Location: `${base}/ideas/${encodeURIComponent(idea.id)}` });
  }

  async function vote(req, res, lang) {
    checkOrigin(req);
    const body = await readJson(req);
    const client = String(req.headers['x-offen-client'] ?? '');
    if (!LIMITS.clientToken.test(client))
      throw new HttpError(400, 'client', 'Send a random token of 16–64 letters, digits, - or _ as X-Offen-Client');
    const wait = voteLimiter.hit(`ip:${clientIp(req)}`, `client:${client}`);
    if (wait) throw new HttpError(429, 'rate-limit', 'Too many votes', { headers: { 'Retry-After': String(wait) } });
    const errors = {};
    for (const key of Object.keys(body)) if (!VOTE_FIELDS.has(key)) errors[key] = messages[lang].unknown;
    if (typeof body.id !== 'string' || !body.id || body.id.length > LIMITS.id.max)
      errors.id = body.id === undefined ? messages[lang].required : messages[lang].type('string');
    if (body.withdraw !== undefined && typeof body.withdraw !== 'boolean')
      errors.withdraw = messages[lang].type('boolean');
    if (Object.keys(errors).length)
      return send(res, 422, { error: 'validation', message: messages[lang].invalid, errors });
    const idea = store.get(body.id);
    if (!idea || !idea.published) throw new HttpError(404, 'not-found', 'No published idea with this id');
    const withdraw = body.withdraw === true;
    const { changed, votes } = store.vote(body.id, client, withdraw);
    if (!changed && !withdraw)
      return send(res, 409, {
        error: 'already-voted',
        message: 'This client has already voted for this idea',
        id: body.id,
        votes,
        voted: true,
      });
    send(res, 200, { id: body.id, votes, voted: !withdraw });
  }

  async function route(req, res, rest) {
    const lang = langOf(req);
    const method = req.method ?? 'GET';
    if (rest === '/ideas') {
      if (method === 'GET' || method === 'HEAD') return send(res, 200, { ideas: store.listPublished() });
      if (method === 'POST') return submit(req, res, lang);
      throw new HttpError(405, 'method', 'Use GET or POST', { headers: { Allow: 'GET, POST' } });
    }
    if (rest === '/votes') {
      if (method === 'POST') return vote(req, res, lang);
      throw new HttpError(405, 'method', 'Use POST', { headers: { Allow: 'POST' } });
    }
    if (rest === '/ideas/pending') {
      requireModerator(req);
      if (method !== 'GET') throw new HttpError(405, 'method', 'Use GET', { headers: { Allow: 'GET' } });
      return send(res, 200, { ideas: store.listPending() });
    }
    const moderation = /^\/ideas\/([^/]{1,64})\/(approve|reject)$/.exec(rest);
    if (moderation) {
      requireModerator(req);
      if (method !== 'POST') throw new HttpError(405, 'method', 'Use POST', { headers: { Allow: 'POST' } });
      const idea = store.moderate(
        decodeURIComponent(moderation[1]),
        moderation[2] === 'approve' ? 'approved' : 'rejected',
      );
      if (!idea) throw new HttpError(404, 'not-found', 'No idea with this id');
      return send(res, 200, { idea });
    }
    const single = /^\/ideas\/([^/]{1,64})$/.exec(rest);
    if (single && (method === 'GET' || method === 'HEAD')) {
      const idea = store.get(decodeURIComponent(single[1]));
      if (!idea || !idea.published) throw new HttpError(404, 'not-found', 'No published idea with this id');
      return send(res, 200, { idea });
    }
    throw new HttpError(404, 'not-found', 'Not found');
  }

  return {
    /** Resolves when the database is open (rejects if the file cannot be read). */
    ready,
    /** The storage, for the moderation command line and tests. */
    store,
    /** Answers a request below `basePath`; resolves false (and does nothing) for any other path. */
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
      corsHeaders(req, res);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
        return true;
      }
      try {
        await ready.catch(() => {
          throw new HttpError(503, 'unavailable', 'The ideas database could not be opened');
        });
        if (closed) throw new HttpError(503, 'closed', 'The API is shutting down');
        syncFromDisk();
        await route(req, res, url.pathname.slice(base.length) || '/');
      } catch (error) {
        if (error instanceof HttpError) {
          send(res, error.status, { error: error.code, message: error.message }, error.extra.headers);
        } else {
          console.error('offen ideas API:', error);
          send(res, 500, { error: 'internal', message: 'Internal error' });
        }
      }
      return true;
    },
    /** Closes the database; every write was already persisted. */
    async close() {
      closed = true;
      try {
        await ready;
      } catch {
        return;
      }
      db?.close();
      db = undefined;
    },
  };
}
