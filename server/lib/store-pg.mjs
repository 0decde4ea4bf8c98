// The store for several server instances: PostgreSQL through `pg`, with the schema and the answers of the SQLite
// store. Every write is one transaction on a pooled connection; migrations run under an advisory lock, so instances
// starting together migrate once. Texts that are ordered (id, created) use the "C" collation, so the order (and the
// paging cursor) is the same as SQLite's, whatever the database's locale.
import pg from 'pg';
import { ideaRow, newIdeaRow, seedRow } from './rows.mjs';
import { redact } from './store.mjs';

const MIGRATION_LOCK = 0x0ffe1de4;

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS ideas (
     id TEXT COLLATE "C" PRIMARY KEY,
     title TEXT NOT NULL,
     description TEXT NOT NULL,
     category TEXT,
     status TEXT NOT NULL DEFAULT 'submitted',
     author TEXT,
     email TEXT,
     lat DOUBLE PRECISION,
     lon DOUBLE PRECISION,
     comments INTEGER NOT NULL DEFAULT 0,
     base_votes INTEGER NOT NULL DEFAULT 0,
     created TEXT COLLATE "C" NOT NULL,
     moderation TEXT NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'approved', 'rejected')),
     moderated TEXT
   );
   CREATE TABLE IF NOT EXISTS votes (
     idea_id TEXT COLLATE "C" NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
     client TEXT NOT NULL,
     created TEXT NOT NULL,
     PRIMARY KEY (idea_id, client)
   );`,
  `ALTER TABLE ideas ADD COLUMN vote_count INTEGER NOT NULL DEFAULT 0;
   UPDATE ideas SET vote_count = (SELECT COUNT(*) FROM votes v WHERE v.idea_id = ideas.id);
   CREATE INDEX ideas_by_moderation_created ON ideas (moderation, created DESC, id DESC);`,
];

const COLUMNS = `id, title, description, category, status, author, email, lat, lon, comments, created, moderation,
  base_votes + vote_count AS votes`;
const INSERT_COLUMNS = [
  'id',
  'title',
  'description',
  'category',
  'status',
  'author',
  'email',
  'lat',
  'lon',
  'comments',
  'base_votes',
  'created',
  'moderation',
  'moderated',
];

function insertSql(count) {
  const rows = Array.from(
    { length: count },
    (_, r) => `(${INSERT_COLUMNS.map((_, c) => `$${r * INSERT_COLUMNS.length + c + 1}`).join(', ')})`,
  );
  return `INSERT INTO ideas (${INSERT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`;
}
const values = (rows) => rows.flatMap((row) => INSERT_COLUMNS.map((column) => row[column]));

/**
 * @param {string} url  postgres://user:password@host:port/database
 * @param {{ max?: number, log?: Function }} [options]  `max`: connections in the pool.
 */
export async function openPgStore(url, { max = 10, log = console.error } = {}) {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks (a restart of the database) must not take the process down.
  pool.on('error', (error) => log('offen-ideas: PostgreSQL connection lost:', error.message));

  async function write(fn) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  const read = async (sql, params) => (await pool.query(sql, params)).rows;
  const byId = async (db, id) => (await db.query(`SELECT ${COLUMNS} FROM ideas WHERE id = $1`, [id])).rows[0];
  const one = (row) => (row ? ideaRow(row) : undefined);

  try {
    await write(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await db.query('CREATE TABLE IF NOT EXISTS offen_schema (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)');
      const current = (await db.query('SELECT COALESCE(MAX(version), 0) AS v FROM offen_schema')).rows[0].v;
      for (const [index, sql] of MIGRATIONS.entries()) {
        if (index + 1 <= current) continue;
        await db.query(sql);
        await db.query('INSERT INTO offen_schema (version, applied) VALUES ($1, $2)', [
          index + 1,
          new Date().toISOString(),
        ]);
      }
    });
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot open PostgreSQL at ${redact(url)}: ${error.message}`, { cause: error });
  }

  return {
    kind: 'postgresql',
    description: redact(url),
    async seedIfEmpty(ideas) {
      return write(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        if ((await db.query('SELECT EXISTS (SELECT 1 FROM ideas) AS any')).rows[0].any) return 0;
        const rows = ideas.map((idea) => seedRow(idea));
        for (let i = 0; i < rows.length; i += 500) {
          const batch = rows.slice(i, i + 500);
          await db.query(insertSql(batch.length), values(batch));
        }
        return rows.length;
      });
    },
    async categories() {
      return (await read('SELECT DISTINCT category FROM ideas WHERE category IS NOT NULL ORDER BY category')).map(
        (r) => r.category,
      );
    },
    async listPublished({ limit, after }) {
      const rows = after
        ? await read(
            `SELECT ${COLUMNS} FROM ideas WHERE moderation = 'approved' AND (created, id) < ($1, $2)
             ORDER BY created DESC, id DESC LIMIT $3`,
            [after.created, after.id, limit + 1],
          )
        : await read(
            `SELECT ${COLUMNS} FROM ideas WHERE moderation = 'approved' ORDER BY created DESC, id DESC LIMIT $1`,
            [limit + 1],
          );
      return { ideas: rows.slice(0, limit).map(ideaRow), more: rows.length > limit };
    },
    async listPending() {
      return (await read(`SELECT ${COLUMNS} FROM ideas WHERE moderation = 'pending' ORDER BY created ASC, id ASC`)).map(
        ideaRow,
      );
    },
    async listAll() {
      return (await read(`SELECT ${COLUMNS} FROM ideas ORDER BY created ASC, id ASC`)).map(ideaRow);
    },
    async get(id) {
      return one(await byId(pool, id));
    },
    async insert(value) {
      // One statement is its own transaction: one round trip instead of BEGIN, INSERT, COMMIT and a read.
      const row = newIdeaRow(value);
      return one((await pool.query(`${insertSql(1)} RETURNING ${COLUMNS}`, values([row]))).rows[0]);
    },
    async moderate(id, decision) {
      return write(async (db) => {
        const result = await db.query('UPDATE ideas SET moderation = $1, moderated = $2 WHERE id = $3', [
          decision,
          new Date().toISOString(),
          id,
        ]);
        return result.rowCount ? one(await byId(db, id)) : undefined;
      });
    },
    async setStatus(id, status) {
      return write(async (db) => {
        const result = await db.query('UPDATE ideas SET status = $1 WHERE id = $2', [status, id]);
        return result.rowCount ? one(await byId(db, id)) : undefined;
      });
    },
    async vote(id, client, withdraw, votable = () => true) {
      return write(async (db) => {
        const idea = (await db.query('SELECT moderation, status FROM ideas WHERE id = $1', [id])).rows[0];
        if (idea?.moderation !== 'approved') return { found: false };
        if (!votable(idea.status)) return { found: true, closed: true, status: idea.status };
        const result = withdraw
          ? await db.query('DELETE FROM votes WHERE idea_id = $1 AND client = $2', [id, client])
          : await db.query('INSERT INTO votes (idea_id, client, created) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
              id,
              client,
              new Date().toISOString(),
            ]);
        const changed = result.rowCount > 0;
        const votes = changed
          ? (
              await db.query(
                'UPDATE ideas SET vote_count = vote_count + $1 WHERE id = $2 RETURNING base_votes + vote_count AS votes',
                [withdraw ? -1 : 1, id],
              )
            ).rows[0].votes
          : (await byId(db, id)).votes;
        return { found: true, changed, votes: Number(votes) };
      });
    },
    async summary() {
      const rows = await read(
        `SELECT moderation, COUNT(*)::int AS ideas, COALESCE(SUM(base_votes + vote_count), 0)::int AS votes
         FROM ideas GROUP BY moderation`,
      );
      const schema = (await read('SELECT MAX(version) AS v FROM offen_schema'))[0].v;
      return { schema, rows };
    },
    async close() {
      await pool.end();
    },
  };
}
