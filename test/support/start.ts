import { Writable } from 'node:stream';
import type { TracerProvider } from '@opentelemetry/api';
import { print, type DocumentNode } from 'graphql';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Simulator, SimulatorOptions } from '../../src/simulator/types.js';

export interface GqlResult<TData = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface StartedService {
  url: string;
  graphqlUrl: string;
  config: Readonly<Config>;
  /** The embedded simulator the service runs on (journal, faults, seeded state). */
  sim: Simulator;
  app: App;
  /** Every log line the service wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Raw log text (for "never appears" assertions). */
  logText(): string;
  gql<TData = Record<string, unknown>, TVars = Record<string, unknown>>(
    document: string | DocumentNode | { toString(): string },
    variables?: TVars,
    headers?: Record<string, string>,
  ): Promise<GqlResult<TData>>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Environment overrides (strings, as in process.env). */
  env?: Record<string, string>;
  sim?: SimulatorOptions;
  /**
   * Run on this already started simulator (e.g. another service's) instead of an embedded one:
   * the service is configured with its URLs, keys and programs, with ALLOW_ANONYMOUS=true.
   * It stays open when the service closes.
   */
  upstream?: Simulator;
  /** The cross-request cache's clock in epoch ms (AppOptions.cacheClock). */
  cacheClock?: () => number;
  /** Where the service's spans go (AppOptions.tracerProvider). */
  tracerProvider?: TracerProvider;
  /** Close automatically when the current test finishes (default true inside a test). */
  autoClose?: boolean;
}

/** Default test environment: ephemeral port, a small simulator, no log noise on stdout. */
const TEST_ENV: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  SIM_SITES: '300',
  NODE_ENV: 'test',
  // Tests assert per-request call budgets from the journal; the cross-request cache would hide
  // calls across requests. Its own tests (test/cache) turn it on.
  CACHE_TTL_S: '0',
  // Tests that turn the cross-request cache on change the simulator's data directly and read it
  // again; the response cache would answer them from before. Its own tests (test/cache) turn it on.
  RESPONSE_CACHE_TTL_S: '0',
  // The embedded simulator's webhooks would publish telemetry on a timer; tests send their own.
  SIM_WEBHOOK_INTERVAL_S: '0',
  // The durable audit trail in a throwaway in-memory PGlite, opened on the first write.
  AUDIT_DATA_DIR: 'memory://',
};

/** The env that points a service at a running simulator (as `npm run simulator` prints it). */
export function upstreamEnv(sim: Simulator): Record<string, string> {
  return {
    FLIP_UTILITY_API_URL: sim.utilityUrl,
    FLIP_UTILITY_API_KEY: sim.utilityApiKey,
    FLIP_CLOUD_API_URL: sim.cloudUrl,
    FLIP_CLOUD_API_KEY: sim.cloudApiKey,
    FLIP_PROGRAMS: sim.programs.map((p) => `${p.id}=${p.name}`).join(','),
    ALLOW_ANONYMOUS: 'true',
  };
}

/** Starts the service on the embedded simulator on port 0. */
export async function startService(options: StartOptions = {}): Promise<StartedService> {
  const upstream = options.upstream ? upstreamEnv(options.upstream) : {};
  const config = loadConfig({ ...TEST_ENV, ...upstream, ...options.env });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createApp(config, {
    simulator: options.sim,
    logDestination: destination,
    cacheClock: options.cacheClock,
    tracerProvider: options.tracerProvider,
  });
  const sim = app.simulator ?? options.upstream;
  if (!sim) throw new Error('startService expects the embedded simulator or options.upstream');
  const service: StartedService = {
    url: app.url,
    graphqlUrl: app.graphqlUrl,
    config,
    sim,
    app,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => lines.join('\n'),
    async gql(document, variables, headers) {
      const query =
        typeof document === 'string'
          ? document
          : 'kind' in document
            ? print(document as DocumentNode)
            : document.toString();
      const res = await request(app.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.body.text();
      return {
        status: res.statusCode,
        headers: res.headers,
        body: JSON.parse(text) as GqlResult['body'],
      } as never;
    },
    close: () => app.close(),
  };
  if (options.autoClose !== false) {
    try {
      onTestFinished(() => service.close());
    } catch {
      // Not inside a test (beforeAll): the caller closes it.
    }
  }
  return service;
}
