// Write errors leave the database and the answers consistent: a disk that fills up answers 503 for what it could
// not keep (never a 201 for a lost idea, never an error for a kept one), the file still opens, and one failing
// write in a group commit does not take the others with it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../server/lib/index.mjs';
import { MODERATOR, fixture, post, startApi, tempDir, valid } from './helpers.mjs';

describe('write faults (SQLite)', () => {
  const dir = tempDir();
  const servers = [];
  after(async () => {
    for (const server of servers) await server.close();
  });

  it('answers 503 once the disk is full, keeps every acknowledged idea and none of the refused ones', async () => {
    const dbFile = path.join(dir, 'full.sqlite');
    await (await openStore({ dbFile, seedFile: fixture('ideas-board.json') })).close();
    const db = new Database(dbFile);
    const pages = db.pragma('page_count', { simple: true });
    db.close();
    // Room for a few more pages: a handful of ideas, then the "disk" is full.
    const server = await startApi({ dbFile, sqlite: { maxPageCount: pages + 3 } });
    servers.push(server);
    const submit = async (title) => {
      const response = await post(server.url('/ideas'), { ...valid, title, description: 'x'.repeat(1500) });
      return { title, status: response.status, body: await response.json() };
    };
    // One at a time until the disk is full, then a burst that arrives together (one group commit).
    const results = [];
    for (let i = 0; i < 40 && !results.some((r) => r.status === 503); i++)
      results.push(await submit(`Idee ${i} mit einem langen Titel`));
    results.push(...(await Promise.all(Array.from({ length: 5 }, (_, i) => submit(`Idee ${i} aus dem Schwall`)))));
    assert.ok(results.filter((r) => r.status === 201).length >= 2, 'some ideas fit');
    assert.deepEqual(
      results.slice(-5).map((r) => r.status),
      [503, 503, 503, 503, 503],
    );
    assert.deepEqual([...new Set(results.map((r) => r.status))].sort(), [201, 503]);
    assert.equal(results.find((r) => r.status === 503).body.error, 'unavailable');
    const pending = (await (await fetch(server.url('/ideas/pending'), { headers: MODERATOR })).json()).ideas;
    const stored = new Set(pending.map((i) => i.title));
    for (const r of results) assert.equal(stored.has(r.title), r.status === 201, `${r.status} ${r.title}`);
    // Reads go on while writes cannot.
    assert.equal((await fetch(server.url('/ideas'))).status, 200);
    await server.close();
    servers.pop();
    // The file is whole: it opens without the cap and takes new ideas.
    const check = new Database(dbFile);
    assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
    check.close();
    const reopened = await startApi({ dbFile });
    servers.push(reopened);
    assert.equal((await post(reopened.url('/ideas'), valid)).status, 201);
  });

  it('commits the writes of a batch that arrive together, without the one that fails', async () => {
    const store = await openStore({ dbFile: path.join(dir, 'batch.sqlite'), seedFile: fixture('ideas-board.json') });
    const results = await Promise.allSettled([
      store.insert({ title: 'Erste Idee', description: 'Die erste Beschreibung.' }),
      store.insert({ title: null, description: 'Ohne Titel geht es nicht.' }),
      store.vote('b-1', 'client-aaaaaaaaaaaaaaaa', false),
      store.insert({ title: 'Dritte Idee', description: 'Die dritte Beschreibung.' }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.match(results[1].reason.message, /NOT NULL/);
    assert.deepEqual((await store.listPending()).map((i) => i.title).sort(), ['Dritte Idee', 'Erste Idee']);
    assert.equal((await store.get('b-1')).votes, 41);
    await store.close();
  });
});
