// `npm run bench:server`: load and faults for the idea server (offen-ideas), on loopback only, bounded in time.
//   1. writes/s and latency (p50/p99) of submissions at 10, 50 and 200 concurrent clients on 100,000 ideas,
//      and the time of a page of 50 ideas (first page and deep in the list);
//   2. kill -9 of the server under load at random moments (5 times): acknowledged submissions vs found afterwards;
//   3. two server processes and the moderation command on one database under load: nothing lost;
//   4. open-loop latency at fixed rates (1,000 and 2,000 writes/s from 200 clients), next to a control: a bare
//      node:http server under the same generator, so the machine's and the generator's own tail can be told apart;
// against a SQLite file and, where installed, a private PostgreSQL cluster (fsync on). Writes bench/.out/server.json.
//   node bench/server.mjs [--seconds 4] [--ideas 100000] [--kills 5] [--only control|sqlite|postgresql]
import { spawn } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openStore } from '../server/lib/index.mjs';
import { postgresMissing, startPostgres } from '../test/server/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'server/bin/offen-ideas.mjs');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const SECONDS = Number(option('seconds', 4));
const IDEAS = Number(option('ideas', 100_000));
const KILLS = Number(option('kills', 5));
const ONLY = option('only', '');
const CLIENT_STEPS = [10, 50, 200];
// Fixed rates for the open-loop step at 200 clients: the goal's 1,000 writes/s, and twice that.
const PACED_RATES = [1000, 2000];
const PACED_CLIENTS = 200;
// The whole bench stops after this, whatever is left (it is meant to be run, not waited for).
const DEADLINE = Date.now() + 12 * 60_000;

const dir = mkdtempSync(path.join(os.tmpdir(), 'offen-bench-server-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const valid = (i) => ({
  title: `Idee aus dem Lasttest Nummer ${i}`,
  description: 'Eine Beschreibung mit genug Zeichen, damit sie angenommen wird.',
  consent: true,
  elapsed: 5000,
});

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');

/** One HTTP request over a keep-alive agent: { status, body }, or { status: 0 } when the connection failed. */
function request(agent, origin, method, target, body, headers = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(`${origin}${target}`, {
      method,
      agent,
      headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length, ...headers } : headers,
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
    req.end(payload);
  });
}

/** Starts `offen-ideas serve`; resolves once it listens. */
function serve(where, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...where.args, '--min-fill-ms', '0'], {
      env: { ...process.env, ...where.env, OFFEN_RATE_VOTES: '100000000', OFFEN_RATE_SUBMITS: '100000000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise((done) => child.once('close', done));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ origin: match[1], child, exited });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('close', (code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
}

/** CPU time (user + system) a process has used so far, in ms: load-independent cost per write. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function stop(server, signal = 'SIGTERM') {
  server.child.kill(signal);
  await server.exited;
}

function cli(where, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...commandArgs, ...where.args], {
      env: { ...process.env, ...where.env },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/**
 * `clients` loops sending submissions to the servers (round robin) until `until()` is false.
 * Resolves with the acknowledged ids, the latencies of the answered requests and the failures by status.
 */
async function load(origins, clients, until, first = 0) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const acknowledged = [];
  const latencies = [];
  const failures = {};
  let next = first;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (until()) {
        const i = next++;
        const started = performance.now();
        const answer = await request(agent, origins[client % origins.length], 'POST', '/api/ideas', valid(i));
        if (answer.status === 201) {
          latencies.push(performance.now() - started);
          acknowledged.push(JSON.parse(answer.body).idea.id);
        } else {
          failures[answer.status] = (failures[answer.status] ?? 0) + 1;
          // A dead server answers at once: no busy loop while it is down.
          if (answer.status === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    }),
  );
  agent.destroy();
  return { acknowledged, latencies: latencies.sort((a, b) => a - b), failures };
}

/**
 * An open-loop load: `clients` connections sending `rate` submissions a second together, each on a fixed schedule
 * of its own (staggered), as many browsers do — the way wrk2 measures. A request's latency counts from the moment it
 * was due, not when it could be sent, so a server that falls behind shows its backlog in the figures (no coordinated
 * omission). A client whose previous request is still open sends the next one as soon as it is answered.
 */
