import type { Tracer } from '@opentelemetry/api';
import type { CrossRequestCache, ProgramLocator } from '../cache/index.js';
import type { Config, ProgramConfig, Role } from '../config.js';
import type { FlipClients } from '../flip/index.js';
import { createLoaders, type LoaderDeps, type Loaders } from '../loaders/index.js';
import type { Live } from '../live/index.js';
import type { WriteServices } from '../writes/index.js';

/** What the server knows about a request before GraphQL runs. */
export interface RequestInfo {
  requestId: string;
  caller: { id: string; role: Role; kind: 'api-key' | 'jwt' } | null;
  /** Subscriptions: the transport closes the connection of a consumer that fell too far behind. */
  onSlowConsumer?: () => void;
}

/** Process-wide dependencies, built once by app.ts. */
export interface ContextDeps {
  clients: FlipClients;
  config: Readonly<Config>;
  /** The configured programs (Program.name is the FLIP_PROGRAMS display name). */
  programs: ProgramConfig[];
  /** Observes DataLoader batch sizes (for /metrics). */
  recordBatch?: (loader: string, size: number) => void;
  /** Clock for derived statuses (Event.status); injectable for tests. Default: the system clock. */
  now?: () => Date;
  /** The write services (writes/): a mutation's resolver parses its arguments and calls one. */
  writes: WriteServices;
  /** Enrollments, groups and events kept across requests; absent when CACHE_TTL_S=0. */
  cache?: CrossRequestCache;
  /** Which program an enrollment id is in, learnt from loads (kept even with the cache off). */
  locator?: ProgramLocator;
  /** The shared store: the event loader reads the cancellations cancelEvent recorded there. */
  store?: LoaderDeps['store'];
  /** With a tracer: DataLoader batch spans. */
  tracer?: Tracer;
  /** The change hub behind subscriptions (live/). */
  live: Live;
  /** The durable audit trail, read through the loaders. */
  auditStore?: LoaderDeps['audit'];
}

export interface GraphQLContext {
  requestId: string;
  caller: RequestInfo['caller'];
  /** Fresh per request: batching and per-request memos never cross requests (deps.cache does). */
  loaders: Loaders;
  deps: ContextDeps;
  /** The request's instant: every derived status in one answer is computed against the same now. */
  now: Date;
  /** Set on a subscription's context (see RequestInfo). */
  onSlowConsumer?: () => void;
}

export function createContext(deps: ContextDeps, req: RequestInfo): GraphQLContext {
  return {
    requestId: req.requestId,
    caller: req.caller,
    loaders: createLoaders({
      clients: deps.clients,
      programs: deps.programs,
      config: deps.config,
      requestId: req.requestId,
      onBatch: deps.recordBatch,
      cache: deps.cache,
      locator: deps.locator,
      store: deps.store,
      tracer: deps.tracer,
      audit: deps.auditStore,
    }),
    deps,
    now: deps.now?.() ?? new Date(),
    ...(req.onSlowConsumer ? { onSlowConsumer: req.onSlowConsumer } : {}),
  };
}

/** The configured program with this id, or null. Programs come from configuration, not from Flip. */
export function configuredProgram(ctx: GraphQLContext, id: string): ProgramConfig | null {
  return ctx.deps.programs.find((p) => p.id === id) ?? null;
}
