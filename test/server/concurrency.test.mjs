// One database, two server processes and the moderation command writing at the same time: every acknowledged
// write and every reported approval is in the database afterwards (the sql.js server lost about half of them).
// Against a SQLite file and, where installed, PostgreSQL.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run as runCli, startServe } from './cli.mjs';
import { fixture, post, tempDir, valid } from './helpers.mjs';
import { postgresMissing, startPostgres } from './postgres.mjs';

const SUBMITS = 120;
const VOTERS = 80;
const PARALLEL = 12;

/** Runs `tasks` with at most `limit` at a time. */
async function pool(tasks, limit) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

/** @param {() => Promise<{ args: string[], env: object }>} database  how the processes reach the database */
function concurrencySuite(label, database, skip = false) {
  describe(`concurrent writers on one database (${label})`, { skip }, () => {
    const servers = [];
    let db = [];
    let dbEnv = {};
    const run = (args) => runCli(args, dbEnv);
    before(async () => {
      ({ args: db, env: dbEnv } = await database());
      const args = [...db, '--seed', fixture('ideas-board.json'), '--min-fill-ms', '0'];
      const env = { ...dbEnv, OFFEN_RATE_VOTES: '100000', OFFEN_RATE_SUBMITS: '100000' };
      servers.push(await startServe(args, env), await startServe(args, env));
    });
    after(async () => {
      for (const server of servers) await server.stop();
    });

    it('loses no submission, vote or approval while the moderation command approves', async () => {
      let writing = true;
      const approvedByCommand = new Set();
      const moderation = (async () => {
        // The moderator approves whatever is waiting, again and again, while the servers take writes.
        for (let round = 0; writing || round < 1; round++) {
          const { ideas } = JSON.parse((await run(['list', '--json', ...db])).stdout);
          if (!ideas.length) continue;
          const result = await run(['approve', ...ideas.map((i) => i.id), ...db]);
          assert.equal(result.code, 0, result.stderr);
          for (const match of result.stdout.matchAll(/^Approved: (\S+)/gm)) approvedByCommand.add(match[1]);
        }
      })();

      const submit = (i) => async () => {
        const response = await post(`${servers[i % 2].origin}/api/ideas`, { ...valid, title: `Idee Nummer ${i}` });
        return response.status === 201 ? { submitted: (await response.json()).idea.id } : { failed: response.status };
      };
      const vote = (i) => async () => {
        const client = `voter-${String(i).padStart(4, '0')}-0123456789`;
        const response = await post(`${servers[i % 2].origin}/api/votes`, { id: 'b-1' }, { 'X-Offen-Client': client });
        return response.status === 200 ? { voted: client } : { failed: response.status };
      };
      // Submissions and votes interleaved, on both servers.
      const tasks = Array.from({ length: SUBMITS }, (_, i) => (i < VOTERS ? [submit(i), vote(i)] : [submit(i)])).flat();
      const results = await pool(tasks, PARALLEL);
      writing = false;
      await moderation;

      assert.deepEqual(
        results.filter((r) => r.failed),
        [],
      );
      const submitted = results.filter((r) => r.submitted).map((r) => r.submitted);
      assert.equal(submitted.length, SUBMITS);
      // What came in after the command's last round is approved now; then every submission has been approved once.
      const leftover = JSON.parse((await run(['list', '--json', ...db])).stdout).ideas;
      if (leftover.length) {
        const result = await run(['approve', ...leftover.map((i) => i.id), ...db]);
        for (const match of result.stdout.matchAll(/^Approved: (\S+)/gm)) approvedByCommand.add(match[1]);
      }

      const exported = JSON.parse((await run(['export', ...db])).stdout).ideas;
      const byId = new Map(exported.map((idea) => [idea.id, idea]));
      assert.deepEqual(
        submitted.filter((id) => !byId.has(id)),
        [],
        'acknowledged submissions missing',
      );
      assert.deepEqual(
        [...approvedByCommand].filter((id) => byId.get(id)?.moderation !== 'approved'),
        [],
        'approvals lost',
      );
      assert.equal(approvedByCommand.size, SUBMITS);
      assert.equal(byId.get('b-1').votes, 40 + VOTERS);
      // Both servers answer the same list: there is one database, not two copies.
      const lists = await Promise.all(
        servers.map(async (s) => (await (await fetch(`${s.origin}/api/ideas?limit=1000`)).json()).ideas.length),
      );
      assert.deepEqual(lists, [6 + SUBMITS, 6 + SUBMITS]);
    });
  });
}

const dir = tempDir();
concurrencySuite('SQLite', async () => ({ args: ['--db', path.join(dir, 'ideas.sqlite')], env: {} }));

const missing = postgresMissing();
let cluster;
after(() => cluster?.stop());
concurrencySuite(
  'PostgreSQL',
  async () => {
    cluster ??= await startPostgres();
    return { args: [], env: { DATABASE_URL: await cluster.createDatabase() } };
  },
  missing || false,
);
