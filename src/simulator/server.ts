import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SimAuth } from './auth.js';
import type { FaultStore } from './faults.js';
import {
  errorBody,
  matchRoute,
  type Route,
  SimHttpError,
  type SimRequest,
  type SimResponse,
} from './http.js';
import type { JournalStore } from './journal.js';
import { createRng, type Rng } from './prng.js';
import type { FaultRule, JournalEntry, SimApi } from './types.js';

/**
 * One node:http server for every simulated API, told apart by path prefix:
 * `/utility/...`, `/cloud/...`, `/oauth/token`, `/__sim/...` (control).
 * Per call: journal -> fault lookup -> latency -> (auth + handler, unless a fault pre-empts it)
 * -> answer or fault.
 */

export interface ServerDeps {
  routes: { utility: Route[]; cloud: Route[]; control: Route[] };
  auth: SimAuth;
  journal: JournalStore;
  faults: FaultStore;
  latencyMs: number;
  now: () => number;
}

const PREFIXES: readonly [string, SimApi][] = [
  ['/utility', 'utility'],
  ['/cloud', 'cloud'],
  ['/__sim', 'control'],
];

/** Bytes that are not JSON, for the `malformed` fault. */
const MALFORMED_BODY = '{"enrollments": [{"id": "truncated';
/** The `chunked` fault's largest piece, unless the rule says. */
const DEFAULT_CHUNK_BYTES = 4096;
/** Piece sizes per `chunked` rule: one seeded stream continued across the rule's answers. */
const chunkRngs = new WeakMap<FaultRule, Rng>();

export function createSimServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: errorBody(500, 'simulator failure') });
    });
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  if (url.pathname === '/oauth/token') return handleOauth(deps, req, res, raw);
  const prefix = PREFIXES.find(([p]) => url.pathname === p || url.pathname.startsWith(`${p}/`));
  if (!prefix) {
    send(res, { status: 404, body: errorBody(404, `no API at ${url.pathname}`) });
    return;
  }
  const [p, api] = prefix;
  const path = url.pathname.slice(p.length) || '/';
  const sim = toSimRequest(api, method, path, url, raw, req);
  if (api === 'control') {
    send(res, run(deps, deps.routes.control, sim));
    return;
  }

  const { template } = matchRoute(deps.routes[api as 'utility' | 'cloud'], method, path);
  const entry = deps.journal.record({
    api,
    method,
    path,
    route: template ?? path,
    query: sim.query,
    ...(raw === '' ? {} : { body: sim.bodyInvalid ? raw : sim.body }),
    status: 0,
    headers: pickHeaders(req),
    at: new Date(deps.now()).toISOString(),
  });
  const fault = deps.faults.take({ api, method, path, route: entry.route, query: sim.query });
  await delay(deps.latencyMs + (fault?.kind === 'latency' ? (fault.latencyMs ?? 0) : 0));
  const routes = deps.routes[api as 'utility' | 'cloud'];
  if (!fault || fault.kind === 'latency' || fault.kind === 'chunked') {
    entry.status = deliver(res, run(deps, routes, sim), fault);
    return;
  }
  if (fault.applyFirst) run(deps, routes, sim);
  entry.status = applyFault(fault, req, res);
}

function handleOauth(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, raw: string): void {
  deps.journal.countTokenRequest();
  const method = (req.method ?? 'GET').toUpperCase();
  const fault = deps.faults.take({ api: 'oauth', method, path: '/oauth/token', route: '/oauth/token' });
  if (fault && fault.kind !== 'latency' && fault.kind !== 'chunked') {
    applyFault(fault, req, res);
    return;
  }
  const answer = () =>
    deliver(
      res,
      method === 'POST'
        ? deps.auth.issueToken(parseForm(raw, req), req.headers)
        : { status: 405, body: { error: 'invalid_request' } },
      fault,
    );
  const ms = deps.latencyMs + (fault?.latencyMs ?? 0);
  if (ms > 0) void delay(ms).then(answer);
  else answer();
}

