import { type Simulator, startSimulator, type SimulatorOptions } from '../../src/simulator/index.js';

/** Test helpers for talking to a started simulator over real HTTP (global fetch). */

export interface SimReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. Throws if the body is not JSON. */
  json: unknown;
  text: string;
}

export interface CallOptions {
  query?: Record<string, string | number>;
  body?: unknown;
  /** Bearer token; defaults to the API's key. `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function startTestSim(opts: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ port: 0, sites: 200, ...opts });
}

/** Calls the Utility API: `utility(sim, 'GET', '/v1/enrollments', { query: { program_id } })`. */
export function utility(
  sim: Simulator,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<SimReply> {
  return call(
    `${sim.utilityUrl}${path}`,
    method,
    opts.token === undefined ? sim.utilityApiKey : opts.token,
    opts,
  );
}

export function cloud(
  sim: Simulator,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<SimReply> {
  return call(
    `${sim.cloudUrl}${path}`,
    method,
    opts.token === undefined ? sim.cloudApiKey : opts.token,
    opts,
  );
}

export function control(
  sim: Simulator,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<SimReply> {
  return call(`${sim.url}/__sim${path}`, method, null, opts);
}

/** Fetches an OAuth token with the simulator's client credentials (or the given ones). */
export async function oauthToken(
  sim: Simulator,
  creds: { clientId: string; clientSecret: string } = sim.oauthClient,
): Promise<SimReply> {
  const res = await fetch(sim.oauthTokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    }).toString(),
  });
  return reply(res);
}

async function call(url: string, method: string, token: string | null, opts: CallOptions): Promise<SimReply> {
  const u = new URL(url);
  for (const [k, v] of Object.entries(opts.query ?? {})) u.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...opts.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(u, {
    method,
    headers,
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
    signal: opts.timeoutMs === undefined ? undefined : AbortSignal.timeout(opts.timeoutMs),
  });
  return reply(res);
}

async function reply(res: Response): Promise<SimReply> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text === '' ? undefined : JSON.parse(text) };
}

/** A fixed instant for tests that inject the clock: a July afternoon in Texas. */
export const TEST_NOW = Date.UTC(2025, 6, 15, 20, 0, 0);

/** An adjustable clock for `startSimulator({ now })`. */
export function testClock(start = TEST_NOW): {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