async function paced(origins, clients, rate, seconds, first = 0) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const interval = (1000 * clients) / rate;
  const latencies = [];
  const failures = {};
  let next = first;
  const start = performance.now() + 50;
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let due = start + (interval * client) / clients; due < end; due += interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // A timer may fire a fraction of a millisecond early: count from the later of due and sent.
        const from = Math.min(due, performance.now());
        const answer = await request(agent, origins[client % origins.length], 'POST', '/api/ideas', valid(next++));
        if (answer.status === 201) latencies.push(performance.now() - from);
        else failures[answer.status] = (failures[answer.status] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), failures, seconds: (performance.now() - start) / 1000 };
}

/**
 * The control: a bare node:http server on this machine that answers every submission with a fixed 201 and touches
 * no database. Its latencies under the same generator are what the machine and the generator cost by themselves.
 */
function serveControl() {
  const code = `const http = require('node:http');
const body = JSON.stringify({ idea: { id: 'control', title: 'Idee', status: 'submitted', votes: 0 } });
http.createServer((req, res) => { req.resume(); req.on('end', () => { res.statusCode = 201;
  res.setHeader('Content-Type', 'application/json; charset=utf-8'); res.end(body); }); })
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.once('close', done));
    child.stdout.once('data', (chunk) => resolve({ origin: String(chunk).trim(), child, exited }));
    child.once('error', reject);
  });
}

async function seed(where) {
  const ideas = Array.from({ length: IDEAS }, (_, i) => ({
    id: `seed-${String(i).padStart(6, '0')}`,
    title: `Gesammelte Idee ${i}`,
    description: `Beschreibung der gesammelten Idee ${i}, lang genug für die Liste.`,
    category: ['Verkehr', 'Umwelt', 'Kultur', 'Soziales'][i % 4],
    status: 'submitted',
    votes: i % 50,
    comments: i % 7,
    author: i % 3 ? `Person ${i % 100}` : null,
    created: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
    published: i % 10 !== 0,
  }));
  const started = performance.now();
  const store = await openStore({ dbFile: where.dbFile, databaseUrl: where.env.DATABASE_URL });
  await store.seedIfEmpty(ideas);
  await store.close();
  return performance.now() - started;
}

/** Ids present in the database, read afresh (as a restarted server would find them). */
async function storedIds(where) {
  const store = await openStore({ dbFile: where.dbFile, databaseUrl: where.env.DATABASE_URL });
  try {
    return new Set((await store.listAll()).map((idea) => idea.id));
  } finally {
    await store.close();
  }
}

async function throughput(where, report) {
  const server = await serve(where);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // Pages of 50: the first and one 20,000 ideas deep (cursor), sequentially.
  const page = async (target) => {
    const times = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const answer = await request(agent, server.origin, 'GET', target);
      if (answer.status !== 200) throw new Error(`GET ${target}: ${answer.status}`);
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  };
  let target = '/api/ideas?limit=50';
  const first = await page(target);
  // Follow next links 400 pages (20,000 ideas) deep, or to the last page of a smaller database.
  for (let i = 0; i < 400; i++) {
    const next = JSON.parse((await request(agent, server.origin, 'GET', target)).body).next;
    if (!next) break;
    target = next;
  }
  const deep = await page(target);
  report.page50 = {
    first: { p50: percentile(first, 50), p99: percentile(first, 99) },
    deep: { p50: percentile(deep, 50), p99: percentile(deep, 99) },
  };
  console.log(
    `  page of 50 ideas: first p50 ${ms(report.page50.first.p50)}, p99 ${ms(report.page50.first.p99)}; 20,000 deep p50 ${ms(report.page50.deep.p50)}, p99 ${ms(report.page50.deep.p99)}`,
  );
  agent.destroy();

  report.load = [];
  for (const clients of CLIENT_STEPS) {
    if (Date.now() > DEADLINE) break;
    const end = Date.now() + SECONDS * 1000;
    const started = performance.now();
    const cpuBefore = cpuMs(server.child.pid);
    const result = await load([server.origin], clients, () => Date.now() < end, clients * 1_000_000);
    const seconds = (performance.now() - started) / 1000;
    const cpuPerWrite = (cpuMs(server.child.pid) - cpuBefore) / result.acknowledged.length;
    const row = {
      clients,
      writesPerSecond: Math.round(result.acknowledged.length / seconds),
      serverCpuMsPerWrite: Number(cpuPerWrite.toFixed(2)),
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      failures: result.failures,
    };
    report.load.push(row);
    console.log(
      `  ${String(clients).padStart(3)} clients: ${String(row.writesPerSecond).padStart(5)} writes/s, p50 ${ms(row.p50)}, p99 ${ms(row.p99)}, server CPU ${row.serverCpuMsPerWrite} ms per write${Object.keys(row.failures).length ? `, failed ${JSON.stringify(row.failures)}` : ''}`,
    );
  }
  report.paced = await pacedSteps([server.origin], server.child.pid);
  await stop(server);
}

/** The open-loop steps (PACED_RATES at PACED_CLIENTS), printed and returned. */
async function pacedSteps(origins, pid) {
  const rows = [];
  for (const rate of PACED_RATES) {
    if (Date.now() > DEADLINE) break;
    const cpuBefore = cpuMs(pid);
    const result = await paced(origins, PACED_CLIENTS, rate, SECONDS, rate * 1_000_000);
    const row = {
      clients: PACED_CLIENTS,
      rate,
      writesPerSecond: Math.round(result.latencies.length / result.seconds),
      serverCpuShare: Number(((cpuMs(pid) - cpuBefore) / (result.seconds * 1000)).toFixed(2)),
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      p999: percentile(result.latencies, 99.9),
      failures: result.failures,
    };
    rows.push(row);
    console.log(
      `  ${PACED_CLIENTS} clients at ${rate} writes/s (open loop): ${row.writesPerSecond} answered/s, p50 ${ms(row.p50)}, p99 ${ms(row.p99)}, p99.9 ${ms(row.p999)}, server busy ${Math.round(row.serverCpuShare * 100)} % of a core${Object.keys(row.failures).length ? `, failed ${JSON.stringify(row.failures)}` : ''}`,
    );
  }
  return rows;
}

/** The same closed-loop 200 clients and open-loop rates against the bare control server (see serveControl). */
async function benchControl() {
  console.log('\nControl: bare node:http server answering 201, no database (what machine and generator cost)');
  const server = await serveControl();
  const end = Date.now() + SECONDS * 1000;
  const started = performance.now();
  const result = await load([server.origin], 200, () => Date.now() < end, 0);
  const seconds = (performance.now() - started) / 1000;
  const closed = {
    clients: 200,
    answersPerSecond: Math.round(result.latencies.length / seconds),
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
  };
  console.log(
    `  200 clients (closed loop): ${closed.answersPerSecond} answers/s, p50 ${ms(closed.p50)}, p99 ${ms(closed.p99)}`,
  );
  const pacedRows = await pacedSteps([server.origin], server.child.pid);
  server.child.kill();
  await server.exited;
  return { store: 'control', load: [closed], paced: pacedRows };
}

async function kills(where, report) {
  report.kills = [];
  for (let round = 0; round < KILLS && Date.now() < DEADLINE; round++) {
    const server = await serve(where);
    let running = true;
    const pending = load([server.origin], 50, () => running, (round + 10) * 1_000_000);
    // A random moment 0.3–1.8 s into the load.
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1500));
    server.child.kill('SIGKILL');
    await server.exited;
    running = false;
    const { acknowledged } = await pending;
    const stored = await storedIds(where);
    const lost = acknowledged.filter((id) => !stored.has(id)).length;
    report.kills.push({ acknowledged: acknowledged.length, lost });
    console.log(
      `  kill -9 #${round + 1}: ${acknowledged.length} acknowledged, ${acknowledged.length - lost} found, ${lost} lost`,
    );
  }
  if (where.dbFile) {
    const leftovers = readdirSync(path.dirname(where.dbFile)).filter((f) => f.endsWith('.tmp'));
    report.tmpFilesLeft = leftovers.length;
    const check = await openStore({ dbFile: where.dbFile });
    await check.close();
    console.log(`  afterwards: the file opens, ${leftovers.length} *.tmp files left`);
  }
}

