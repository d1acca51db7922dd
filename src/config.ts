import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Environment -> frozen, typed Config. The only reader of process.env (main.ts passes it in).
 * A bad value throws ConfigError whose message is one line naming the variable and the problem.
 */

export const DEFAULT_OAUTH_TOKEN_URL = 'https://oauth.flip.energy/token';

export type Role = 'viewer' | 'operator' | 'dispatcher' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'operator', 'dispatcher', 'admin'];

export interface ProgramConfig {
  id: string;
  name: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be an integer from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const url = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return undefined;
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return v.replace(/\/+$/, '');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
      return z.NEVER;
    }
  });

const secret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** `id` or `id=Display name`, comma-separated. */
const programs = z
  .string()
  .optional()
  .transform((v, ctx): ProgramConfig[] => {
    if (v === undefined || v.trim() === '') return [];
    const out: ProgramConfig[] = [];
    for (const part of v.split(',')) {
      const [rawId, ...rest] = part.split('=');
      const id = (rawId ?? '').trim();
      if (id === '') {
        ctx.addIssue({ code: 'custom', message: `has an empty program id in "${part.trim()}"` });
        return z.NEVER;
      }
      if (out.some((p) => p.id === id)) {
        ctx.addIssue({ code: 'custom', message: `lists program "${id}" twice` });
        return z.NEVER;
      }
      const name = rest.join('=').trim();
      out.push({ id, name: name === '' ? id : name });
    }
    return out;
  });

const CORS_ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:(\d{1,5}|\*))?$/i;
/** Pages served by a local dev server (Vite, Next...) on any port. */
const DEV_CORS_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * Origins a browser page may call from (CORS): `*`, or `scheme://host[:port]` where the port may
 * be `*` (any port, as a dev server picks one). Absent: undefined (the default depends on NODE_ENV).
 */
const corsOrigins = z
  .string()
  .optional()
  .transform((v, ctx): string[] | undefined => {
    if (v === undefined || v.trim() === '') return undefined;
    const out: string[] = [];
    for (const raw of v.split(',')) {
      const origin = raw.trim().replace(/\/+$/, '');
      if (origin === '*' || CORS_ORIGIN_PATTERN.test(origin)) {
        out.push(origin.toLowerCase());
        continue;
      }
      ctx.addIssue({
        code: 'custom',
        message: `has "${origin}", which is not * or an origin like http://localhost:5173 or http://localhost:*`,
      });
      return z.NEVER;
    }
    return out;
  });

