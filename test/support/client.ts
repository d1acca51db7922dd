import { onTestFinished } from 'vitest';
import type { Config } from '../../src/config.js';
import {
  createFlipClients,
  type FlipClientOptions,
  type FlipClients,
  type UpstreamCallReport,
} from '../../src/flip/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { Simulator, SimulatorOptions } from '../../src/simulator/types.js';

/**
 * Flip clients against a started simulator, over real HTTP, with small timeouts so failure
 * tests stay fast. Records every upstream report, requested retry delay and warning.
 */

export const TEST_HTTP: Config['http'] = {
  connectTimeoutMs: 1_000,
  headersTimeoutMs: 300,
  bodyTimeoutMs: 1_000,
  maxConnections: 8,
  maxInFlight: 16,
  retryMaxAttempts: 3,
  retryBaseDelayMs: 5,
  retryMaxTotalMs: 3_000,
};

export interface ClientHarness {
  sim: Simulator;
  clients: FlipClients;
  /** One per upstream call, in completion order. */
  reports: UpstreamCallReport[];
  /** Every delay the client asked to wait between attempts, in ms. */
  sleeps: number[];
  warnings: { obj: Record<string, unknown>; msg: string }[];
  /** First configured program of the simulator. */
  programId: string;
}

export interface HarnessOptions {
  sim?: SimulatorOptions;
  http?: Partial<Config['http']>;
  /** How the Utility API is authenticated (default: the static key). */
  auth?: 'key' | 'oauth' | { utilityApiKey?: string; clientSecret?: string };
  /** Overrides for the client (clock, jitter, sleep...). */
  client?: Partial<Pick<FlipClientOptions, 'now' | 'random' | 'sleep'>>;
}

/** Starts a simulator (60 sites by default) and clients on it; both close when the test ends. */
export async function startClientHarness(options: HarnessOptions = {}): Promise<ClientHarness> {
  const sim = await startSimulator({ port: 0, sites: 60, ...options.sim });
  onTestFinished(() => sim.close());
  const h = buildClients(sim, options);
  return { sim, programId: sim.programs[0]?.id ?? '', ...h };
}

/** Clients (with recording hooks) on an already started simulator or a stand-in at `urls`. */
export function buildClients(
  target: Pick<
    Simulator,
    'utilityUrl' | 'cloudUrl' | 'oauthTokenUrl' | 'utilityApiKey' | 'cloudApiKey' | 'oauthClient'
  >,
  options: HarnessOptions = {},
): Omit<ClientHarness, 'sim' | 'programId'> {
  const reports: UpstreamCallReport[] = [];
  const sleeps: number[] = [];
  const warnings: { obj: Record<string, unknown>; msg: string }[] = [];
  const auth = options.auth ?? 'key';
  const oauth = auth === 'oauth' || (typeof auth === 'object' && auth.clientSecret !== undefined);
  const clients = createFlipClients({
    upstream: {
      utilityUrl: target.utilityUrl,
      cloudUrl: target.cloudUrl,
      utilityApiKey: oauth ? undefined : typeof auth === 'object' ? auth.utilityApiKey : target.utilityApiKey,
      oauth: oauth
        ? {
            clientId: target.oauthClient.clientId,
            clientSecret:
              typeof auth === 'object' ? (auth.clientSecret as string) : target.oauthClient.clientSecret,
            tokenUrl: target.oauthTokenUrl,
          }
        : undefined,
      cloudApiKey: target.cloudApiKey,
    },
    http: { ...TEST_HTTP, ...options.http },
    onUpstreamCall: (r) => reports.push(r),
    logger: { warn: (obj, msg) => warnings.push({ obj, msg }) },
    // Retry waits are recorded and skipped: tests assert the requested delays, not wall time.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options.client,
  });
  onTestFinished(() => clients.close());
  return { clients, reports, sleeps, warnings };
}