async function sharedDatabase(where, report) {
  const servers = [await serve(where), await serve(where)];
  let running = true;
  const approved = new Set();
  let rounds = 0;
  const moderation = (async () => {
    while (running) {
      const { stdout } = await cli(where, ['list', '--json']);
      const ids = JSON.parse(stdout)
        .ideas.map((idea) => idea.id)
        .slice(0, 500);
      if (!ids.length) continue;
      const result = await cli(where, ['approve', ...ids]);
      for (const match of result.stdout.matchAll(/^Approved: (\S+)/gm)) approved.add(match[1]);
      rounds++;
    }
  })();
  const end = Date.now() + SECONDS * 2000;
  const started = performance.now();
  const result = await load(
    servers.map((s) => s.origin),
    50,
    () => Date.now() < end,
    50_000_000,
  );
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await moderation;
  for (const server of servers) await stop(server);
  const store = await openStore({ dbFile: where.dbFile, databaseUrl: where.env.DATABASE_URL });
  const all = new Map((await store.listAll()).map((idea) => [idea.id, idea]));
  await store.close();
  const lostWrites = result.acknowledged.filter((id) => !all.has(id)).length;
  const lostApprovals = [...approved].filter((id) => all.get(id)?.moderation !== 'approved').length;
  report.shared = {
    writesPerSecond: Math.round(result.acknowledged.length / seconds),
    acknowledged: result.acknowledged.length,
    lostWrites,
    approvals: approved.size,
    moderationRounds: rounds,
    lostApprovals,
    failures: result.failures,
  };
  console.log(
    `  2 servers + moderation: ${result.acknowledged.length} acknowledged (${report.shared.writesPerSecond}/s), ${lostWrites} lost; ${approved.size} approvals in ${rounds} runs of the command, ${lostApprovals} lost${Object.keys(result.failures).length ? `; failed ${JSON.stringify(result.failures)}` : ''}`,
  );
}

