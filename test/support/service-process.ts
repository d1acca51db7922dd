import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';
import { freePort } from './free-port.js';

/**
 * The service as a real process (src/main.ts), for tests that must kill it mid-request: src/ is
 * compiled once per test file with SWC (decorator metadata on, like tsc for `npm start`) into a
 * temporary folder that links the repository's node_modules and schema/.
 */

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface CompiledService {
  /** Starts src/main.ts with `env` (over a minimal environment); resolves once /healthz answers. */
  start(env: Record<string, string>): Promise<ServiceProcess>;
  /** Kills what is still running and removes the compiled folder. */
  dispose(): Promise<void>;
}

export interface ServiceProcess {
  graphqlUrl: string;
  child: ChildProcess;
  /** What it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL: no shutdown of any kind, as when the host dies. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export async function compileService(): Promise<CompiledService> {
  const root = await mkdtemp(join(tmpdir(), 'flip-graphql-service-'));
  const out = join(root, 'dist');
  await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module', version: '0.0.0-test' }));
  await symlink(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  await symlink(join(REPO, 'schema'), join(root, 'schema'), 'dir');
  const sources = (await readdir(join(REPO, 'src'), { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
  );
  await Promise.all(
    sources.map(async (file) => {
      const { code } = await transformFile(join(REPO, 'src', file), {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: false,
      });
      const target = join(out, file.replace(/\.ts$/, '.js'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, code);
    }),
  );
  const running = new Set<ServiceProcess>();
  return {
    async start(env) {
      const port = await freePort();
      const child = spawn(process.execPath, [join(out, 'main.js')], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          PORT: String(port),
          HOST: '127.0.0.1',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-200_000);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const end = async (signal: NodeJS.Signals) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
        running.delete(service);
      };
      const service: ServiceProcess = {
        graphqlUrl: `http://127.0.0.1:${port}/graphql`,
        child,
        output: () => output,
        kill: () => end('SIGKILL'),
        stop: () => end('SIGTERM'),
      };
      running.add(service);
      for (let i = 0; ; i++) {
        if (child.exitCode !== null)
          throw new Error(`the service exited with ${child.exitCode}: ${output.slice(-2_000)}`);
        const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (health?.ok) return service;
        if (i > 600) {
          await service.kill();
          throw new Error(`the service did not answer /healthz within 60 s: ${output.slice(-2_000)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async dispose() {
      await Promise.all([...running].map((s) => s.kill()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