/** Runs auth and the handler; errors thrown as SimHttpError become their response. */
function run(deps: ServerDeps, routes: Route[], sim: SimRequest): SimResponse {
  try {
    if (sim.api === 'utility') deps.auth.checkUtility(sim.headers);
    if (sim.api === 'cloud') deps.auth.checkCloud(sim.headers);
    const { match, template } = matchRoute(routes, sim.method, sim.path);
    if (!match) {
      return template
        ? { status: 405, body: errorBody(405, `${sim.method} not allowed on ${template}`) }
        : { status: 404, body: errorBody(404, `no route ${sim.method} ${sim.path}`) };
    }
    return match.route.handler({ ...sim, params: match.params });
  } catch (e) {
    if (e instanceof SimHttpError) return { status: e.status, body: e.body, headers: e.headers };
    // A simulator bug: answer (and journal) a 500 that names it rather than dropping the socket.
    return { status: 500, body: errorBody(500, `simulator failure: ${String(e)}`) };
  }
}

/** Answers (or withholds the answer) as the fault says; returns the status journaled. */
function applyFault(fault: FaultRule, req: IncomingMessage, res: ServerResponse): number {
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 503;
      const headers: Record<string, string> = {};
      if ((status === 429 || status === 503) && fault.retryAfterS !== undefined) {
        headers['retry-after'] = String(fault.retryAfterS);
      }
      return send(res, { status, body: errorBody(status, `simulated ${status}`), headers });
    }
    case 'hang':
      // Never answer; the socket stays open until the client gives up or close() destroys it.
      return 0;
    case 'reset':
      // A TCP RST (ECONNRESET at the client), not a polite FIN.
      req.socket.resetAndDestroy();
      return 0;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(MALFORMED_BODY);
      return 200;
    case 'latency':
    case 'chunked':
      // Answered normally (deliver), never here.
      return 0;
  }
}

/** Sends the answer: whole, or in pieces under a `chunked` fault. Returns the status. */
function deliver(res: ServerResponse, r: SimResponse, fault: FaultRule | undefined): number {
  if (fault?.kind !== 'chunked') return send(res, r);
  void sendInPieces(res, r, fault).catch(() => res.destroy());
  return r.status;
}

/** The body in pieces of 1 to `chunkBytes` bytes, each flushed, with a pause after each. */
async function sendInPieces(res: ServerResponse, r: SimResponse, fault: FaultRule): Promise<void> {
  if (r.status === 204 || (r.body === undefined && r.json === undefined)) {
    send(res, r);
    return;
  }
  const bytes = Buffer.from(r.json ?? JSON.stringify(r.body));
  res.writeHead(r.status, {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    ...r.headers,
  });
  let rng = chunkRngs.get(fault);
  if (!rng) chunkRngs.set(fault, (rng = createRng(fault.seed ?? 1)));
  const max = fault.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  for (let at = 0; at < bytes.length && !res.destroyed;) {
    const size = 1 + Math.floor(rng() * max);
    res.write(bytes.subarray(at, at + size));
    at += size;
    await pause(fault.pauseMs ?? 0);
  }
  res.end();
}

function send(res: ServerResponse, r: SimResponse): number {
  if (res.headersSent || res.destroyed) return r.status;
  if (r.status === 204 || (r.body === undefined && r.json === undefined)) {
    res.writeHead(r.status, r.headers ?? {});
    res.end();
    return r.status;
  }
  const json = r.json ?? JSON.stringify(r.body);
  res.writeHead(r.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(json)),
    ...r.headers,
  });
  res.end(json);
  return r.status;
}

function toSimRequest(
  api: SimApi,
  method: string,
  path: string,
  url: URL,
  raw: string,
  req: IncomingMessage,
): SimRequest {
  let body: unknown;
  let bodyInvalid = false;
  if (raw !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      bodyInvalid = true;
    }
  }
  return {
    api,
    method,
    path,
    params: {},
    query: Object.fromEntries(url.searchParams),
    body,
    bodyInvalid,
    headers: req.headers,
  };
}

function parseForm(raw: string, req: IncomingMessage): Record<string, string> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, string>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function pickHeaders(req: IncomingMessage): JournalEntry['headers'] {
  const out: JournalEntry['headers'] = {};
  const rid = req.headers['x-request-id'];
  const key = req.headers['idempotency-key'];
  if (typeof rid === 'string') out['x-request-id'] = rid;
  if (typeof key === 'string') out['idempotency-key'] = key;
  const traceparent = req.headers.traceparent;
  if (typeof traceparent === 'string') out.traceparent = traceparent;
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** `ms` milliseconds, or when 0 one turn of the event loop (so each write goes out alone). */
function pause(ms: number): Promise<void> {
  return ms > 0 ? delay(ms) : new Promise((resolve) => setImmediate(resolve));
}

function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  // unref: a pending simulated latency must not keep a finished test process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
