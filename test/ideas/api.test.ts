// The reference server (server/, `offen-ideas`) over HTTP from a page, as the widget meets it. The full contract,
// hostile requests and both stores are tested in test/server/ (node --test).
import { expect } from '@open-wc/testing';
import { MODERATOR, apiUrl, boardName, control, pendingIdeas, publishedIdeas } from './helpers.js';

const CLIENT = 'test-client-0123456789abcdef';

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const valid = {
  title: 'Neue Bänke am Teich',
  description: 'Zwei Bänke mit Blick auf den Teich im Kurpark.',
  consent: true,
  elapsed: 5000,
};

describe('ideas reference server', () => {
  it('answers the published ideas without e-mail addresses, revalidated by ETag', async () => {
    const board = boardName('api-list');
    const response = await fetch(apiUrl(board, '/ideas'));
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).to.equal('no-cache');
    const etag = response.headers.get('etag')!;
    expect(etag).to.match(/^"[\w-]{32}"$/);
    const again = await fetch(apiUrl(board, '/ideas'), { cache: 'no-store', headers: { 'If-None-Match': etag } });
    expect(again.status).to.equal(304);
    const { ideas } = (await response.json()) as { ideas: Record<string, unknown>[] };
    expect(ideas.map((i) => i.id)).to.deep.equal(['b-6', 'b-4', 'b-2', 'b-1', 'b-3', 'b-5']);
    expect(ideas[3]).to.deep.equal({
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
    });
  });

  it('refuses unknown fields, wrong types and out-of-bounds values with 422 and field errors', async () => {
    const board = boardName('api-validate');
    const url = apiUrl(board, '/ideas');
    let response = await post(url, { ...valid, admin: true, published: true }, { 'Accept-Language': 'de' });
    expect(response.status).to.equal(422);
    let body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).to.deep.equal(['admin', 'published']);
    expect(body.errors.admin).to.equal('Dieses Feld ist nicht vorgesehen.');

    response = await post(
      url,
      { title: 42, description: ['x'], consent: 'yes', lat: 'north', elapsed: -1 },
      { 'Accept-Language': 'de-DE,de;q=0.9' },
    );
    body = (await response.json()) as { errors: Record<string, string> };
    expect(response.status).to.equal(422);
    expect(body.errors).to.deep.equal({
      title: 'Erwartet wird ein Text.',
      description: 'Erwartet wird ein Text.',
      consent: 'Erwartet wird ja/nein.',
      lat: 'Erwartet wird eine Zahl.',
      elapsed: 'Erwartet wird eine Zahl.',
    });

    response = await post(
      url,
      { ...valid, title: 'x'.repeat(121), name: 'n'.repeat(81), email: 'nicht@', lat: 91, lon: 12 },
      { 'Accept-Language': 'en' },
    );
    body = (await response.json()) as { errors: Record<string, string> };
    expect(body.errors).to.deep.equal({
      title: 'Please enter at most 120 characters.',
      name: 'Please enter at most 80 characters.',
      email: 'Please enter a valid e-mail address.',
      lat: 'The value is out of range.',
    });
    expect(await pendingIdeas(board)).to.deep.equal([]);
  });

  it('refuses bodies that are too large, not JSON or not an object', async () => {
    const url = apiUrl(boardName('api-body'), '/ideas');
    const big = await post(url, { ...valid, description: 'x'.repeat(20_000) });
    expect(big.status).to.equal(413);
    const text = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'title=x' });
    expect(text.status).to.equal(415);
    expect((await post(url, '{"title": ')).status).to.equal(400);
    expect((await post(url, '[1, 2]')).status).to.equal(400);
  });

  it('cleans control characters and keeps line breaks', async () => {
    const board = boardName('api-clean');
    const response = await post(apiUrl(board, '/ideas'), {
      ...valid,
      title: '  Bänke\u0000 am\u202e Teich  ',
      description: 'Erste Zeile\r\nZweite Zeile\u0007',
    });
    expect(response.status).to.equal(201);
    const { idea } = (await response.json()) as { idea: Record<string, unknown> };
    expect(idea.title).to.equal('Bänke am Teich');
    expect(idea.description).to.equal('Erste Zeile\nZweite Zeile');
    expect(idea.published).to.equal(false);
    expect(response.headers.get('location')).to.equal(`/ideas-api/${board}/ideas/${idea.id as string}`);
  });

  it('publishes only what a moderator with the token approves', async () => {
    const board = boardName('api-moderate');
    const created = await post(apiUrl(board, '/ideas'), { ...valid, email: 'erika@example.org', name: 'Erika' });
    const { idea } = (await created.json()) as { idea: { id: string } };
    expect((await fetch(apiUrl(board, '/ideas/pending'))).status).to.equal(401);
    const wrong = await fetch(apiUrl(board, `/ideas/${idea.id}/approve`), {
      method: 'POST',
      headers: { Authorization: 'Bearer falsch' },
    });
    expect(wrong.status).to.equal(401);
    expect((await pendingIdeas(board))[0]).to.include({ id: idea.id, email: 'erika@example.org' });
    expect((await fetch(apiUrl(board, `/ideas/${idea.id}`))).status).to.equal(404);

    const approved = await fetch(apiUrl(board, `/ideas/${idea.id}/approve`), { method: 'POST', headers: MODERATOR });
    expect(approved.status).to.equal(200);
    const published = (await publishedIdeas(board)).find((i) => i.id === idea.id)!;
    expect(published).to.include({ title: 'Neue Bänke am Teich', author: 'Erika', published: true });
    expect(published).not.to.have.property('email');

    const rejected = await fetch(apiUrl(board, `/ideas/${idea.id}/reject`), { method: 'POST', headers: MODERATOR });
    expect(rejected.status).to.equal(200);
    expect((await publishedIdeas(board)).map((i) => i.id)).not.to.include(idea.id);
    expect((await fetch(apiUrl(board, '/ideas/nope/approve'), { method: 'POST', headers: MODERATOR })).status).to.equal(
      404,
    );
  });

  it('counts one vote per idea and client token, and limits the rate', async () => {
    const board = boardName('api-votes');
    const url = apiUrl(board, '/votes');
    const vote = (body: unknown, client = CLIENT) => post(url, body, { 'X-Offen-Client': client });
    expect((await post(url, { id: 'b-1' })).status).to.equal(400);
    expect((await vote({ id: 'b-1' }, 'kurz')).status).to.equal(400);
    let response = await vote({ id: 'b-1', extra: 1 });
    expect(response.status).to.equal(422);
    expect(((await response.json()) as { errors: object }).errors).to.have.keys(['extra']);
    expect((await vote({ id: 'gibt-es-nicht' })).status).to.equal(404);

    response = await vote({ id: 'b-1' });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ id: 'b-1', votes: 41, voted: true });
    response = await vote({ id: 'b-1' });
    expect(response.status).to.equal(409);
    expect(await response.json()).to.include({ error: 'already-voted', votes: 41 });
    response = await vote({ id: 'b-1' }, 'other-client-0123456789');
    expect(await response.json()).to.deep.equal({ id: 'b-1', votes: 42, voted: true });
    response = await vote({ id: 'b-1', withdraw: true });
    expect(await response.json()).to.deep.equal({ id: 'b-1', votes: 41, voted: false });

    // The test server allows 20 vote requests per IP and per client in its window. Six have reached the limiter
    // from this IP (the two without a valid token were refused before it).
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await vote({ id: 'b-6', withdraw: i % 2 === 1 })).status);
    expect(statuses.slice(0, 14).every((s) => s === 200)).to.equal(true);
    expect(statuses.slice(14)).to.deep.equal([429, 429]);
    const limited = await vote({ id: 'b-6' });
    expect(Number(limited.headers.get('retry-after'))).to.be.greaterThan(0);
  });

  it('sends CORS headers only to configured origins', async () => {
    // The page's own origin under another host name is a different origin for the browser.
    const page = new URL(location.href);
    const otherHost = page.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const foreign = (board: string, rest: string) => {
      const url = new URL(apiUrl(board, rest));
      url.hostname = otherHost;
      return url.href;
    };

    const allowed = boardName('api-cors-ok');
    await control(allowed, { seed: 'ideas-board.json', allowedOrigins: [location.origin] });
    const list = await fetch(foreign(allowed, '/ideas'));
    expect(list.status).to.equal(200);
    expect(((await list.json()) as { ideas: unknown[] }).ideas).to.have.length(6);
    const voted = await fetch(foreign(allowed, '/votes'), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'X-Offen-Client': CLIENT },
      body: JSON.stringify({ id: 'b-1' }),
    });
    expect(voted.status).to.equal(200);

    const closed = boardName('api-cors-closed');
    await control(closed, { seed: 'ideas-board.json', allowedOrigins: ['https://www.bad-belzig.de'] });
    let error: unknown;
    try {
      await fetch(foreign(closed, '/ideas'));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    let voteError: unknown;
    try {
      await fetch(foreign(closed, '/votes'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Offen-Client': CLIENT },
        body: JSON.stringify({ id: 'b-1' }),
      });
    } catch (e) {
      voteError = e;
    }
    expect(voteError).to.be.instanceOf(TypeError);
    expect((await publishedIdeas(closed)).find((i) => i.id === 'b-1')!.votes).to.equal(40);
  });
});