async function benchStore(label, where) {
  console.log(`\n${label}`);
  const report = { store: label };
  report.seedMs = Math.round(await seed(where));
  console.log(`  seeded ${IDEAS.toLocaleString('en')} ideas in ${(report.seedMs / 1000).toFixed(1)} s`);
  await throughput(where, report);
  await kills(where, report);
  if (Date.now() < DEADLINE) await sharedDatabase(where, report);
  return report;
}

/**
 * The median time of one 4 KB write and fsync in the bench's folder: what one synchronous commit costs on this disk.
 * It varies between machines and, on shared virtual disks, between hours; the write figures follow it.
 */
function fsyncMs() {
  const file = path.join(dir, 'fsync-probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const times = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    writeSync(fd, block, 0, block.length, 0);
    fsyncSync(fd);
    times.push(performance.now() - started);
  }
  closeSync(fd);
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

const reports = [];
const diskSyncMs = fsyncMs();
console.log(
  `offen-ideas bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg()[0].toFixed(1)} at start, Node ${process.version}, ${SECONDS} s per load step, fsync of 4 KB ${ms(diskSyncMs)} (median)`,
);
if (!ONLY || ONLY === 'control') reports.push(await benchControl());
if (!ONLY || ONLY === 'sqlite') {
  const dbDir = path.join(dir, 'sqlite');
  mkdirSync(dbDir);
  const dbFile = path.join(dbDir, 'ideas.sqlite');
  reports.push(
    await benchStore('SQLite (better-sqlite3, WAL, synchronous=FULL)', { dbFile, args: ['--db', dbFile], env: {} }),
  );
}
if (!ONLY || ONLY === 'postgresql') {
  const missing = postgresMissing();
  if (missing) console.log(`\nPostgreSQL: skipped (${missing})`);
  else {
    const cluster = await startPostgres({ fsync: true });
    try {
      const databaseUrl = await cluster.createDatabase('bench');
      reports.push(
        await benchStore('PostgreSQL (private cluster on 127.0.0.1, fsync on)', {
          args: [],
          env: { DATABASE_URL: databaseUrl },
        }),
      );
    } finally {
      cluster.stop();
    }
  }
}

const outDir = path.join(root, 'bench/.out');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'server.json'),
  JSON.stringify(
    { date: new Date().toISOString(), loadAverage: os.loadavg(), diskSyncMs, seconds: SECONDS, ideas: IDEAS, reports },
    null,
    2,
  ),
);
const lost = reports.flatMap((r) => [
  ...(r.kills ?? []).map((k) => k.lost),
  r.shared?.lostWrites ?? 0,
  r.shared?.lostApprovals ?? 0,
]);
console.log(`\nacknowledged writes lost in all scenarios: ${lost.reduce((a, b) => a + b, 0)} (bench/.out/server.json)`);
process.exit(lost.some((n) => n > 0) ? 1 : 0);
