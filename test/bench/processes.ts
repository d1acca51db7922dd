import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { freePort } from '../support/free-port.js';

/**
 * The built simulator and service (dist/), each in its own process as in production, so that
 * the service's memory is its own and the load generator (this process) is not inside it.
 */

export const API_KEY = 'bench-key-0123456789abcdef';

const children = new Set<ChildProcess>();

/** Kills whatever is still running (after a failure). */
export function killAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}

/** Spawns a built entry point; resolves with the first output match of `ready`. */
function spawnNode(entry: string, env: Record<string, string>, ready: RegExp, nodeArgs: string[] = []) {
  // An entry point is a built file, or a CommonJS script given inline (`-e`, plain-http.ts).
  const args = entry.includes('\n') ? ['-e', entry] : [entry];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const match = new Promise<RegExpExecArray>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}: ${output.slice(-2_000)}`)));
    // Keep reading to the end: a full pipe would block the child.
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-65_536);
      const found = ready.exec(output);
      if (found) resolve(found);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    children.delete(child);
  };
  return { child, match, close };
}

export interface SimProcess {
  /** The service's env for this simulator (FLIP_* and FLIP_PROGRAMS). */
  serviceEnv: Record<string, string>;
  utilityUrl: string;
  utilityKey: string;
  programIds: string[];
  /** Upstream calls so far by `METHOD /route/template` (exact, from the control API). */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function startSimProcess(options: { sites: number; latencyMs: number }): Promise<SimProcess> {
  const started = spawnNode(
    'dist/simulator/main.js',
    { SIM_PORT: '0', SIM_SITES: String(options.sites), SIM_LATENCY_MS: String(options.latencyMs) },
    /on (http:\/\/\S+) .*FLIP_UTILITY_API_URL=(\S+) FLIP_UTILITY_API_KEY=(\S+) FLIP_CLOUD_API_URL=(\S+) FLIP_CLOUD_API_KEY=(\S+) FLIP_PROGRAMS="([^"]+)"/,
  );
  const [, url, utilityUrl, utilityKey, cloudUrl, cloudKey, programs] = (await started.match) as string[];
  return {
    serviceEnv: {
      FLIP_UTILITY_API_URL: utilityUrl!,
      FLIP_UTILITY_API_KEY: utilityKey!,
      FLIP_CLOUD_API_URL: cloudUrl!,
      FLIP_CLOUD_API_KEY: cloudKey!,
      FLIP_PROGRAMS: programs!,
    },
    utilityUrl: utilityUrl!,
    utilityKey: utilityKey!,
    programIds: programs!.split(',').map((p) => p.split('=')[0]!),
    async counts() {
      const res = await fetch(`${url}/__sim/journal`);
      return ((await res.json()) as { counts: Record<string, number> }).counts;
    },
    close: started.close,
  };
}

export interface ServiceProcess {
  graphqlUrl: string;
  /** The peak resident memory so far (VmHWM) of its largest process (a worker with WORKERS > 1), in MB. */
  peakRssMb(): number;
  /** CPU time (user + system) the service has used so far, its workers included, in ms. */
  cpuMs(): number;
  close(): Promise<void>;
}

/**
 * The service in production mode with an API key, on the given simulator. Logs at warn: one
 * line per operation at info would be read by this process and compete with the load.
 * One process (WORKERS=1) unless BENCH_WORKERS says otherwise (production's default would be
 * one worker per core).
 */
export async function startServiceProcess(
  sim: SimProcess,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServiceProcess> {
  // At warn level the "listening" line is not written: choose the port, then wait for /healthz.
  const port = await freePort();
  const started = spawnNode(
    'dist/main.js',
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      GRAPHQL_API_KEYS: `${API_KEY}:admin`,
      WORKERS: process.env.BENCH_WORKERS ?? '1',
      ...sim.serviceEnv,
      ...env,
    },
    /(?!)/,
    nodeArgs,
  );
  started.match.catch(() => undefined);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (started.child.exitCode !== null) await started.match;
    const health = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (health?.ok) break;
    if (i > 600) throw new Error('the service did not start listening within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = started.child.pid!;
  return {
    graphqlUrl: `${baseUrl}/graphql`,
    peakRssMb: () => Math.max(...processTree(pid).map(peakRssMb)),
    cpuMs: () => processTree(pid).reduce((sum, p) => sum + cpuMs(p), 0),
    close: started.close,
  };
}

/** The process and its descendants (node:cluster workers), from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  let descendants: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) descendants = descendants.concat(text.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone: nothing below it either.
  }
  return [pid, ...descendants.flatMap(processTree)];
}

/** A CommonJS script of its own (plain-http.ts) that prints its URL once it listens. */
export async function startPlainProcess(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServiceProcess> {
  const started = spawnNode(script, env, /on (http:\/\/\S+)/, nodeArgs);
  const [, url] = (await started.match) as string[];
  const pid = started.child.pid!;
  return {
    graphqlUrl: url!,
    peakRssMb: () => peakRssMb(pid),
    cpuMs: () => cpuMs(pid),
    close: started.close,
  };
}

/** VmHWM: the peak resident set of the process since it started. */
function peakRssMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? NaN : Number(kb) / 1024;
  } catch {
    return NaN;
  }
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return NaN;
  }
}
