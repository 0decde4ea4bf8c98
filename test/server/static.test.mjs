// `npm start`'s server: only public files, whatever the encoding of the path; hostile targets get 400, never a crash.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/server.mjs';
import { createIdeasServer, createStaticHandler, listen } from '../../server/lib/index.mjs';
import { get, post, raw, tempDir, valid } from './helpers.mjs';

describe('demo server (npm start)', () => {
  const dir = tempDir();
  let demo;
  before(async () => {
    demo = await startDemo({ port: 0, dbFile: path.join(dir, '.data/ideas.sqlite'), minFillMs: 0 });
  });
  after(() => demo.close());

  it('names a busy port and how to pick another (PORT=…) instead of a raw EADDRINUSE', async () => {
    const port = Number(new URL(demo.origin).port);
    await assert.rejects(startDemo({ port, dbFile: path.join(dir, '.data/busy.sqlite'), minFillMs: 0 }), (error) => {
      assert.equal(error.code, 'EADDRINUSE');
      assert.match(error.message, new RegExp(`^Port ${port} is already in use`));
      assert.match(error.message, new RegExp(`PORT=${port + 1} npm start`));
      return true;
    });
  });

  it('serves the page, its styles and the sample data', async () => {
    for (const target of ['/', '/index.html', '/theme.css', '/demo.js', '/data/ideen.json', '/data/haushalt.csv'])
      assert.equal((await get(demo.origin, target)).status, 200, target);
    const page = await fetch(`${demo.origin}/`);
    assert.match(page.headers.get('content-security-policy'), /default-src 'self'/);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  });

  it('answers 404 to every way of asking for the database or the server source', async () => {
    const attempts = [
      '/.data/ideas.sqlite',
      '/%2edata/ideas.sqlite',
      '/%2Edata/ideas.sqlite-wal',
      '/.%64ata/ideas.sqlite',
      '/data/..%2f.data/ideas.sqlite',
      '/data/%2e%2e/.data/ideas.sqlite',
      '/server.mjs',
      '/server%2emjs',
      '/moderate%2Emjs',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/offen/..%2f..%2fpackage.json',
      '/data%5c..%5cserver.mjs',
      '/data/QUELLEN.md',
      '/index.html%00.css',
      '/.git/config',
      '/%2egit/HEAD',
      '/api/../server.mjs',
    ];
    for (const target of attempts) {
      const answer = await get(demo.origin, target);
      assert.equal(answer.status, 404, target);
      assert.doesNotMatch(answer.text, /SQLite format|import |\[core\]|root:/, target);
    }
  });

  it('answers malformed targets and encodings with 400 and keeps serving', async () => {
    for (const target of ['//', '//evil.example/', 'http://[bad/', '/%E0%A4%A', '/data/%', '/api/ideas/%E0%A4%A'])
      assert.equal((await get(demo.origin, target)).status, 400, target);
    assert.equal((await fetch(`${demo.origin}/`, { method: 'DELETE' })).status, 405);
    assert.equal((await get(demo.origin, '/')).status, 200);
  });

  it('takes ideas from its own page under both loopback names, and refuses other origins', async () => {
    const port = new URL(demo.origin).port;
    const ideas = `${demo.origin}/api/ideas`;
    assert.equal((await post(ideas, valid, { Origin: `http://127.0.0.1:${port}` })).status, 201);
    assert.equal((await post(ideas, valid, { Origin: `http://localhost:${port}` })).status, 201);
    assert.equal((await post(ideas, valid, { Origin: `http://localhost:${Number(port) + 1}` })).status, 403);
    assert.equal((await post(ideas, valid, { Origin: `https://127.0.0.1:${port}` })).status, 403);
    const list = await (await fetch(ideas)).json();
    assert.equal(list.ideas.length, 12);
  });
});

describe('public folders', () => {
  const dir = tempDir();
  const publicDir = path.join(dir, 'public');
  let origin;
  let server;
  before(async () => {
    mkdirSync(publicDir);
    mkdirSync(path.join(dir, 'public-old'));
    writeFileSync(path.join(publicDir, 'index.html'), '<!doctype html><title>ok</title>');
    writeFileSync(path.join(dir, 'public-old/secret.txt'), 'secret');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(publicDir, 'link.txt'));
    server = createIdeasServer({ files: createStaticHandler({ mounts: { '/': publicDir } }), log: () => {} });
    origin = await listen(server, 0, '127.0.0.1');
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  it('keeps to the folder: no sibling with the same name prefix, no symbolic link out of it', async () => {
    assert.equal((await get(origin, '/')).status, 200);
    for (const target of [
      '/../public-old/secret.txt',
      '/%2e%2e/public-old/secret.txt',
      '/..%2fsecret.txt',
      '/link.txt',
    ])
      assert.equal((await get(origin, target)).status, 404, target);
    const answer = await raw(origin, 'GET /..%2f..%2fsecret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.doesNotMatch(answer.text, /secret/);
  });
});
