// The SQLite store's writer: a worker thread with a connection of its own that applies batches of writes (the group
// commit, see store-sqlite.mjs) and answers each batch after its commit. better-sqlite3 is synchronous, so on the
// main thread every commit's sync to disk (synchronous=FULL) and every WAL checkpoint would stop all requests; here
// they run while the main thread goes on reading and parsing the next requests, which then form the next batch.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SQLITE_COLUMNS, sqlitePragmas } from './sqlite-schema.mjs';
import { seedRow } from './rows.mjs';

const { file, busyTimeoutMs, synchronous, maxPageCount } = workerData;
const db = new Database(file, { timeout: busyTimeoutMs });
sqlitePragmas(db, { synchronous, maxPageCount });

const q = {
  byId: db.prepare(`SELECT ${SQLITE_COLUMNS} FROM ideas WHERE id = ?`),
  moderationOf: db.prepare('SELECT moderation FROM ideas WHERE id = ?'),
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
};

/** The writes the store offers, by name; each returns plain data (it crosses to the main thread). */
const operations = {
  seed(ideas) {
    if (q.count.get().n > 0) return 0;
    for (const idea of ideas) q.insert.run(seedRow(idea));
    return ideas.length;
  },
  insert(row) {
    q.insert.run(row);
    return q.byId.get(row.id);
  },
  moderate(id, decision, at) {
    return q.moderate.run(decision, at, id).changes ? q.byId.get(id) : undefined;
  },
  setStatus(id, status) {
    return q.setStatus.run(status, id).changes ? q.byId.get(id) : undefined;
  },
  vote(id, client, withdraw, at) {
    if (q.moderationOf.get(id)?.moderation !== 'approved') return { found: false };
    const changed = withdraw ? q.removeVote.run(id, client).changes > 0 : q.addVote.run(id, client, at).changes > 0;
    if (changed) q.countVote.run(withdraw ? -1 : 1, id);
    return { found: true, changed, votes: q.byId.get(id).votes };
  },
};

const failure = (error) => ({ message: String(error?.message ?? error), code: error?.code });

/** One batch: one IMMEDIATE transaction and one sync, each write in a savepoint of its own. */
function apply(batch) {
  const results = [];
  // The error that made SQLite roll back the whole transaction (a full disk does), reported to every write.
  let fatal;
  try {
    db.transaction(() => {
      for (const { op, args } of batch) {
        try {
          // A nested transaction is a savepoint: one write's failure leaves the others' in place.
          results.push({ value: db.transaction(operations[op])(...args) });
        } catch (error) {
          results.push({ error: failure(error) });
          // Without a transaction the next write would commit on its own while the batch is reported failed.
          if (!db.inTransaction) throw (fatal = error);
        }
      }
    }).immediate();
  } catch (error) {
    return { fatal: failure(fatal ?? error) };
  }
  return { results };
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  parentPort.postMessage(apply(message));
});
