// Picks the store: PostgreSQL when a postgres:// URL is given (several server instances on one database), else
// the SQLite file (one machine; a second process and the moderation command may share the file).
import { readSeed } from './rows.mjs';

/**
 * @param {{ databaseUrl?: string, dbFile?: string, seedFile?: string, sqlite?: object, pg?: object }} options
 *   `seedFile`: ideas to put into a database that has none yet.
 */
export async function openStore({ databaseUrl, dbFile, seedFile, sqlite, pg } = {}) {
  let store;
  if (databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl)) {
    const { openPgStore } = await import('./store-pg.mjs');
    store = await openPgStore(databaseUrl, pg);
  } else if (databaseUrl && !/^(sqlite|file):/i.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// (or sqlite:/file: for a file): ${redact(databaseUrl)}`);
  } else {
    const file = databaseUrl ? databaseUrl.replace(/^(sqlite|file):(\/\/)?/i, '') : dbFile;
    if (!file) throw new Error('No database: give --db FILE or DATABASE_URL');
    const { openSqliteStore } = await import('./store-sqlite.mjs');
    store = openSqliteStore(file, sqlite);
  }
  if (seedFile) {
    try {
      await store.seedIfEmpty(readSeed(seedFile));
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** A database URL without its password, for messages. */
export function redact(url) {
  return String(url).replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
