// The embedded store: one SQLite file through better-sqlite3. WAL lets readers go on while one writer writes, and
// nothing rewrites the file as a whole. Writes run in transactions begun IMMEDIATE (the write lock at once, so two
// processes never deadlock upgrading a read lock); busy_timeout makes a second server process or the moderation
// command wait for the lock instead of failing.
//
// Group commit: better-sqlite3 is synchronous, so a commit that waits for the disk (synchronous=FULL) stops the
// whole process — about 100 commits a second here. Requests that arrive while the process is busy are therefore
// committed together: each one's writes are an atomic unit of their own (a savepoint, rolled back alone if it
// fails), the batch is one transaction with one sync, and no request is answered before that commit. If the commit
// fails, every request of the batch gets the error and nothing of it is kept.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ideaRow, newIdeaRow, seedRow } from './rows.mjs';

const MIGRATIONS = [
  // 1: the tables of the first reference server (sql.js); IF NOT EXISTS adopts a database it created.
  `CREATE TABLE IF NOT EXISTS ideas (
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
   );`,
  // 2: the vote count kept on the idea (a page of 50 ideas must not count 50 vote lists), and the page order index.
  `ALTER TABLE ideas ADD COLUMN vote_count INTEGER NOT NULL DEFAULT 0;
   UPDATE ideas SET vote_count = (SELECT COUNT(*) FROM votes v WHERE v.idea_id = ideas.id);
   CREATE INDEX ideas_by_moderation_created ON ideas (moderation, created DESC, id DESC);`,
];

const COLUMNS = `id, title, description, category, status, author, email, lat, lon, comments, created, moderation,
  base_votes + vote_count AS votes`;

/**
 * @param {string} file  The database file; created with its folder when missing.
 * @param {{ busyTimeoutMs?: number, synchronous?: 'FULL' | 'NORMAL', maxPageCount?: number }} [options]
 *   `maxPageCount` caps the file's size in pages (the fault tests use it as a disk that fills up).
 */
export function openSqliteStore(file, { busyTimeoutMs = 5000, synchronous = 'FULL', maxPageCount } = {}) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is synced at every commit, so an acknowledged write survives a power cut too, not just a crash.
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  if (maxPageCount) db.pragma(`max_page_count = ${Number(maxPageCount)}`);

  const queue = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled || !queue.length) return;
    scheduled = true;
    setImmediate(flush);
  };
  function flush() {
    scheduled = false;
    const batch = queue.splice(0, 1000);
    // The error that made SQLite roll back the whole transaction (a full disk does), reported to every request.
    let fatal;
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            // A nested transaction is a savepoint: one request's failure leaves the others' writes in place.
            item.result = db.transaction(item.fn)();
          } catch (error) {
            item.error = error;
            // Without a transaction the next request would commit on its own while the batch is reported failed.
            if (!db.inTransaction) throw (fatal = error);
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(fatal ?? error);
      schedule();
      return;
    }
    for (const item of batch) {
      if (item.error) item.reject(item.error);
      else item.resolve(item.result);
    }
    schedule();
  }
  /** Runs `fn` (synchronous, with the prepared statements) in the next group commit; resolves after the commit. */
  const write = (fn) =>
    new Promise((resolve, reject) => {
      queue.push({ fn, resolve, reject });
      schedule();
    });

  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS offen_schema (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)');
    const current = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM offen_schema').get().v;
    MIGRATIONS.forEach((sql, index) => {
      const version = index + 1;
      if (version <= current) return;
      db.exec(sql);
      db.prepare('INSERT INTO offen_schema (version, applied) VALUES (?, ?)').run(version, new Date().toISOString());
    });
  }).immediate();

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
    moderationOf: db.prepare('SELECT moderation, status FROM ideas WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO ideas (id, title, description, category, status, author, email, lat, lon, comments, base_votes,
         created, moderation, moderated)
       VALUES (@id, @title, @description, @category, @status, @author, @email, @lat, @lon, @comments, @base_votes,
         @created, @moderation, @moderated)`,
    ),
    moderate: db.prepare('UPDATE ideas SET moderation = ?, moderated = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE ideas SET status = ? WHERE id = ?'),
    addVote: db.prepare('INSERT OR IGNORE INTO votes (idea_id, client, created) VALUES (?, ?, ?)'),
    removeVote: db.prepare('DELETE FROM votes WHERE idea_id = ? AND client = ?'),
    countVote: db.prepare('UPDATE ideas SET vote_count = vote_count + ? WHERE id = ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM ideas'),
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
      return write(() => {
        if (q.count.get().n > 0) return 0;
        for (const idea of ideas) q.insert.run(seedRow(idea));
        return ideas.length;
      });
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
      const row = newIdeaRow(value);
      return write(() => {
        q.insert.run(row);
        return one(q.byId.get(row.id));
      });
    },
    async moderate(id, decision) {
      return write(() =>
        q.moderate.run(decision, new Date().toISOString(), id).changes ? one(q.byId.get(id)) : undefined,
      );
    },
    async setStatus(id, status) {
      return write(() => (q.setStatus.run(status, id).changes ? one(q.byId.get(id)) : undefined));
    },
    /**
     * Counts or withdraws one vote of a client on a published idea whose status `votable` allows:
     * { found, changed, votes }, or { found, closed: true, status } for an idea that takes no votes.
     */
    async vote(id, client, withdraw, votable = () => true) {
      return write(() => {
        const idea = q.moderationOf.get(id);
        if (idea?.moderation !== 'approved') return { found: false };
        if (!votable(idea.status)) return { found: true, closed: true, status: idea.status };
        const changed = withdraw
          ? q.removeVote.run(id, client).changes > 0
          : q.addVote.run(id, client, new Date().toISOString()).changes > 0;
        if (changed) q.countVote.run(withdraw ? -1 : 1, id);
        return { found: true, changed, votes: q.byId.get(id).votes };
      });
    },
    async summary() {
      const rows = q.summary.all();
      return { schema: q.version.get().v, rows: rows.map((r) => ({ ...r, votes: r.votes ?? 0 })) };
    },
    async close() {
      // Writes still waiting are committed first: a closing store does not drop acknowledged work.
      while (queue.length) flush();
      if (db.open) db.close();
    },
  };
}
