// Endpoints that misbehave on purpose, so tests see every DataError a real server can cause.
//   /faults/status/<code>        answers with that status
//   /faults/flaky/<key>          500 on the first request for <key>, then a small CSV
//   /faults/hang                 never answers (the client's timeout or abort ends it)
//   /faults/big?bytes=N          streams N bytes of CSV without Content-Length
//   /faults/slow?rows=N&parts=K&every=ms&length=1  a CSV of N rows sent in K parts, `every` ms apart (with
//                                Content-Length when `length=1`): a long load to watch the progress of
//   /faults/table?rows=N&labels=K  a CSV of N rows (`Bezirk;Datum;Betrag`, K districts, decimal commas, dates)
//                                with Content-Length, at once: a large body to parse
//   /faults/text?body=…&type=…   answers with the given body and Content-Type (and `link`: a Link header)
//   /faults/counted/<key>        a small CSV after ?delay ms; /faults/count/<key> says how often it was asked
//                                (and `aborted`: how many of those the client gave up before the answer)
//   /faults/once/<key>           a small CSV the first time, 500 every time after (a refresh that fails)
import { Readable } from 'node:stream';

const counters = new Map();
const bump = (key) => counters.set(key, (counters.get(key) ?? 0) + 1);

export async function middleware(ctx, next) {
  if (!ctx.path.startsWith('/faults/')) return next();
  ctx.set('Cache-Control', 'no-store');
  const [, , kind, key] = ctx.path.split('/');
  switch (kind) {
    case 'status':
      ctx.status = Number(key);
      ctx.body = `status ${key}`;
      return;
    case 'flaky':
      bump(`flaky:${key}`);
      if (counters.get(`flaky:${key}`) === 1) {
        ctx.status = 500;
        ctx.body = 'temporary failure';
        return;
      }
      ctx.type = 'text/csv';
      ctx.body = 'name;wert\nAlpha;1,5\nBeta;2,5\n';
      return;
    case 'hang':
      await new Promise((resolve) => ctx.req.on('close', resolve));
      return;
    case 'big': {
      const total = Number(ctx.query.bytes ?? 1_000_000);
      const line = 'a;b;c;d\n';
      let sent = 0;
      ctx.type = 'text/csv';
      ctx.body = Readable.from(
        (function* () {
          while (sent < total) {
            const chunk = line.repeat(8192);
            sent += chunk.length;
            yield chunk;
          }
        })(),
      );
      return;
    }
    case 'slow': {
      const rows = Math.min(Number(ctx.query.rows ?? 20_000), 2_000_000);
      const parts = Math.max(1, Math.min(Number(ctx.query.parts ?? 10), 1000));
      const every = Math.min(Number(ctx.query.every ?? 200), 5000);
      const text = 'name;wert\n' + Array.from({ length: rows }, (_, i) => `Eintrag ${i};${i % 97}`).join('\n') + '\n';
      const body = Buffer.from(text);
      const size = Math.ceil(body.length / parts);
      ctx.type = 'text/csv';
      if (ctx.query.length === '1') ctx.length = body.length;
      ctx.body = Readable.from(
        (async function* () {
          for (let offset = 0; offset < body.length; offset += size) {
            if (offset > 0) await new Promise((resolve) => setTimeout(resolve, every));
            yield body.subarray(offset, offset + size);
          }
        })(),
      );
      return;
    }
    case 'table': {
      const rows = Math.min(Number(ctx.query.rows ?? 100_000), 2_000_000);
      const labels = Math.max(1, Math.min(Number(ctx.query.labels ?? 12), rows));
      const lines = ['Bezirk;Datum;Betrag'];
      for (let i = 0; i < rows; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        const month = String(1 + (i % 12)).padStart(2, '0');
        lines.push(`Bezirk ${i % labels};${day}.${month}.2024;${(i % 1000) + 1},${String(i % 100).padStart(2, '0')}`);
      }
      const body = Buffer.from(lines.join('\n') + '\n');
      ctx.type = 'text/csv';
      ctx.length = body.length;
      ctx.body = body;
      return;
    }
    case 'deep': {
      // Two records; the first has one field nested `depth` arrays deep (a hostile or broken export).
      const depth = Math.min(Number(ctx.query.depth ?? 100_000), 1_000_000);
      ctx.type = 'application/json';
      ctx.body = `[{"name":"Alpha","wert":1,"tief":${'['.repeat(depth)}${']'.repeat(depth)}},{"name":"Beta","wert":2}]`;
      return;
    }
    case 'loop':
      // Redirects to itself for ever (a misconfigured portal).
      ctx.status = 302;
      ctx.set('Location', `/faults/loop?${ctx.querystring}`);
      return;
    case 'text':
      ctx.status = Number(ctx.query.status ?? 200);
      ctx.set('Content-Type', String(ctx.query.type ?? 'text/plain'));
      if (ctx.query.link) ctx.set('Link', String(ctx.query.link));
      ctx.body = String(ctx.query.body ?? '');
      return;
    case 'counted':
      bump(`counted:${key}`);
      ctx.res.on('close', () => {
        if (!ctx.res.writableFinished) bump(`aborted:${key}`);
      });
      await new Promise((resolve) => setTimeout(resolve, Number(ctx.query.delay ?? 50)));
      ctx.type = 'text/csv';
      ctx.body = 'name;wert\nAlpha;1\n';
      return;
    case 'once':
      bump(`once:${key}`);
      if (counters.get(`once:${key}`) > 1) {
        ctx.status = 500;
        ctx.body = 'gone';
        return;
      }
      ctx.type = 'text/csv';
      ctx.body = 'name;wert\nErst;1\n';
      return;
    case 'count':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        count: counters.get(`counted:${key}`) ?? 0,
        aborted: counters.get(`aborted:${key}`) ?? 0,
        flaky: counters.get(`flaky:${key}`) ?? 0,
      });
      return;
    default:
      return next();
  }
}
