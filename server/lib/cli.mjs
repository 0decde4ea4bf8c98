// `offen-ideas`: the server and the moderation commands. Every option is a flag or an environment variable.
import path from 'node:path';
import { createIdeasApi } from './api.mjs';
import { createIdeasServer, listen } from './server.mjs';
import { createStaticHandler } from './static.mjs';
import { openStore, redact } from './store.mjs';
import { STATUSES } from './validate.mjs';

/** name → [environment variable, default, help]. */
const OPTIONS = {
  db: ['OFFEN_IDEAS_DB', 'offen-ideas.sqlite', 'SQLite database file (created with its folder)'],
  'database-url': ['DATABASE_URL', '', 'postgres://user:password@host:5432/db — PostgreSQL instead of --db'],
  port: ['PORT', '8787', 'port to listen on'],
  host: ['HOST', '127.0.0.1', 'address to listen on (0.0.0.0: every interface)'],
  origins: [
    'OFFEN_ALLOWED_ORIGINS',
    '',
    'comma-separated origins of the pages that embed the board, e.g. https://www.bad-belzig.de (CORS and writes)',
  ],
  'moderator-token': [
    'OFFEN_MODERATOR_TOKEN',
    '',
    'bearer token for the HTTP moderation endpoints (prefer the variable: flags show in `ps`)',
  ],
  'votes-per-window': ['OFFEN_RATE_VOTES', '60', 'votes per IP address and per client token in a window'],
  'submits-per-window': ['OFFEN_RATE_SUBMITS', '10', 'submitted ideas per IP address in a window'],
  'rate-window': ['OFFEN_RATE_WINDOW', '600', 'length of the rate-limit window in seconds'],
  'trust-proxy': ['OFFEN_TRUST_PROXY', '', 'take the client address from X-Forwarded-For (only behind your proxy)'],
  'vote-statuses': [
    'OFFEN_VOTE_STATUSES',
    '',
    'comma-separated statuses whose ideas take votes (default: submitted,in-review,accepted,in-progress)',
  ],
  categories: ['OFFEN_CATEGORIES', '', 'comma-separated categories a submission may name (default: those stored)'],
  'base-path': ['OFFEN_BASE_PATH', '/api', 'path prefix of the API'],
  'min-fill-ms': ['OFFEN_MIN_FILL_MS', '3000', 'shortest time between starting the form and sending it'],
  public: ['OFFEN_PUBLIC_DIR', '', 'also serve this folder (the page with the widget) at /'],
  seed: ['OFFEN_SEED', '', 'JSON file of ideas for a database that has none yet (the shape of `export`)'],
  'sqlite-sync': ['OFFEN_SQLITE_SYNC', 'full', 'full (survives a power cut) or normal (survives a crash; faster)'],
  'pg-pool': ['OFFEN_PG_POOL', '10', 'PostgreSQL connections per server process'],
  'include-email': ['', '', 'export: include e-mail addresses (personal data: keep the file safe)'],
  json: ['', '', 'list: print JSON instead of text'],
};
const FLAGS = new Set(['trust-proxy', 'include-email', 'json', 'help']);

export const HELP = `offen-ideas — the reference server for <offen-ideas> (ideas, votes, moderation)

Usage:
  offen-ideas serve [options]               answer the ideas contract at http://HOST:PORT/api/…
  offen-ideas list [--json]                 ideas waiting for approval (with e-mail, for questions)
  offen-ideas approve <id> [<id>…]          publish
  offen-ideas reject <id> [<id>…]           keep unpublished for good
  offen-ideas status                        counts of ideas and votes, schema version
  offen-ideas status <id> <status>          set the status: ${STATUSES.join(' | ')}
  offen-ideas export [--include-email]      every idea as JSON on stdout (a seed file for --seed)
  offen-ideas --help

The moderation commands work on the same database as a running server (SQLite or PostgreSQL); no restart needed.

Options (flag, or the environment variable in brackets):
${Object.entries(OPTIONS)
  .map(([name, [env, fallback, help]]) => {
    const head = `  --${name}${FLAGS.has(name) ? '' : ' VALUE'}`;
    const tail = `${help}${env ? ` [${env}]` : ''}${fallback ? ` (default ${fallback})` : ''}`;
    return `${head.padEnd(28)} ${tail}`;
  })
  .join('\n')}

Example for one town, behind the town's web server (which proxies /api/ to it):
  OFFEN_MODERATOR_TOKEN=$(openssl rand -hex 24) \\
  offen-ideas serve --db /var/lib/offen/ideas.sqlite --origins https://www.bad-belzig.de --trust-proxy
`;

export class UsageError extends Error {}

/** Splits argv into the command, positional arguments and options (flags over environment over defaults). */
export function parseArgs(argv, env = process.env) {
  const given = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      given.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === 'help') {
      given.help = true;
      continue;
    }
    if (!(name in OPTIONS)) throw new UsageError(`Unknown option --${name} (see offen-ideas --help)`);
    if (FLAGS.has(name)) given[name] = inline === undefined ? true : !/^(0|false|no)$/i.test(inline);
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      given[name] = value;
    }
  }
  const options = {};
  for (const [name, [variable, fallback]] of Object.entries(OPTIONS)) {
    const fromEnv = variable ? env[variable] : undefined;
    options[name] = given[name] ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : fallback);
  }
  if (typeof options['trust-proxy'] === 'string')
    options['trust-proxy'] = /^(1|true|yes)$/i.test(options['trust-proxy']);
  const [command, ...args] = positional;
  return { command, args, options, help: given.help === true };
}

