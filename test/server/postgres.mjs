// A private, throwaway PostgreSQL cluster for the tests and the bench: initdb into a temporary folder, a server on
// 127.0.0.1 and a free port, its socket in that folder; stopped and removed afterwards. Needs Debian's postgresql
// package (initdb, pg_ctl); as root the cluster runs as the `postgres` user (initdb refuses root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The folder with initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
function findBin() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, 'bin/initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? path.dirname(found) : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Why the PostgreSQL tests cannot run here, or '' when they can. */
export function postgresMissing() {
  if (process.env.OFFEN_TEST_POSTGRES === 'skip') return 'OFFEN_TEST_POSTGRES=skip is set';
  if (!findBin()) return 'PostgreSQL is not installed (no initdb; on Debian: apt-get install -y postgresql)';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root without a `postgres` user to run the test cluster';
  return '';
}

/**
 * Starts a cluster; resolves with { url(database), createDatabase(), stop() }.
 * @param {{ fsync?: boolean }} [options]  fsync off (the default) is for tests only; the bench keeps it on.
 */
export async function startPostgres({ fsync = false } = {}) {
  const bin = findBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offen-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool, args) => {
    const [command, full] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(command, full, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'offen', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = `-k ${dir} -h 127.0.0.1 -p ${port} -c fsync=${fsync ? 'on' : 'off'} -c max_connections=300`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on('exit', stop);
  const url = (database = 'postgres') => `postgres://offen@127.0.0.1:${port}/${database}`;
  let n = 0;
  return {
    url,
    port,
    /** A new empty database; resolves with its URL. */
    async createDatabase(prefix = 'ideas') {
      const name = `${prefix}_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
  };
}