/** `key:role` pairs, comma-separated. */
const apiKeys = z
  .string()
  .optional()
  .transform((v, ctx): { key: string; role: Role }[] => {
    if (v === undefined || v.trim() === '') return [];
    return v.split(',').map((pair, i) => {
      const at = pair.lastIndexOf(':');
      const key = pair.slice(0, at).trim();
      const role = pair.slice(at + 1).trim() as Role;
      if (at <= 0 || key.length < 16 || !ROLES.includes(role)) {
        // Never echo the key itself: this line goes to the log.
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1} must be key:role with a key of at least 16 characters and a role of ${ROLES.join('|')}`,
        });
        return z.NEVER;
      }
      return { key, role };
    });
  });

const EnvSchema = z.object({
  NODE_ENV: z.string().optional().default('development'),
  PORT: int(4000, 0, 65535),
  HOST: z.string().optional().default('127.0.0.1'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .default('info'),

  FLIP_UTILITY_API_URL: url,
  FLIP_UTILITY_API_KEY: secret,
  FLIP_OAUTH_CLIENT_ID: secret,
  FLIP_OAUTH_CLIENT_SECRET: secret,
  FLIP_OAUTH_TOKEN_URL: url,
  FLIP_CLOUD_API_URL: url,
  FLIP_CLOUD_API_KEY: secret,
  FLIP_PROGRAMS: programs,

  FLIP_CONNECT_TIMEOUT_MS: int(5_000, 1),
  FLIP_HEADERS_TIMEOUT_MS: int(15_000, 1),
  FLIP_BODY_TIMEOUT_MS: int(60_000, 1),
  FLIP_MAX_CONNECTIONS: int(16, 1, 1024),
  FLIP_MAX_IN_FLIGHT: int(32, 1, 4096),
  FLIP_RETRY_MAX_ATTEMPTS: int(3, 1, 10),
  FLIP_RETRY_BASE_DELAY_MS: int(200, 0, 60_000),
  FLIP_RETRY_MAX_TOTAL_MS: int(20_000, 0, 600_000),
  TELEMETRY_CHUNK_SIZE: int(500, 1, 10_000),

  DEFAULT_PAGE_SIZE: int(50, 1, 10_000),
  MAX_PAGE_SIZE: int(500, 1, 100_000),
  BULK_CONCURRENCY: int(8, 1, 64),
  DISPATCH_START_GRACE_S: int(60, 0, 86_400),
  DISPATCH_MAX_DURATION_S: int(86_400, 1, 7 * 86_400),
  IDEMPOTENCY_TTL_S: int(86_400, 1, 30 * 86_400),
  IDEMPOTENCY_MAX_KEYS: int(100_000, 1, 10_000_000),

  GRAPHQL_API_KEYS: apiKeys,
  JWT_JWKS_URL: url,
  JWT_PUBLIC_KEY: secret,
  JWT_ISSUER: secret,
  JWT_AUDIENCE: secret,
  JWT_ROLES_CLAIM: z.string().optional().default('roles'),
  ALLOW_ANONYMOUS: bool(false),
  CORS_ORIGINS: corsOrigins,
  GRAPHQL_IDE: z.enum(['true', 'false']).optional(),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).optional().default('graphql-js'),
  MAX_DEPTH: int(12, 1, 100),
  MAX_ALIASES: int(30, 0, 1000),
  MAX_TOKENS: int(5_000, 10, 1_000_000),
  MAX_COST: int(100_000, 1, 100_000_000),
  MAX_BODY_BYTES: int(1_048_576, 1_024, 100 * 1_048_576),
  TRUSTED_DOCUMENTS: z.enum(['off', 'only']).optional().default('off'),
  TRUSTED_DOCUMENTS_ADMIN_ANY: bool(false),
  SHUTDOWN_GRACE_MS: int(10_000, 0, 600_000),
  /** Absent: the number of cores in production, else 1 (see Config.workers). */
  WORKERS: int(0, 1, 256),

  CACHE_TTL_S: int(30, 0, 86_400),
  CACHE_MAX_BYTES: int(256 * 1_048_576, 0, 64 * 1_073_741_824),
  CACHE_LEASE_WAIT_MS: int(5_000, 0, 600_000),
  RESPONSE_CACHE_TTL_S: int(2, 0, 3_600),
  RESPONSE_CACHE_MAX_BYTES: int(32 * 1_048_576, 0, 16 * 1_073_741_824),
  RESPONSE_CACHE_DEBUG: bool(false),
  REDIS_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      if (!/^rediss?:\/\//.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be a redis:// or rediss:// URL' });
        return z.NEVER;
      }
      return v;
    }),
  DISABLE_BATCHING: bool(false),
  FEDERATION: bool(false),

  // OpenTelemetry (issue 16): the SDK reads the other standard OTEL_* variables itself.
  OTEL_EXPORTER_OTLP_ENDPOINT: url,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url,
  OTEL_SDK_DISABLED: bool(false),
  OTEL_SERVICE_NAME: z.string().optional().default('flip-graphql'),
  TRACE_SLOW_RESOLVER_MS: int(20, 0, 600_000),
  // Read here only to know whether the default sampling applies; the SDK reads them when set.
  OTEL_TRACES_SAMPLER: z.string().optional(),
  OTEL_TRACES_SAMPLER_ARG: z.string().optional(),
  FLIP_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return [];
      const keys = v.split(',').map((k) => k.trim());
      // Never echo a key: this line goes to the log.
      if (keys.some((k) => !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(k))) {
        ctx.addIssue({ code: 'custom', message: 'must be whsec_<base64> keys, comma-separated' });
        return z.NEVER;
      }
      return keys;
    }),
  WEBHOOK_MAX_BODY_BYTES: int(4 * 1_048_576, 1_024, 64 * 1_048_576),
  TELEMETRY_POLL_S: int(30, 1, 3_600),
  MAX_CONNECTIONS: int(1_000, 1, 100_000),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: int(20, 1, 1_000),
  SUBSCRIPTION_QUEUE_MAX: int(10_000, 1, 1_000_000),
  WS_KEEPALIVE_MS: int(12_000, 0, 600_000),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      if (!/^postgres(ql)?:\/\//.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be a postgres:// or postgresql:// URL' });
        return z.NEVER;
      }
      return v;
    }),
  AUDIT_DATA_DIR: z.string().optional(),
  AUDIT_RETENTION_DAYS: int(400, 1, 36_500),
  AUDIT_REQUIRED: bool(true),
  AUDIT_RECOVERY_INTERVAL_S: int(60, 0, 86_400),

  SIM_SITES: int(2_000, 1, 100_000),
  SIM_SEED: int(1, 0),
  SIM_LATENCY_MS: int(0, 0, 60_000),
  SIM_PORT: int(4010, 0, 65535),
  SIM_FAULTS: z.string().optional(),
  SIM_WEBHOOK_URL: url,
  SIM_WEBHOOK_SECRET: secret,
  SIM_WEBHOOK_INTERVAL_S: int(10, 0, 86_400),
});

type Env = z.output<typeof EnvSchema>;

export interface UpstreamConfig {
  utilityUrl: string;
  cloudUrl: string;
  /** Static Bearer key for the Utility API; absent when OAuth is used. */
  utilityApiKey?: string;
  oauth?: { clientId: string; clientSecret: string; tokenUrl: string };
  cloudApiKey?: string;
  programs: ProgramConfig[];
}

export interface Config {
  nodeEnv: string;
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  /** undefined = start the embedded simulator and wire it in (app.ts). */
  upstream?: UpstreamConfig;
  http: {
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyTimeoutMs: number;
    maxConnections: number;
    maxInFlight: number;
    retryMaxAttempts: number;
    retryBaseDelayMs: number;
    retryMaxTotalMs: number;
  };
  telemetryChunkSize: number;
  defaultPageSize: number;
  maxPageSize: number;
  bulkConcurrency: number;
  dispatch: {
    startGraceS: number;
    maxDurationS: number;
    idempotencyTtlS: number;
    /** Bound on live keys of the in-memory store (without REDIS_URL); a full store refuses new ones. */
    idempotencyMaxKeys: number;
  };
  auth: {
    apiKeys: { key: string; role: Role }[];
    jwt?: { jwksUrl?: string; publicKey?: string; issuer?: string; audience?: string; rolesClaim: string };
    allowAnonymous: boolean;
  };
  /**
   * Origins whose pages may call the service from a browser (server/cors.ts): exact origins,
   * `scheme://host:*` for any port, or `*` (refused when caller auth is on).
   */
  corsOrigins: string[];
  ide: boolean;
  introspection: boolean;
  /** How operations execute: graphql-jit (compiled per document) or graphql-js's execute. */
  executor: 'jit' | 'graphql-js';
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number; maxBodyBytes: number };
  /**
   * `only`: execute only the documents of the persisted-documents manifest (codegen), sent by
   * hash; `adminAny` lets admin callers send any document. `off`: any document, and hashes of the
   * manifest work too.
   */
  trustedDocuments: { mode: 'off' | 'only'; adminAny: boolean };
  shutdownGraceMs: number;
  /**
   * Processes serving the port (node:cluster): WORKERS, by default the number of cores in
   * production and 1 otherwise. 1: one process, no cluster.
   */
  workers: number;
  /** leaseWaitMs: with Redis, how long an instance waits for another's load of the same key. */
  cache: { ttlS: number; maxBytes: number; redisUrl?: string; leaseWaitMs: number };
  /**
   * Whole answers of repeated queries (server/response-cache.ts). ttlS is 0 (off) when the
   * cross-request cache is off: the operator asked for data read afresh on every request.
   */
  responseCache: { ttlS: number; maxBytes: number; debug: boolean };
  disableBatching: boolean;
  /** Serve the schema as an Apollo Federation 2 subgraph (`_service`, `_entities`, `@key`s). */
  federation: boolean;
  tracing: {
    /** An OTLP endpoint is set and OTEL_SDK_DISABLED is not: spans are exported. */
    enabled: boolean;
    serviceName: string;
    /** A resolver that did no I/O gets a span when it took at least this long. */
    slowResolverMs: number;
    /**
     * The default sampling, when OTEL_TRACES_SAMPLER is unset: parentbased_traceidratio at this
     * ratio (OTEL_TRACES_SAMPLER_ARG when it is one, else DEFAULT_TRACE_SAMPLE_RATIO). null: the
     * SDK applies OTEL_TRACES_SAMPLER and its argument itself.
     */
    sampleRatio: number | null;
  };
  /**
   * The durable audit trail: PostgreSQL at databaseUrl, else PGlite in dataDir (`memory://` for a
   * throwaway one). `required` false (unsafe) lets writes go on with log-only audit when it is down.
   */
  audit: {
    databaseUrl?: string;
    dataDir: string;
    retentionDays: number;
    required: boolean;
    /** How often entries left unknown are recovered, from start-up on (0: never; a retry still does). */
    recoveryIntervalS: number;
  };
  simulator: SimulatorConfig;
  live: LiveConfig;
}

/** Subscriptions and webhooks (issue 15). */
export interface LiveConfig {
  /** FLIP_WEBHOOK_SECRET: `whsec_` keys, several during a rotation; empty = no webhooks (poll). */
  webhookSecrets: string[];
  webhookMaxBodyBytes: number;
  /** One POST /v1/telemetry/latest per program per period while devices have subscribers. */
  telemetryPollS: number;
  maxConnections: number;
  maxSubscriptionsPerConnection: number;
  /** Messages waiting for one subscriber; beyond it the consumer is too slow and is closed. */
  queueMax: number;
  keepAliveMs: number;
}

export interface SimulatorConfig {
  sites: number;
  seed: number;
  latencyMs: number;
  port: number;
  /** JSON array of fault rules for `npm run simulator` (see src/simulator/README.md). */
  faultsJson?: string;
  /** Where the simulator posts `telemetry.published` webhooks (embedded: the service's receiver). */
  webhookUrl?: string;
  /** The simulator's `whsec_` signing key (embedded: generated when absent). */
  webhookSecret?: string;
  /** 0: no webhooks. */
  webhookIntervalS: number;
}

/** Parses the environment. Throws ConfigError with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const corsOrigins = e.CORS_ORIGINS ?? (isProduction ? [] : DEV_CORS_ORIGINS);
  const authIsOn = e.GRAPHQL_API_KEYS.length > 0 || e.JWT_JWKS_URL || e.JWT_PUBLIC_KEY;
  if (authIsOn && corsOrigins.includes('*')) {
    // Any page on the web could then drive a caller's browser holding a token.
    throw new ConfigError(
      'invalid configuration: CORS_ORIGINS must list origins, not *, when caller auth is on',
    );
  }
  return deepFreeze({
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    upstream: upstreamOf(e),
    http: {
      connectTimeoutMs: e.FLIP_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: e.FLIP_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: e.FLIP_BODY_TIMEOUT_MS,
      maxConnections: e.FLIP_MAX_CONNECTIONS,
      maxInFlight: e.FLIP_MAX_IN_FLIGHT,
      retryMaxAttempts: e.FLIP_RETRY_MAX_ATTEMPTS,
      retryBaseDelayMs: e.FLIP_RETRY_BASE_DELAY_MS,
      retryMaxTotalMs: e.FLIP_RETRY_MAX_TOTAL_MS,
    },
    telemetryChunkSize: e.TELEMETRY_CHUNK_SIZE,
    defaultPageSize: Math.min(e.DEFAULT_PAGE_SIZE, e.MAX_PAGE_SIZE),
    maxPageSize: e.MAX_PAGE_SIZE,
    bulkConcurrency: e.BULK_CONCURRENCY,
    dispatch: {
      startGraceS: e.DISPATCH_START_GRACE_S,
      maxDurationS: e.DISPATCH_MAX_DURATION_S,
      idempotencyTtlS: e.IDEMPOTENCY_TTL_S,
      idempotencyMaxKeys: e.IDEMPOTENCY_MAX_KEYS,
    },
    auth: {
      apiKeys: e.GRAPHQL_API_KEYS,
      jwt:
        e.JWT_JWKS_URL || e.JWT_PUBLIC_KEY
          ? {
              jwksUrl: e.JWT_JWKS_URL,
              publicKey: e.JWT_PUBLIC_KEY,
              issuer: e.JWT_ISSUER,
              audience: e.JWT_AUDIENCE,
              rolesClaim: e.JWT_ROLES_CLAIM,
            }
          : undefined,
      allowAnonymous: e.ALLOW_ANONYMOUS,
    },
    corsOrigins,
    ide: e.GRAPHQL_IDE === undefined ? !isProduction : e.GRAPHQL_IDE === 'true',
    introspection: e.GRAPHQL_INTROSPECTION === undefined ? !isProduction : e.GRAPHQL_INTROSPECTION === 'true',
    executor: e.GRAPHQL_EXECUTOR,
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxCost: e.MAX_COST,
      maxBodyBytes: e.MAX_BODY_BYTES,
    },
    trustedDocuments: { mode: e.TRUSTED_DOCUMENTS, adminAny: e.TRUSTED_DOCUMENTS_ADMIN_ANY },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    workers: e.WORKERS || (isProduction ? os.availableParallelism() : 1),
    cache: {
      ttlS: e.CACHE_TTL_S,
      maxBytes: e.CACHE_MAX_BYTES,
      redisUrl: e.REDIS_URL,
      leaseWaitMs: e.CACHE_LEASE_WAIT_MS,
    },
    responseCache: {
      ttlS: e.CACHE_TTL_S === 0 || e.CACHE_MAX_BYTES === 0 ? 0 : e.RESPONSE_CACHE_TTL_S,
      maxBytes: e.RESPONSE_CACHE_MAX_BYTES,
      debug: e.RESPONSE_CACHE_DEBUG,
    },
    disableBatching: e.DISABLE_BATCHING,
    federation: e.FEDERATION,
    tracing: {
      enabled:
        (e.OTEL_EXPORTER_OTLP_ENDPOINT ?? e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) !== undefined &&
        !e.OTEL_SDK_DISABLED,
      serviceName: e.OTEL_SERVICE_NAME,
      slowResolverMs: e.TRACE_SLOW_RESOLVER_MS,
      sampleRatio: defaultSampleRatio(e.OTEL_TRACES_SAMPLER, e.OTEL_TRACES_SAMPLER_ARG),
    },
    audit: {
      databaseUrl: e.DATABASE_URL,
      dataDir:
        e.AUDIT_DATA_DIR === undefined || e.AUDIT_DATA_DIR.trim() === ''
          ? path.join(os.tmpdir(), 'flip-graphql-audit')
          : e.AUDIT_DATA_DIR,
      retentionDays: e.AUDIT_RETENTION_DAYS,
      required: e.AUDIT_REQUIRED,
      recoveryIntervalS: e.AUDIT_RECOVERY_INTERVAL_S,
    },
    simulator: {
      sites: e.SIM_SITES,
      seed: e.SIM_SEED,
      latencyMs: e.SIM_LATENCY_MS,
      port: e.SIM_PORT,
      faultsJson: e.SIM_FAULTS,
      webhookUrl: e.SIM_WEBHOOK_URL,
      webhookSecret: e.SIM_WEBHOOK_SECRET,
      webhookIntervalS: e.SIM_WEBHOOK_INTERVAL_S,
    },
    live: {
      webhookSecrets: e.FLIP_WEBHOOK_SECRET,
      webhookMaxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
      telemetryPollS: e.TELEMETRY_POLL_S,
      maxConnections: e.MAX_CONNECTIONS,
      maxSubscriptionsPerConnection: e.MAX_SUBSCRIPTIONS_PER_CONNECTION,
      queueMax: e.SUBSCRIPTION_QUEUE_MAX,
      keepAliveMs: e.WS_KEEPALIVE_MS,
    },
  });
}

function upstreamOf(e: Env): UpstreamConfig | undefined {
  if (e.FLIP_UTILITY_API_URL === undefined) {
    const stray = (['FLIP_UTILITY_API_KEY', 'FLIP_OAUTH_CLIENT_ID', 'FLIP_CLOUD_API_URL'] as const).find(
      (k) => e[k] !== undefined,
    );
    if (stray)
      throw new ConfigError(`invalid configuration: ${stray} is set but FLIP_UTILITY_API_URL is not`);
    return undefined;
  }
  const hasKey = e.FLIP_UTILITY_API_KEY !== undefined;
  const hasOauth = e.FLIP_OAUTH_CLIENT_ID !== undefined || e.FLIP_OAUTH_CLIENT_SECRET !== undefined;
  if (hasKey && hasOauth) {
    throw new ConfigError(
      'invalid configuration: FLIP_UTILITY_API_KEY and FLIP_OAUTH_CLIENT_ID/SECRET are both set; set one',
    );
  }
  if (!hasKey && !hasOauth) {
    throw new ConfigError(
      'invalid configuration: FLIP_UTILITY_API_KEY is required (or FLIP_OAUTH_CLIENT_ID and FLIP_OAUTH_CLIENT_SECRET)',
    );
  }
  if (hasOauth && (e.FLIP_OAUTH_CLIENT_ID === undefined || e.FLIP_OAUTH_CLIENT_SECRET === undefined)) {
    const missing =
      e.FLIP_OAUTH_CLIENT_ID === undefined ? 'FLIP_OAUTH_CLIENT_ID' : 'FLIP_OAUTH_CLIENT_SECRET';
    throw new ConfigError(`invalid configuration: ${missing} is required with OAuth client credentials`);
  }
  if (e.FLIP_PROGRAMS.length === 0) {
    throw new ConfigError(
      'invalid configuration: FLIP_PROGRAMS is required with FLIP_UTILITY_API_URL (the Utility API cannot list programs)',
    );
  }
  return {
    utilityUrl: e.FLIP_UTILITY_API_URL,
    // The Cloud API is optional: without it, commissionSite and eligiblePrograms answer
    // UPSTREAM_UNAVAILABLE while the Utility side works.
    cloudUrl: e.FLIP_CLOUD_API_URL ?? '',
    utilityApiKey: e.FLIP_UTILITY_API_KEY,
    oauth: hasOauth
      ? {
          clientId: e.FLIP_OAUTH_CLIENT_ID as string,
          clientSecret: e.FLIP_OAUTH_CLIENT_SECRET as string,
          tokenUrl: e.FLIP_OAUTH_TOKEN_URL ?? DEFAULT_OAUTH_TOKEN_URL,
        }
      : undefined,
    cloudApiKey: e.FLIP_CLOUD_API_KEY,
    programs: e.FLIP_PROGRAMS,
  };
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Root operations traced by default (a caller's sampled `traceparent` is always followed): one in
 * ten keeps the export small on a busy instance; OTEL_TRACES_SAMPLER=parentbased_always_on traces all.
 */
export const DEFAULT_TRACE_SAMPLE_RATIO = 0.1;

function defaultSampleRatio(sampler: string | undefined, arg: string | undefined): number | null {
  if (sampler !== undefined && sampler.trim() !== '') return null;
  const ratio = arg === undefined || arg.trim() === '' ? NaN : Number(arg);
  return ratio >= 0 && ratio <= 1 ? ratio : DEFAULT_TRACE_SAMPLE_RATIO;
}
