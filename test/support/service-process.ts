import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';
import { onTestFinished } from 'vitest';
import { freePort } from './free-port.js';

/**
 * The service as its own OS process (src/main.ts), for what needs real processes: WORKERS > 1
 * (node:cluster forks main.js again) and signals. src/ is compiled once per test file with SWC
 * (as vitest compiles it: decorator metadata included) into a temporary folder beside symlinks
 * to the repository's schema/, package.json and node_modules, so main.js finds what dist/ would.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let built: Promise<string> | undefined;
let buildDir: string | undefined;

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    ),
  );
  return nested.flat();
}

/** Compiles src/ (once per test file); resolves to the compiled main.js. */
export function buildService(): Promise<string> {
  built ??= (async () => {
    const base = await mkdtemp(join(tmpdir(), 'flip-graphql-build-'));
    for (const name of ['schema', 'package.json', 'node_modules'])
      await symlink(join(ROOT, name), join(base, name));
    const out = join(base, 'dist');
    const src = join(ROOT, 'src');
    await Promise.all(
      (await tsFiles(src)).map(async (file) => {
        const { code } = await transformFile(file, {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'es6' },
          sourceMaps: false,
        });
        const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, code);
      }),
    );
    buildDir = base;
    return join(out, 'main.js');
  })();
  return built;
}

/** Deletes the compiled copy (the test file's afterAll, once its services have exited). */
export function removeBuild(): void {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  buildDir = undefined;
  built = undefined;
}

export interface ServiceProcess {
  url: string;
  graphqlUrl: string;
  child: ChildProcess;
  /** Every JSON log line written so far, parsed (other output is skipped). */
  logs(): Record<string, unknown>[];
  /** Resolves with the first log line (already written or to come) that matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (idempotent), then waits for the exit. */
  close(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL (idempotent), then waits for the exit. */
  kill(): Promise<unknown>;
}

/**
 * Spawns the service on a free port with `env` (NODE_ENV=test, LOG_LEVEL=info, PGlite in memory
 * unless given); resolves once /healthz answers. Killed (SIGKILL) when the test finishes unless
 * `autoKill` is false (started in a beforeAll: the caller closes it).
 */
export async function startServiceProcess(
  env: Record<string, string>,
  options: {
    autoKill?: boolean;
    /** A port of the caller's choosing (default: a free one). */
    port?: number;
    /** false: resolve once spawned (for a service expected to fail to start). */
    waitForHealth?: boolean;
  } = {},
): Promise<ServiceProcess> {
  const main = await buildService();
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      // A throwaway PGlite: the default directory is shared by every service on the machine.
      AUDIT_DATA_DIR: 'memory://',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  let partial = '';
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    output = (output + chunk.toString('utf8')).slice(-8_192);
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(part) as Record<string, unknown>;
      } catch {
        continue;
      }
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.match(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  if (options.autoKill ?? true) onTestFinished(kill);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; options.waitForHealth ?? true; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${output}`);
    const health = await fetch(`${url}/healthz`).catch(() => undefined);
    if (health?.ok) break;
    if (i > 600) throw new Error(`the service did not answer /healthz within 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    child,
    logs: () => [...lines],
    waitForLog: (match) =>
      new Promise((resolve) => {
        const found = lines.find(match);
        if (found) resolve(found);
        else waiters.push({ match, resolve });
      }),
    exited,
    close,
    kill,
  };
}
