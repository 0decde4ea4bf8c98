// What the SQLite store's two connections share: the pragmas, the migrations and the columns of an idea row.

export const MIGRATIONS = [
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

export const SQLITE_COLUMNS = `id, title, description, category, status, author, email, lat, lon, comments, created,
  moderation, base_votes + vote_count AS votes`;

/** WAL, the sync level and foreign keys, on every connection. */
export function sqlitePragmas(db, { synchronous = 'FULL', maxPageCount } = {}) {
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is synced at every commit, so an acknowledged write survives a power cut too, not just a crash.
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  if (maxPageCount) db.pragma(`max_page_count = ${Number(maxPageCount)}`);
}

/** Brings the schema up to date, in one IMMEDIATE transaction (two processes starting at once take turns). */
export function migrate(db) {
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
}
