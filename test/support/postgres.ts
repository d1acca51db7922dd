import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { requireBinary } from './system-binary.js';

/**
 * A throwaway PostgreSQL server for tests: initdb in a temp dir, on a free loopback port, its
 * unix socket in the same dir, no fsync; removed on close. Debian's server binaries live in
 * /usr/lib/postgresql/<version>/bin and refuse to run as root: as root, they run as `postgres`.
 * `.ci/run` installs Debian's postgresql when it is missing.
 */
export interface TestPostgres {
  /** A URL on the `postgres` database (admin). */
  url: string;
  /** A new empty database on the server; resolves to its URL. */
  createDatabase(): Promise<string>;
  close(): Promise<void>;
}

/** Debian's server binary folders, newest version first. */
function debianBinDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}

/** initdb and postgres, or the skip reason (failing instead under CI, like every system binary). */
export const postgresBinary = requireBinary('initdb', 'apt-get install postgresql', debianBinDirs());

const START_TIMEOUT_MS = 30_000;

export async function startPostgres(): Promise<TestPostgres> {
  const initdb = postgresBinary.path;
  if (!initdb) throw new Error('initdb is not installed (apt-get install postgresql)');
  const binDir = path.dirname(initdb);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flip-pg-'));
  const asRoot = process.getuid?.() === 0;
  const asOwner = (cmd: string, args: string[]) =>
    asRoot ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const data = path.join(dir, 'data');
  const init = asOwner(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const done = spawnSync(init.cmd, init.args, { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`initdb failed: ${done.stderr || done.stdout}`);

  const port = await freePort();
  const server = asOwner(path.join(binDir, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ]);
  const child = spawn(server.cmd, server.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`postgres not ready: ${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4_096);
      if (/ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited with ${code}: ${output}`));
    });
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `audit_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async close() {
      // SIGINT to the server itself (runuser does not pass it on): fast shutdown, sessions of
      // services not yet closed are ended.
      if (child.exitCode === null && child.signalCode === null) {
        try {
          const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
          process.kill(pid, 'SIGINT');
        } catch {
          child.kill('SIGINT');
        }
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
