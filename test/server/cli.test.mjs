// `offen-ideas` on the command line: help, configuration by flags and environment, and moderation against the
// database of a running server.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run, startServe } from './cli.mjs';
import { fixture, post, tempDir, valid } from './helpers.mjs';

describe('offen-ideas command line', () => {
  const dir = tempDir();
  const db = path.join(dir, 'town/ideas.sqlite');
  let server;
  before(async () => {
    server = await startServe(['--db', db, '--seed', fixture('ideas-board.json'), '--min-fill-ms', '0'], {
      OFFEN_ALLOWED_ORIGINS: 'https://www.bad-belzig.de, https://beteiligung.bad-belzig.de',
      OFFEN_MODERATOR_TOKEN: 'geheim-geheim',
    });
  });
  after(() => server?.stop());

  it('explains itself with --help and refuses unknown options and commands', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const text of [
      'offen-ideas serve',
      'approve <id>',
      'export',
      'DATABASE_URL',
      'OFFEN_ALLOWED_ORIGINS',
      'OFFEN_MODERATOR_TOKEN',
      'OFFEN_RATE_VOTES',
    ])
      assert.ok(help.stdout.includes(text), text);
    assert.equal((await run([])).code, 1);
    const unknown = await run(['serve', '--prot', '80']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option --prot/);
    assert.equal((await run(['publish', '--db', db])).code, 2);
    const badPort = await run(['serve', '--db', db, '--port', '99999']);
    assert.equal(badPort.code, 2);
    assert.match(badPort.stderr, /--port must be a whole number from 0 to 65535/);
    const badUrl = await run(['status'], { DATABASE_URL: 'mysql://localhost/ideas' });
    assert.equal(badUrl.code, 1);
    assert.match(badUrl.stderr, /DATABASE_URL must start with postgres:\/\//);
  });

  it('takes its allowed origins and moderator token from the environment', async () => {
    const list = await fetch(`${server.origin}/api/ideas`, {
      headers: { Origin: 'https://beteiligung.bad-belzig.de' },
    });
    assert.equal(list.headers.get('access-control-allow-origin'), 'https://beteiligung.bad-belzig.de');
    const pending = await fetch(`${server.origin}/api/ideas/pending`, {
      headers: { Authorization: 'Bearer geheim-geheim' },
    });
    assert.equal(pending.status, 200);
    assert.equal((await post(`${server.origin}/api/ideas`, valid, { Origin: 'https://evil.example' })).status, 403);
  });

  it('lists, approves, rejects, sets the status and exports, on the database the server is using', async () => {
    const created = await (
      await post(`${server.origin}/api/ideas`, { ...valid, email: 'erika@example.org', name: 'Erika' })
    ).json();
    const id = created.idea.id;
    const list = await run(['list', '--db', db]);
    assert.equal(list.code, 0);
    assert.match(list.stdout, new RegExp(`${id} .* Neue Bänke am Teich  — Erika <erika@example.org>`));
    const json = JSON.parse((await run(['list', '--json', '--db', db])).stdout);
    assert.deepEqual(
      json.ideas.map((i) => i.id),
      [id],
    );

    const approved = await run(['approve', id, '--db', db]);
    assert.deepEqual([approved.code, approved.stdout.trim()], [0, `Approved: ${id} Neue Bänke am Teich`]);
    const published = (await (await fetch(`${server.origin}/api/ideas`)).json()).ideas;
    assert.equal(published[0].id, id);

    const status = await run(['status', id, 'in-progress', '--db', db]);
    assert.deepEqual([status.code, status.stdout.trim()], [0, `${id} is now in-progress`]);
    assert.equal((await (await fetch(`${server.origin}/api/ideas/${id}`)).json()).idea.status, 'in-progress');
    assert.equal((await run(['status', id, 'fertig', '--db', db])).code, 2);

    const unknown = await run(['reject', 'b-1', 'gibt-es-nicht', '--db', db]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No idea with id gibt-es-nicht/);
    assert.equal(
      (await (await fetch(`${server.origin}/api/ideas`)).json()).ideas.some((i) => i.id === 'b-1'),
      false,
    );

    const summary = await run(['status', '--db', db]);
    assert.match(summary.stdout, /schema version 2/);
    assert.match(summary.stdout, /approved +6 ideas +80 votes/);
    assert.match(summary.stdout, /rejected +1 ideas +40 votes/);

    const exported = JSON.parse((await run(['export', '--db', db])).stdout);
    assert.equal(exported.ideas.length, 7);
    assert.equal(
      exported.ideas.some((i) => 'email' in i),
      false,
    );
    const withEmail = JSON.parse((await run(['export', '--include-email', '--db', db])).stdout);
    assert.equal(withEmail.ideas.find((i) => i.id === id).email, 'erika@example.org');
  });

  it('stops cleanly on SIGTERM', async () => {
    const other = await startServe(['--db', path.join(dir, 'other.sqlite')]);
    assert.deepEqual(await other.stop(), { code: 0, signal: null });
  });
});
