// Routes of bench/run.mjs for bench/pages/hostile.bench.ts: a source that never finishes loading, and what the server
// saw of it. The page's other hostile sources are generated in the page itself (Blob URLs), so only a slow source
// and its request counts need a server. The page asks for the slow source under host names of their own
// (`w1.localhost`, … which Chromium sends to the loopback): a browser opens at most six connections to one host, so
// 30 widgets on one host would leave 24 requests queued in the browser and the page's own requests behind them.
//   GET /hostile/slow?…      a CSV that streams one line every 100 ms for a minute (each request counted)
//   GET /hostile/stats       { started, closedEarly, open }: requests so far, given up by the client, still open
//   GET /hostile/reset       sets the counts to zero

const stats = { started: 0, closedEarly: 0, open: 0 };

/** Answers a /hostile/ request and returns true, or returns false for any other path. */
export function hostileRoute(req, res, url) {
  if (!url.pathname.startsWith('/hostile/')) return false;
  const json = (body) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/hostile/stats') return (json(stats), true);
  if (url.pathname === '/hostile/reset')
    return (Object.assign(stats, { started: 0, closedEarly: 0, open: 0 }), json(stats), true);
  if (url.pathname !== '/hostile/slow') {
    res.writeHead(404).end();
    return true;
  }
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return true;
  }
  stats.started++;
  stats.open++;
  res.writeHead(200, { ...cors, 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store' });
  res.write('titel;beginn;lat;lon;wert\n');
  let line = 0;
  let finished = false;
  const timer = setInterval(() => {
    if (++line > 600) {
      finished = true;
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(`Zeile ${line};24.12.2026 18:00;52.14;12.59;${line}\n`);
  }, 100);
  res.on('close', () => {
    clearInterval(timer);
    stats.open--;
    if (!finished) stats.closedEarly++;
  });
  return true;
}
