import { spawn } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { freePort } from './free-port.js';

/**
 * A real redis-server for a test: on a free loopback port, nothing persisted, stopped when the
 * test (or the caller) closes it. `.ci/run` installs Debian's redis-server when it is missing.
 */
export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (idempotent); a service using it sees Redis go away. */
  close(): Promise<void>;
}

const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 10_000;

export async function startRedis(options: { autoClose?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server not ready: ${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4_096);
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run redis-server (apt-get install redis-server): ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
  });
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  if (options.autoClose !== false) {
    try {
      onTestFinished(() => redis.close());
    } catch {
      // Not inside a test (beforeAll): the caller closes it.
    }
  }
  return redis;
}
