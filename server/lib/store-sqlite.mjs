// The embedded store: one SQLite file through better-sqlite3. WAL lets readers go on while one writer writes, and
// nothing rewrites the file as a whole. Writes run in transactions begun IMMEDIATE (the write lock at once, so two
// processes never deadlock upgrading a read lock); busy_timeout makes a second server process or the moderation
// command wait for the lock instead of failing.
//
// Group commit: a commit waits for the disk (synchronous=FULL), so requests are committed together: each one's
// writes are an atomic unit of their own (a savepoint, rolled back alone if it fails), the batch is one transaction
// with one sync, and no request is answered before that commit. If the commit fails, every request of the batch gets
// the error and nothing of it is kept. The writes run in a worker thread (sqlite-writer.mjs): better-sqlite3 is
// synchronous, and a sync or WAL checkpoint on the main thread would stop every request for its duration. While the
// writer commits one batch, the next gathers here. Reads use the main thread's own connection.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ideaRow, newIdeaRow } from './rows.mjs';
import { SQLITE_COLUMNS as COLUMNS, migrate, sqlitePragmas } from './sqlite-schema.mjs';

/** The most writes in one group commit. */
const MAX_BATCH = 1000;

/** An error of the writer thread, with SQLite's code (SQLITE_FULL, SQLITE_BUSY …) kept for the API's answer. */
const writerError = ({ message, code }) => Object.assign(new Error(message), code ? { code } : {});

/**
 * @param {string} file  The database file; created with its folder when missing.
 * @param {{ busyTimeoutMs?: number, synchronous?: 'FULL' | 'NORMAL', maxPageCount?: number }} [options]
 *   `maxPageCount` caps the file's size in pages (the fault tests use it as a disk that fills up).
 */
export function openSqliteStore(file, { busyTimeoutMs = 5000, synchronous = 'FULL', maxPageCount } = {}) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  sqlitePragmas(db, { synchronous, maxPageCount });
  migrate(db);

  /** Writes waiting for the next batch: { op, args, resolve, reject }. */
  const queue = [];
  /** The batch the writer is committing. */
  let sent;
  let writer;
  let closed;

  function startWriter() {
    writer = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), {
      workerData: { file: path.resolve(file), busyTimeoutMs, synchronous, maxPageCount },
    });
    writer.on('message', ({ results, fatal }) => {
      const batch = sent;
      sent = undefined;
      batch.forEach((item, index) => {
        const result = fatal ? { error: fatal } : results[index];
        if (result.error) item.reject(writerError(result.error));
        else item.resolve(result.value);
      });
      send();
    });
    // A writer that died (it should not) fails its batch as unavailable; the next write starts a new one.
    const lost = (error) => {
      writer = undefined;
      const batch = sent ?? [];
      sent = undefined;
      for (const item of batch)
        item.reject(
          Object.assign(new Error(`SQLite writer stopped: ${error?.message ?? error}`), { code: 'SQLITE_IOERR' }),
        );
      send();
    };
    writer.on('error', lost);
    writer.on('exit', (code) => {
      if (writer && !closed) lost(new Error(`exit ${code}`));
    });
  }

  /** Hands the waiting writes to the writer when it is free; keeps the process alive only while it works. */
  function send() {
    if (sent) return;
    if (!queue.length) {
      writer?.unref();
      return;
    }
    if (!writer) startWriter();
    writer.ref();
    sent = queue.splice(0, MAX_BATCH);
    writer.postMessage(sent.map(({ op, args }) => ({ op, args })));
  }

  /** Runs the writer's operation `op` in the next group commit; resolves after the commit. */
  const write = (op, ...args) =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('The store is closed'));
      queue.push({ op, args, resolve, reject });
      // Writes that arrive in the same turn of the event loop go together even when the writer is idle.
      if (queue.length === 1) setImmediate(send);
    });

  const q = {
    firstPage: db.prepare(
      `SELECT ${COLUMNS} FROM ideas WHERE moderation = 'approved' ORDER BY created DESC, id DESC LIMIT ?`,
    ),
    nextPage: db.prepare(
      `SELECT ${COLUMNS} FROM ideas WHERE moderation = 'approved' AND (created, id) < (?, ?)
       ORDER BY created DESC, id DESC LIMIT ?`,
    ),
    pending: db.prepare(`SELECT ${COLUMNS} FROM ideas WHERE moderation = 'pending' ORDER BY created ASC, id ASC`),
    all: db.prepare(`SELECT ${COLUMNS} FROM ideas ORDER BY created ASC, id ASC`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM ideas WHERE id = ?`),
    categories: db.prepare('SELECT DISTINCT category FROM ideas WHERE category IS NOT NULL ORDER BY category'),
    summary: db.prepare(
      `SELECT moderation, COUNT(*) AS ideas, SUM(base_votes + vote_count) AS votes FROM ideas GROUP BY moderation`,
    ),
    version: db.prepare('SELECT MAX(version) AS v FROM offen_schema'),
  };
  const one = (row) => (row ? ideaRow(row) : undefined);

  return {
    kind: 'sqlite',
    description: path.resolve(file),
    async seedIfEmpty(ideas) {
      return write('seed', ideas);
    },
    async categories() {
      return q.categories.all().map((r) => r.category);
    },
    /** Published ideas, newest first, `limit` after the `after` position ({ created, id }); one more tells "more". */
    async listPublished({ limit, after }) {
      const rows = after ? q.nextPage.all(after.created, after.id, limit + 1) : q.firstPage.all(limit + 1);
      return { ideas: rows.slice(0, limit).map(ideaRow), more: rows.length > limit };
    },
    async listPending() {
      return q.pending.all().map(ideaRow);
    },
    async listAll() {
      return q.all.all().map(ideaRow);
    },
    async get(id) {
      return one(q.byId.get(id));
    },
    async insert(value) {
      return one(await write('insert', newIdeaRow(value)));
    },
    async moderate(id, decision) {
      return one(await write('moderate', id, decision, new Date().toISOString()));
    },
    async setStatus(id, status) {
      return one(await write('setStatus', id, status));
    },
    /** Counts or withdraws one vote of a client on a published idea: { found, changed, votes }. */
    async vote(id, client, withdraw) {
      return write('vote', id, client, withdraw, new Date().toISOString());
    },
    async summary() {
      const rows = q.summary.all();
      return { schema: q.version.get().v, rows: rows.map((r) => ({ ...r, votes: r.votes ?? 0 })) };
    },
    async close() {
      // Writes still waiting are committed first: a closing store does not drop acknowledged work.
      while (sent || queue.length) {
        send();
        await new Promise((resolve) => setImmediate(resolve));
      }
      closed = true;
      if (writer) {
        const exited = new Promise((resolve) => writer.once('exit', resolve));
        writer.ref();
        writer.postMessage('close');
        await exited;
        writer = undefined;
      }
      if (db.open) db.close();
    },
  };
}
