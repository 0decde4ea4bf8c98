// The ideas contract (README, "The ideas contract") as one suite, run against each store: SQLite and PostgreSQL
// must answer every request the same.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CLIENT, MODERATOR, PAGE, get, post, raw, startApi, valid } from './helpers.mjs';

const B1 = {
  id: 'b-1',
  title: 'Radweg nach Wiesenburg',
  description:
    'Ein sicherer Radweg entlang der L 81 zwischen Bad Belzig und Wiesenburg, damit Schulkinder nicht auf der Straße fahren müssen.',
  category: 'Verkehr',
  status: 'accepted',
  votes: 40,
  comments: 2,
  author: 'Jana K.',
  created: '2026-05-10T12:00:00.000Z',
  published: true,
  lat: 52.13,
  lon: 12.52,
};
const NEWEST_FIRST = ['b-6', 'b-4', 'b-2', 'b-1', 'b-3', 'b-5'];

/**
 * @param {string} label
 * @param {{ fresh: () => Promise<object>, skip?: string | false }} store  `fresh()` gives an empty database
 *   ({ dbFile } or { databaseUrl }) for each test.
 */
export function contractSuite(label, { fresh, skip = false }) {
  describe(`ideas contract (${label})`, { skip }, () => {
    const servers = [];
    const start = async (options) => {
      const server = await startApi(await fresh(), options);
      servers.push(server);
      return server;
    };
    after(async () => {
      for (const server of servers) await server.close();
    });

    it('lists published ideas newest first, without e-mail, with an ETag that turns a refresh into a 304', async () => {
      const { url } = await start();
      const response = await fetch(url('/ideas'));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      const body = await response.json();
      assert.deepEqual(
        body.ideas.map((i) => i.id),
        NEWEST_FIRST,
      );
      assert.deepEqual(body.ideas[3], B1);
      assert.equal(body.next, undefined);
      const etag = response.headers.get('etag');
      const again = await fetch(url('/ideas'), { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      // A vote changes the list, so the old ETag no longer matches.
      assert.equal((await post(url('/votes'), { id: 'b-6' }, { 'X-Offen-Client': CLIENT })).status, 200);
      const changed = await fetch(url('/ideas'), { headers: { 'If-None-Match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.equal((await changed.json()).ideas.find((i) => i.id === 'b-6').votes, 9);
    });

    it('pages with limit and cursor: the next links give every idea once, in order', async () => {
      const { url, origin } = await start();
      const seen = [];
      let next = url('/ideas?limit=4');
      let pages = 0;
      while (next) {
        const response = await fetch(next);
        assert.equal(response.status, 200);
        const body = await response.json();
        seen.push(...body.ideas.map((i) => i.id));
        if (body.next) assert.equal(response.headers.get('link'), `<${body.next}>; rel="next"`);
        else assert.equal(response.headers.get('link'), null);
        next = body.next && new URL(body.next, origin).href;
        pages++;
        // An idea submitted and approved while paging is newer than the cursor: it does not appear twice or shift.
        if (pages === 1) {
          const created = await (await post(url('/ideas'), valid)).json();
          await fetch(url(`/ideas/${created.idea.id}/approve`), { method: 'POST', headers: MODERATOR });
        }
      }
      assert.equal(pages, 2);
      assert.deepEqual(seen, NEWEST_FIRST);
      for (const bad of ['limit=0', 'limit=1001', 'limit=2.5', 'limit=zwei', 'cursor=kaputt', 'cursor='])
        assert.equal((await fetch(url(`/ideas?${bad}`))).status, 400, bad);
    });

    it('stores a submission unpublished until a moderator approves it; reject takes it down', async () => {
      const { url } = await start();
      const created = await post(url('/ideas'), { ...valid, email: 'erika@example.org', name: 'Erika' });
      assert.equal(created.status, 201);
      const { idea, published } = await created.json();
      assert.equal(published, false);
      assert.equal(created.headers.get('location'), `/api/ideas/${idea.id}`);
      assert.deepEqual(
        { ...idea, id: undefined, created: undefined },
        {
          id: undefined,
          created: undefined,
          title: valid.title,
          description: valid.description,
          category: null,
          status: 'submitted',
          votes: 0,
          comments: 0,
          author: 'Erika',
          published: false,
        },
      );
      assert.equal((await fetch(url(`/ideas/${idea.id}`))).status, 404);
      assert.equal((await post(url('/votes'), { id: idea.id }, { 'X-Offen-Client': CLIENT })).status, 404);

      assert.equal((await fetch(url('/ideas/pending'))).status, 401);
      const wrong = await fetch(url(`/ideas/${idea.id}/approve`), {
        method: 'POST',
        headers: { Authorization: 'Bearer falsch' },
      });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('www-authenticate'), 'Bearer');
      const pending = await (await fetch(url('/ideas/pending'), { headers: MODERATOR })).json();
      assert.deepEqual(
        pending.ideas.map((i) => [i.id, i.email]),
        [[idea.id, 'erika@example.org']],
      );

      const approved = await fetch(url(`/ideas/${idea.id}/approve`), { method: 'POST', headers: MODERATOR });
      assert.equal(approved.status, 200);
      assert.equal((await approved.json()).idea.published, true);
      const list = (await (await fetch(url('/ideas'))).json()).ideas;
      assert.equal(list[0].id, idea.id);
      assert.equal('email' in list[0], false);
      const single = await (await fetch(url(`/ideas/${idea.id}`))).json();
      assert.equal(single.idea.author, 'Erika');

      assert.equal((await fetch(url(`/ideas/${idea.id}/reject`), { method: 'POST', headers: MODERATOR })).status, 200);
      assert.equal(
        (await (await fetch(url('/ideas'))).json()).ideas.some((i) => i.id === idea.id),
        false,
      );
      assert.equal((await fetch(url('/ideas/nope/approve'), { method: 'POST', headers: MODERATOR })).status, 404);
      assert.equal((await fetch(url('/ideas/b-1/approve'), { headers: MODERATOR })).status, 405);
    });

    it('answers 404 on the moderation endpoints when no token is configured', async () => {
      const { url } = await start({ api: { moderatorToken: undefined } });
      assert.equal((await fetch(url('/ideas/pending'), { headers: MODERATOR })).status, 404);
      assert.equal((await fetch(url('/ideas/b-1/reject'), { method: 'POST', headers: MODERATOR })).status, 404);
    });

    it('refuses unknown fields (also __proto__), wrong types, invisible titles and hurried forms with 422', async () => {
      const { url } = await start({ api: { minFillMs: 3000 } });
      const submit = (body, lang = 'de') => post(url('/ideas'), body, { 'Accept-Language': lang });
      let response = await submit(
        '{"title":"Neue Bänke am Teich","description":"Zwei Bänke am Teich bitte.","consent":true,"elapsed":5000,"__proto__":{"published":true},"admin":1}',
      );
      assert.equal(response.status, 422);
      const errors = (await response.json()).errors;
      assert.deepEqual(Object.keys(errors), ['__proto__', 'admin']);
      assert.equal(Object.getOwnPropertyDescriptor(errors, '__proto__').value, 'Dieses Feld ist nicht vorgesehen.');

      response = await submit({ title: 42, description: ['x'], consent: 'yes', lat: 'north', elapsed: -1 });
      assert.deepEqual((await response.json()).errors, {
        title: 'Erwartet wird ein Text.',
        description: 'Erwartet wird ein Text.',
        consent: 'Erwartet wird ja/nein.',
        lat: 'Erwartet wird eine Zahl.',
        elapsed: 'Erwartet wird eine Zahl.',
      });

      // Zero-width spaces, joiners, word joiners, BOMs, soft hyphens and the Hangul and Braille fillers show nothing.
      for (const title of [
        '\u200b\u200b\u200b\u200b\u200b\u200b',
        '\u3164\u3164\u3164\u3164\u3164',
        '\u2800\u2800\u2800\u2800\u2800',
        '\u200d\u200c\u2060\ufeff\u00ad\u200d',
        ' \u200b \u115f\u1160 \uffa0 ',
      ])
        assert.deepEqual(
          (await (await submit({ ...valid, title }, 'en')).json()).errors,
          { title: 'Please fill in this field.' },
          JSON.stringify(title),
        );
      // Invisible characters do not count towards the length either.
      assert.deepEqual((await (await submit({ ...valid, title: 'a\u200bb\u200bc\u200bd' }, 'en')).json()).errors, {
        title: 'Please enter at least 5 characters.',
      });

      response = await submit(
        { ...valid, title: 'x'.repeat(121), name: 'n'.repeat(81), email: 'nicht@', lat: 91, lon: 12 },
        'en',
      );
      assert.deepEqual((await response.json()).errors, {
        title: 'Please enter at most 120 characters.',
        name: 'Please enter at most 80 characters.',
        email: 'Please enter a valid e-mail address.',
        lat: 'The value is out of range.',
      });
      response = await submit({ ...valid, elapsed: 1200 });
      assert.equal(response.status, 422);
      assert.equal((await response.json()).error, 'too-fast');
      // The honeypot: a 201 as if all went well, nothing stored.
      assert.equal((await submit({ ...valid, website: 'http://spam.example' })).status, 201);
      assert.deepEqual((await (await fetch(url('/ideas/pending'), { headers: MODERATOR })).json()).ideas, []);
    });

    it('cleans control characters and bidirectional overrides and keeps line breaks', async () => {
      const { url } = await start();
      const response = await post(url('/ideas'), {
        ...valid,
        title: '  Bänke\u0000 am\u202e Te\u200bich  ',
        description: 'Erste Zeile\r\nZweite Zeile\u0007 👩‍👧',
      });
      assert.equal(response.status, 201);
      const { idea } = await response.json();
      assert.equal(idea.title, 'Bänke am Teich');
      assert.equal(idea.description, 'Erste Zeile\nZweite Zeile 👩‍👧');
    });

    it('counts one vote per idea and client token, withdraws it, and limits the rate with Retry-After', async () => {
      const { url } = await start({ api: { rateLimits: { votes: 7, submits: 7 } } });
      const vote = (body, client = CLIENT) => post(url('/votes'), body, { 'X-Offen-Client': client });
      assert.equal((await post(url('/votes'), { id: 'b-1' })).status, 400);
      assert.equal((await vote({ id: 'b-1' }, 'kurz')).status, 400);
      let response = await vote({ id: 'b-1', extra: 1, __proto__x: 2 });
      assert.equal(response.status, 422);
      assert.deepEqual(Object.keys((await response.json()).errors), ['extra', '__proto__x']);
      assert.equal((await vote({ id: 'gibt-es-nicht' })).status, 404);
      response = await vote({ id: 'b-1' });
      assert.deepEqual([response.status, await response.json()], [200, { id: 'b-1', votes: 41, voted: true }]);
      response = await vote({ id: 'b-1' });
      assert.equal(response.status, 409);
      assert.equal((await response.json()).votes, 41);
      response = await vote({ id: 'b-1' }, 'other-client-0123456789');
      assert.deepEqual(await response.json(), { id: 'b-1', votes: 42, voted: true });
      response = await vote({ id: 'b-1', withdraw: true });
      assert.deepEqual(await response.json(), { id: 'b-1', votes: 41, voted: false });
      // Six votes reached the limiter from this address (the two without a valid token did not); seven are allowed.
      assert.equal((await vote({ id: 'b-6' })).status, 200);
      const limited = await vote({ id: 'b-4' });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal((await (await fetch(url('/ideas'))).json()).ideas.find((i) => i.id === 'b-4').votes, 5);
    });

    it('refuses votes and withdrawals on done and rejected ideas with a 422 "closed", the count unchanged', async () => {
      const { url } = await start();
      const vote = (body, lang = 'de') =>
        post(url('/votes'), body, { 'X-Offen-Client': CLIENT, 'Accept-Language': lang });
      const counts = async () =>
        Object.fromEntries((await (await fetch(url('/ideas'))).json()).ideas.map((i) => [i.id, i.votes]));
      for (const [id, status] of [
        ['b-2', 'done'],
        ['b-3', 'rejected'],
      ]) {
        for (const withdraw of [false, true]) {
          const response = await vote(withdraw ? { id, withdraw } : { id });
          assert.equal(response.status, 422, `${id} withdraw=${withdraw}`);
          const body = await response.json();
          assert.equal(body.error, 'closed');
          assert.equal(body.status, status);
          assert.match(body.message, /nicht mehr abgestimmt/);
        }
      }
      assert.match((await (await vote({ id: 'b-2' }, 'en')).json()).message, /Voting on this idea has ended/);
      // Every other status takes votes; taking back a vote never cast changes nothing.
      assert.deepEqual(await (await vote({ id: 'b-5', withdraw: true })).json(), {
        id: 'b-5',
        votes: 30,
        voted: false,
      });
      for (const id of ['b-1', 'b-4', 'b-5', 'b-6']) assert.equal((await vote({ id })).status, 200, id);
      assert.deepEqual(await counts(), { 'b-1': 41, 'b-2': 12, 'b-3': 25, 'b-4': 6, 'b-5': 31, 'b-6': 9 });
    });

    it('takes votes only for the configured voteStatuses', async () => {
      const { url } = await start({ api: { voteStatuses: ['submitted', 'done'] } });
      const vote = (id) => post(url('/votes'), { id }, { 'X-Offen-Client': CLIENT });
      assert.equal((await vote('b-2')).status, 200);
      assert.equal((await vote('b-5')).status, 200);
      assert.equal((await vote('b-1')).status, 422);
      assert.equal((await vote('b-4')).status, 422);
      await assert.rejects(start({ api: { voteStatuses: ['erledigt'] } }), /unknown vote status erledigt/);
    });

    it('sends CORS headers to allowed origins only and refuses writes from other origins by scheme, host and port', async () => {
      const { url, origin } = await start();
      const list = await fetch(url('/ideas'), { headers: { Origin: PAGE } });
      assert.equal(list.headers.get('access-control-allow-origin'), PAGE);
      assert.equal(list.headers.get('vary'), 'Origin');
      const preflight = await fetch(url('/votes'), {
        method: 'OPTIONS',
        headers: { Origin: PAGE, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers'), /X-Offen-Client/);
      const foreign = await fetch(url('/ideas'), { headers: { Origin: 'https://evil.example' } });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);

      const write = (originHeader) => post(url('/ideas'), valid, { Origin: originHeader });
      assert.equal((await write(PAGE)).status, 201);
      assert.equal((await write(`${PAGE}:443`)).status, 201);
      for (const other of [
        'http://www.bad-belzig.de',
        'https://www.bad-belzig.de:8443',
        'https://bad-belzig.de',
        'https://www.bad-belzig.de.evil.example',
        origin, // the Host header's own name: no longer a pass
        'null',
        'nonsense',
      ])
        assert.equal((await write(other)).status, 403, other);
      // Without Origin (not a browser) the write goes through: CSRF needs a browser, and browsers send Origin.
      assert.equal((await post(url('/ideas'), valid)).status, 201);
      const votes = await post(
        url('/votes'),
        { id: 'b-1' },
        { Origin: 'https://evil.example', 'X-Offen-Client': CLIENT },
      );
      assert.equal(votes.status, 403);
      assert.equal((await (await fetch(url('/ideas/pending'), { headers: MODERATOR })).json()).ideas.length, 3);
    });

    it('answers every malformed request with its 4xx and keeps running', async () => {
      const { url, origin } = await start();
      const ideas = url('/ideas');
      assert.equal((await post(ideas, { ...valid, description: 'x'.repeat(20_000) })).status, 413);
      // 10 MB: the client gets the 413, not a connection reset.
      const huge = await post(ideas, `{"title":"${'x'.repeat(10 * 1024 * 1024)}"}`);
      assert.equal(huge.status, 413);
      assert.equal((await huge.json()).error, 'too-large');
      // A body that grows past the limit without announcing its length (chunked).
      const chunked = await raw(
        origin,
        'POST /api/ideas HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
          `4000\r\n${'x'.repeat(0x4000)}\r\n4000\r\n${'x'.repeat(0x4000)}\r\n0\r\n\r\n`,
      );
      assert.equal(chunked.status, 413);

      const typed = (type, body = JSON.stringify(valid)) =>
        fetch(ideas, { method: 'POST', headers: { 'Content-Type': type }, body });
      assert.equal((await typed('text/plain')).status, 415);
      assert.equal((await typed('application/vnd.evil+json')).status, 415);
      assert.equal((await typed('application/jsonp')).status, 415);
      assert.equal((await typed('application/json; charset=iso-8859-1')).status, 415);
      assert.equal((await typed('application/json; charset=UTF-8')).status, 201);
      assert.equal((await typed('application/json;charset="utf-8"')).status, 201);
      // Latin-1 bytes sent as UTF-8 are not silently turned into replacement characters.
      const latin1 = Buffer.from(JSON.stringify({ ...valid, title: 'Bänke am Teich' }), 'latin1');
      assert.equal((await post(ideas, latin1)).status, 400);
      assert.equal((await post(ideas, '{"title": ')).status, 400);
      assert.equal((await post(ideas, '[1, 2]')).status, 400);
      assert.equal((await post(ideas, 'null')).status, 400);

      const put = await fetch(ideas, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(put.status, 405);
      assert.equal(put.headers.get('allow'), 'GET, HEAD, POST');
      assert.equal((await fetch(url('/votes'))).status, 405);
      assert.equal((await fetch(url('/nothing'))).status, 404);

      assert.equal((await get(origin, '/api/ideas/%E0%A4%A')).status, 400);
      assert.equal((await get(origin, '/api/ideas/%E0%A4%A/approve')).status, 401);
      assert.equal((await fetch(url('/ideas/%E0%A4%A/approve'), { method: 'POST', headers: MODERATOR })).status, 400);
      assert.equal((await get(origin, '//')).status, 400);
      assert.equal((await get(origin, 'http://[bad/')).status, 400);
      assert.equal((await get(origin, '/api/ideas?limit=%ZZ')).status, 400);
      assert.equal((await raw(origin, 'NONSENSE\r\n\r\n')).status, 400);
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => get(origin, i % 2 ? '//' : 'http://[bad/').then((r) => r.status)),
      );
      assert.deepEqual([...new Set(statuses)], [400]);
      // Still serving.
      assert.equal((await fetch(ideas)).status, 200);
    });
  });
}
