import type { AddressInfo } from 'node:net';
import { createAuth, SIM_CLOUD_API_KEY, SIM_OAUTH_CLIENT, SIM_UTILITY_API_KEY } from './auth.js';
import { createFaults } from './faults.js';
import { createJournal } from './journal.js';
import { createRng } from './prng.js';
import { renderEnrollment, renderEvent } from './render.js';
import { cloudRoutes } from './routes/cloud.js';
import { controlRoutes } from './routes/control.js';
import { utilityRoutes } from './routes/utility.js';
import { seedStore } from './seed.js';
import { createSimServer } from './server.js';
import type { Simulator, SimulatorOptions, SimStateView } from './types.js';
import { deliverWebhooks, scheduleWebhooks } from './webhooks.js';

export type * from './types.js';
export { faultRuleProblem } from './faults.js';

const DEFAULT_SITES = 2000;
const DEFAULT_TOKEN_TTL_S = 3600;

/**
 * Starts the embedded Flip API simulator: Utility API under `/utility`, Cloud API under
 * `/cloud`, OAuth token endpoint at `/oauth/token`, control API under `/__sim`, on one loopback
 * HTTP server. The same seed serves the same data. Resolves once listening; rejects if the port
 * cannot be bound. `close()` destroys open sockets (hung requests too) and resolves when closed.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? 1;
  const store = seedStore({
    sites: opts.sites ?? DEFAULT_SITES,
    seed,
    now,
    crossEnrolledSites: opts.crossEnrolledSites,
  });
  const programs = store.programDefs().map((p) => ({ id: p.id, name: p.name }));
  const journal = createJournal();
  const faults = createFaults(opts.faults ?? []);
  const auth = createAuth({
    now,
    tokenTtlS: opts.tokenTtlS ?? DEFAULT_TOKEN_TTL_S,
    rng: createRng(seed ^ 0x0a17),
  });
  const server = createSimServer({
    routes: {
      utility: utilityRoutes(store),
      cloud: cloudRoutes(store),
      control: controlRoutes({ journal, faults, programs }),
    },
    auth,
    journal,
    faults,
    latencyMs: opts.latencyMs ?? 0,
    now,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  const stoppers = new Set<() => void>();

  const state: SimStateView = {
    enrollments: (programId) => {
      const p = store.program(programId);
      return p ? p.enrollments.map((e) => renderEnrollment(e, p.groups)) : [];
    },
    groups: (programId) => [...(store.program(programId)?.groups ?? [])].map(([id, name]) => ({ id, name })),
    events: () => store.listEvents().map(renderEvent),
  };

  return {
    url,
    utilityUrl: `${url}/utility`,
    cloudUrl: `${url}/cloud`,
    oauthTokenUrl: `${url}/oauth/token`,
    utilityApiKey: SIM_UTILITY_API_KEY,
    cloudApiKey: SIM_CLOUD_API_KEY,
    oauthClient: { ...SIM_OAUTH_CLIENT },
    programs: programs.map((p) => ({ ...p })),
    journal,
    faults,
    state,
    sendWebhooks(target) {
      const stop = scheduleWebhooks(store, target);
      stoppers.add(stop);
      return () => {
        stoppers.delete(stop);
        stop();
      };
    },
    deliverWebhooks: (target, fault) => deliverWebhooks(store, target, fault),
    close() {
      for (const stop of stoppers) stop();
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
