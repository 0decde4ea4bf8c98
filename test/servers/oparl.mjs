// An OParl server for the tests, built from the real Hürtgenwald responses in the corpus plus generated lists.
//   /oparl-test/huertgenwald/system                 System (test/fixtures/oparl-huertgenwald-system.json, ours)
//   /oparl-test/huertgenwald/body                   body list with that one Body
//   /oparl-test/huertgenwald/body/1                 Body (test/fixtures/oparl-huertgenwald-body.json, ours)
//   /oparl-test/kreis/system                        generated System whose body list has two bodies
//   /oparl-test/huertgenwald/body/1/meeting[?page=1] corpus meeting list, page 1 of 15
//   /oparl-test/huertgenwald/body/1/meeting?page=15  corpus meeting list, last page
//   /oparl-test/huertgenwald/body/1/organization     corpus organization list
//   /oparl-test/sorted/meeting?page=N                generated: 6 pages × 3 weekly meetings, ascending start
//   /oparl-test/sorted-desc/meeting?page=N           the same meetings, newest first
//   /oparl-test/looping/meeting?page=1|2             two unordered pages whose next links go 1 → 2 → 1
//   /oparl-test/stuck/meeting?page=N                 a server that ignores `page`: always page 1, next page N+1
// The files on disk stay untouched: their original https://sdnetrim.kdvz-frechen.de/… URLs are rewritten in the
// response so every link points back here. The corpus only has pages 1 and 15 of the meeting list, so page 1's
// `next` link is rewritten to page 15 (pages 2–14 answer 404).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from './files.mjs';

const ORIGINAL = 'https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/';
const PREFIX = '/oparl-test/';
const fixturesDir = path.resolve(process.cwd(), 'test/fixtures');

function rewritten(file, origin) {
  return readFileSync(file, 'utf8').replaceAll(ORIGINAL, `${origin}${PREFIX}huertgenwald/`);
}

function huertgenwald(ctx) {
  const rest = ctx.path.slice(`${PREFIX}huertgenwald/`.length);
  const page = String(ctx.query.page ?? '1');
  if (rest === 'system') return rewritten(path.join(fixturesDir, 'oparl-huertgenwald-system.json'), ctx.origin);
  if (rest === 'body/1') return rewritten(path.join(fixturesDir, 'oparl-huertgenwald-body.json'), ctx.origin);
  if (rest === 'body') {
    const body = rewritten(path.join(fixturesDir, 'oparl-huertgenwald-body.json'), ctx.origin);
    return `{"data":[${body}],"pagination":{"totalElements":1,"elementsPerPage":20,"currentPage":1,"totalPages":1},"links":{}}`;
  }
  if (rest === 'body/1/organization' && page === '1')
    return rewritten(path.join(corpusDir, 'oparl-huertgenwald-organization-list.json'), ctx.origin);
  if (rest === 'body/1/meeting' && page === '1') {
    return rewritten(path.join(corpusDir, 'oparl-huertgenwald-meeting-list-page1.json'), ctx.origin).replace(
      `"next":"${ctx.origin}${PREFIX}huertgenwald/body/1/meeting?page=2"`,
      `"next":"${ctx.origin}${PREFIX}huertgenwald/body/1/meeting?page=15"`,
    );
  }
  if (rest === 'body/1/meeting' && page === '15')
    return rewritten(path.join(corpusDir, 'oparl-huertgenwald-meeting-list-page15-last.json'), ctx.origin);
  return undefined;
}

const PAGE_SIZE = 3;
const PAGE_COUNT = 6;

/** Wednesdays 18:00 Berlin time from 7 January 2026, written with the offset a real server would use. */
function generatedMeeting(origin, n) {
  const day = new Date(Date.UTC(2026, 0, 7 + 7 * n));
  const date = day.toISOString().slice(0, 10);
  const summer = date >= '2026-03-29' && date < '2026-10-25';
  const offset = summer ? '+02:00' : '+01:00';
  return {
    id: `${origin}${PREFIX}sorted/meeting/${n + 1}`,
    type: 'https://schema.oparl.org/1.1/Meeting',
    name: `Sitzung ${n + 1}`,
    start: `${date}T18:00:00${offset}`,
    end: `${date}T20:00:00${offset}`,
  };
}

function generated(ctx, descending) {
  const page = Number(ctx.query.page ?? 1);
  if (!(page >= 1 && page <= PAGE_COUNT)) return undefined;
  const all = Array.from({ length: PAGE_SIZE * PAGE_COUNT }, (_, n) => generatedMeeting(ctx.origin, n));
  if (descending) all.reverse();
  const list = descending ? 'sorted-desc' : 'sorted';
  const links = { first: `${ctx.origin}${PREFIX}${list}/meeting?page=1` };
  if (page < PAGE_COUNT) links.next = `${ctx.origin}${PREFIX}${list}/meeting?page=${page + 1}`;
  return JSON.stringify({
    data: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    pagination: { totalElements: all.length, elementsPerPage: PAGE_SIZE, currentPage: page, totalPages: PAGE_COUNT },
    links,
  });
}

/** Unordered pages that page on for ever: `looping` links 2 back to 1, `stuck` answers page 1 to every page. */
function endless(ctx, stuck) {
  const page = stuck ? 1 : Number(ctx.query.page ?? 1);
  if (page !== 1 && page !== 2) return undefined;
  const list = stuck ? 'stuck' : 'looping';
  const meetings = (page === 1 ? [5, 0, 3] : [1, 4, 2]).map((n) => generatedMeeting(ctx.origin, n));
  const next = stuck ? Number(ctx.query.page ?? 1) + 1 : page === 1 ? 2 : 1;
  return JSON.stringify({ data: meetings, links: { next: `${ctx.origin}${PREFIX}${list}/meeting?page=${next}` } });
}

/** A district's system: two bodies, so the loader cannot pick one. */
function kreis(ctx) {
  const base = `${ctx.origin}${PREFIX}kreis`;
  if (ctx.path === `${PREFIX}kreis/system`)
    return JSON.stringify({ id: `${base}/system`, type: 'https://schema.oparl.org/1.1/System', body: `${base}/body` });
  if (ctx.path !== `${PREFIX}kreis/body`) return undefined;
  const body = (n, name) => ({
    id: `${base}/body/${n}`,
    type: 'https://schema.oparl.org/1.1/Body',
    name,
    meeting: `${base}/body/${n}/meeting`,
  });
  return JSON.stringify({ data: [body(1, 'Stadt Bad Belzig'), body(2, 'Gemeinde Wiesenburg/Mark')], links: {} });
}

export async function middleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  let body;
  if (ctx.path.startsWith(`${PREFIX}huertgenwald/`)) body = huertgenwald(ctx);
  else if (ctx.path.startsWith(`${PREFIX}kreis/`)) body = kreis(ctx);
  else if (ctx.path === `${PREFIX}sorted/meeting`) body = generated(ctx, false);
  else if (ctx.path === `${PREFIX}sorted-desc/meeting`) body = generated(ctx, true);
  else if (ctx.path === `${PREFIX}looping/meeting`) body = endless(ctx, false);
  else if (ctx.path === `${PREFIX}stuck/meeting`) body = endless(ctx, true);
  ctx.set('Cache-Control', 'no-store');
  if (body === undefined) {
    ctx.status = 404;
    ctx.body = 'not found';
    return;
  }
  ctx.status = 200;
  ctx.set('Content-Type', 'application/json');
  ctx.body = body;
}