const list = (text) =>
  String(text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function number(options, name, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${options[name]}`);
  return value;
}

function storeOptions(options) {
  const sync = String(options['sqlite-sync']).toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new UsageError('--sqlite-sync must be full or normal');
  return {
    databaseUrl: options['database-url'] || undefined,
    dbFile: options.db,
    sqlite: { synchronous: sync },
    pg: { max: number(options, 'pg-pool', { min: 1, max: 200 }) },
  };
}

/** Starts the server; resolves with { server, origin, store, close }. */
export async function serve(options, log = console.error) {
  const port = number(options, 'port', { max: 65535 });
  const store = await openStore({ ...storeOptions(options), seedFile: options.seed || undefined });
  try {
    const api = await createIdeasApi({
      store,
      allowedOrigins: list(options.origins),
      moderatorToken: options['moderator-token'] || undefined,
      categories: options.categories ? list(options.categories) : undefined,
      voteStatuses: options['vote-statuses'] ? list(options['vote-statuses']) : undefined,
      basePath: options['base-path'],
      minFillMs: number(options, 'min-fill-ms'),
      trustProxy: options['trust-proxy'] === true,
      rateLimits: {
        votes: number(options, 'votes-per-window', { min: 1 }),
        submits: number(options, 'submits-per-window', { min: 1 }),
        windowMs: number(options, 'rate-window', { min: 1 }) * 1000,
      },
      log,
    });
    const files = options.public
      ? createStaticHandler({
          mounts: { '/': path.resolve(options.public) },
          extensions: ['.html', '.js', '.css', '.json', '.geojson', '.csv', '.ics', '.png', '.jpg', '.svg', '.ico'],
        })
      : undefined;
    const server = createIdeasServer({ api, files, log });
    const origin = await listen(server, port, options.host);
    const close = async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    };
    return { server, origin, store, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function line(idea) {
  const who = [idea.author, idea.email && `<${idea.email}>`].filter(Boolean).join(' ');
  return (
    `${idea.id}  ${idea.created.slice(0, 10)}  [${idea.category ?? '–'}] ${idea.title}${who ? `  — ${who}` : ''}\n` +
    `    ${idea.description.replace(/\s+/g, ' ').slice(0, 200)}`
  );
}

async function moderate(command, args, options, out) {
  const store = await openStore(storeOptions(options));
  try {
    switch (command) {
      case 'list': {
        const pending = await store.listPending();
        if (options.json) out(JSON.stringify({ ideas: pending }, null, 2));
        else out(pending.length ? pending.map(line).join('\n') : 'No ideas waiting for approval.');
        return 0;
      }
      case 'approve':
      case 'reject': {
        if (!args.length) throw new UsageError(`offen-ideas ${command} <id> [<id>…]`);
        let failed = 0;
        for (const id of args) {
          const idea = await store.moderate(id, command === 'approve' ? 'approved' : 'rejected');
          if (idea) out(`${command === 'approve' ? 'Approved' : 'Rejected'}: ${idea.id} ${idea.title}`);
          else {
            console.error(`No idea with id ${id}`);
            failed++;
          }
        }
        return failed ? 1 : 0;
      }
      case 'status': {
        if (!args.length) {
          const { schema, rows } = await store.summary();
          out(`Database: ${store.kind} ${redact(store.description)} (schema version ${schema})`);
          for (const state of ['pending', 'approved', 'rejected']) {
            const row = rows.find((r) => r.moderation === state);
            out(
              `  ${state.padEnd(9)} ${String(row?.ideas ?? 0).padStart(7)} ideas ${String(row?.votes ?? 0).padStart(9)} votes`,
            );
          }
          return 0;
        }
        const [id, status] = args;
        if (!STATUSES.includes(status)) throw new UsageError(`offen-ideas status <id> <${STATUSES.join('|')}>`);
        const idea = await store.setStatus(id, status);
        if (!idea) {
          console.error(`No idea with id ${id}`);
          return 1;
        }
        out(`${idea.id} is now ${idea.status}`);
        return 0;
      }
      case 'export': {
        const ideas = (await store.listAll()).map((idea) => {
          const { email: _email, ...rest } = idea;
          return options['include-email'] ? idea : rest;
        });
        out(JSON.stringify({ exported: new Date().toISOString(), ideas }, null, 2));
        return 0;
      }
      default:
        throw new UsageError(`Unknown command ${command} (see offen-ideas --help)`);
    }
  } finally {
    await store.close();
  }
}

/** Runs the command line; resolves with the exit code (serve resolves when the server stops). */
export async function main(argv, { env = process.env, out = (text) => console.log(text) } = {}) {
  try {
    const { command, args, options, help } = parseArgs(argv, env);
    if (help || !command || command === 'help') {
      out(HELP);
      return help || command === 'help' ? 0 : 1;
    }
    if (command === 'serve') {
      const running = await serve(options);
      const where = running.store.kind === 'sqlite' ? running.store.description : redact(options['database-url']);
      // Stopping is set up before the address is printed: whoever waits for that line may signal at once.
      const stopped = new Promise((resolve) => {
        const stop = () => running.close().then(resolve, resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      out(`offen-ideas: ${running.origin}${options['base-path']}/ideas (${running.store.kind} ${where})`);
      await stopped;
      return 0;
    }
    return await moderate(command, args, options, out);
  } catch (error) {
    console.error(`offen-ideas: ${error instanceof UsageError ? error.message : (error?.message ?? error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
