// The ideas REST contract for the tests: the reference server (server/, `offen-ideas`), one instance (and one SQLite
// file) per board, so every test works on a board of its own. Pages of the test server's own origin may write. A control endpoint makes a board misbehave.
//   /ideas-api/<board>/ideas, /votes, …   the contract (the README ("The ideas contract")); moderator token `test-moderator`
//   POST /ideas-api/<board>/_control      JSON, any of:
//     { "seed": "ideas-board.json", "minFillMs": 0, "allowedOrigins": [] }
//                                           start the board afresh from test/fixtures/<seed>
//                                           (a board nobody set up starts from ideas-board.json)
//     { "fail": { "submit"|"vote"|"list"|"page": { "status": 500, "body": {…} } | "hang" | null } }
//                                           ("page": only list requests with a `cursor`, the pages after the first)
//     { "restart": true }                   close the API and its store and open them again from the database file
//   GET  /ideas-api/<board>/_requests     { submit: [bodies…], vote: [bodies…], list: n, lists: [{ cursor, ifNoneMatch,
//                                           status }…] } as received (and answered)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpError, createIdeasApi, openStore } from '../../server/lib/index.mjs';
import { sendError } from '../../server/lib/http.mjs';

const root = process.cwd();
const dbDir = mkdtempSync(path.join(os.tmpdir(), 'offen-ideas-test-'));
process.on('exit', () => rmSync(dbDir, { recursive: true, force: true }));

/** board name → { api, seed, fail, requests } */
const boards = new Map();

/** The origin the test pages are served from, taken from the first request (the test server's own address). */
let pageOrigin;

async function createApi(board, seed, minFillMs = 0, allowedOrigins = []) {
  const store = await openStore({
    dbFile: path.join(dbDir, `${board}.sqlite`),
    seedFile: path.join(root, 'test/fixtures', seed),
  });
  return createIdeasApi({
    store,
    moderatorToken: 'test-moderator',
    allowedOrigins,
    ownOrigins: [pageOrigin],
    basePath: `/ideas-api/${board}`,
    // Tests send ideas at once; `{ seed, minFillMs }` sets up a board that enforces the fill time.
    minFillMs,
    rateLimits: { votes: 20, submits: 20 },
  });
}

function boardFor(name) {
  let board = boards.get(name);
  if (!board) {
    board = { api: createApi(name, 'ideas-board.json'), fail: {}, requests: newRequests() };
    boards.set(name, board);
  }
  return board;
}

const newRequests = () => ({ submit: [], vote: [], list: 0, lists: [] });

async function closeApi(board) {
  await (await board.api).store.close();
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function kindOf(method, rest) {
  if (rest === '/ideas') return method === 'POST' ? 'submit' : method === 'GET' ? 'list' : undefined;
  if (rest === '/votes' && method === 'POST') return 'vote';
  return undefined;
}

export async function middleware(ctx, next) {
  const match = /^\/ideas-api\/([a-z0-9-]{1,60})(\/.*)?$/.exec(ctx.path);
  if (!match) return next();
  const [, name, rest = '/'] = match;
  pageOrigin ??= ctx.origin;
  ctx.set('Cache-Control', 'no-store');

  if (rest === '/_control' && ctx.method === 'POST') {
    const control = JSON.parse((await readBody(ctx.req)) || '{}');
    if (control.seed) {
      const old = boards.get(name);
      if (old) await closeApi(old);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dbDir, `${name}.sqlite${suffix}`), { force: true });
      boards.delete(name);
      const api = createApi(name, control.seed, control.minFillMs, control.allowedOrigins);
      const board = {
        api,
        seed: control.seed,
        minFillMs: control.minFillMs,
        allowedOrigins: control.allowedOrigins,
        fail: {},
        requests: newRequests(),
      };
      boards.set(name, board);
      await board.api;
    }
    const board = boardFor(name);
    if (control.fail) Object.assign(board.fail, control.fail);
    if (control.restart) {
      await closeApi(board);
      board.api = createApi(name, board.seed ?? 'ideas-board.json', board.minFillMs, board.allowedOrigins);
      await board.api;
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ ok: true });
    return;
  }
  const board = boardFor(name);
  if (rest === '/_requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(board.requests);
    return;
  }

  const kind = kindOf(ctx.method, rest);
  let bodyText;
  if (kind === 'submit' || kind === 'vote') {
    // Record what the widget sent, then hand the same bytes to the API.
    bodyText = await readBody(ctx.req);
    try {
      board.requests[kind].push(JSON.parse(bodyText));
    } catch {
      board.requests[kind].push(bodyText);
    }
  } else if (kind === 'list') {
    board.requests.list++;
  }
  const paged = kind === 'list' && ctx.query.cursor !== undefined;
  const failure = kind && ((paged && board.fail.page) || board.fail[kind]);
  if (failure === 'hang') {
    // Until the client gives up (its timeout) or 30 s passed; the body was already read, so watch the socket.
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      ctx.res.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // The client is gone; 504 only names the outcome for the dev server's request log.
    ctx.status = 504;
    ctx.respond = false;
    if (!ctx.res.destroyed) ctx.res.destroy();
    return;
  }
  if (failure) {
    ctx.status = failure.status ?? 500;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(failure.body ?? { error: 'test-failure', message: 'Failure set by the test' });
    return;
  }

  const { Readable } = await import('node:stream');
  const req =
    bodyText === undefined
      ? ctx.req
      : Object.assign(Readable.from([Buffer.from(bodyText)]), {
          method: ctx.req.method,
          url: ctx.req.url,
          headers: ctx.req.headers,
          socket: ctx.req.socket,
        });
  ctx.respond = false;
  const url = new URL(ctx.req.url, 'http://localhost');
  try {
    const answered = await (await board.api).handle(req, ctx.res, url);
    if (kind === 'list')
      board.requests.lists.push({
        cursor: paged,
        ifNoneMatch: 'if-none-match' in req.headers,
        status: ctx.res.statusCode,
      });
    if (!answered) {
      ctx.res.statusCode = 404;
      ctx.res.end('not found');
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendError(req, ctx.res, error);
  }
}

mkdirSync(dbDir, { recursive: true });
