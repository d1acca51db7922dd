import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Tracer } from '@opentelemetry/api';
import type { Config, UpstreamConfig } from '../config.js';
import { createOAuthAuth, createStaticKeyAuth } from './auth.js';
import { createCloudClient, createUnconfiguredCloudClient } from './cloud-client.js';
import { createUnknownEnumReporter, type WarnLogger } from './enums.js';
import { createHttpClient, type HttpClient, type Runtime } from './http.js';
import type { FlipClients, UpstreamCallReport } from './records.js';
import { createUtilityClient } from './utility-client.js';

/**
 * The REST boundary: what the rest of the service may import from `flip/`.
 * Every client method returns camelCase records (records.ts) or throws a ServiceError whose
 * code is one of the contract's (see errors.ts for the status/transport -> code table).
 */

export type * from './records.js';
export type { WarnLogger } from './enums.js';
export type { UpstreamName } from './errors.js';
export { parseTelemetryWebhook, type TelemetryWebhook } from './webhook.js';

/** Options of {@link createFlipClients}. */
export interface FlipClientOptions {
  /** Base URLs (a path prefix such as `/utility` is kept) and credentials. */
  upstream: Pick<UpstreamConfig, 'utilityUrl' | 'cloudUrl' | 'utilityApiKey' | 'oauth' | 'cloudApiKey'>;
  /** Timeouts, pool size, in-flight bound and retry budget (config.ts `http`). */
  http: Config['http'];
  /** Called once per upstream call (after its retries) with route, status, timing and size. */
  onUpstreamCall?: (report: UpstreamCallReport) => void;
  /** Receives one warning per unknown enum value (field, value, fallback); pino fits. */
  logger?: WarnLogger;
  /** Jitter source in [0, 1); default Math.random. Injectable for tests. */
  random?: () => number;
  /** Waits between retries; default a timer that the caller's signal cancels. Injectable. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in epoch ms for token lifetimes and the retry budget; default Date.now. */
  now?: () => number;
  /** Share one request among identical concurrent reads (default true; false for DISABLE_BATCHING). */
  coalesce?: boolean;
  /**
   * With a tracer: one CLIENT span per attempt (method, route template, status, resend count),
   * under the resolver or DataLoader batch that started it, and its W3C `traceparent` sent.
   */
  tracer?: Tracer;
}

/**
 * Creates the Utility and Cloud clients, each on its own undici Pool (keep-alive, at most
 * `http.maxConnections` sockets and `http.maxInFlight` requests in flight).
 *
 * Guarantees: every attempt is bounded by the connect/headers/body timeouts; GET and PATCH are
 * retried on connection failures, timeouts, 408/429/502/503/504 with full-jitter backoff that
 * honours Retry-After, within `retryMaxAttempts` and `retryMaxTotalMs`; POST and DELETE are sent
 * once unless the failure proves nothing left (connection refused, DNS, connect timeout); a
 * write whose answer never came fails with UPSTREAM_OUTCOME_UNKNOWN; identical concurrent reads
 * share one request; with OAuth, a 401 is retried once with a fresh token. Neither keys, secrets
 * nor tokens appear in errors or reports. Throws only for an unparseable base URL.
 */
export function createFlipClients(options: FlipClientOptions): FlipClients {
  const runtime: Runtime = {
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal })),
    now: options.now ?? Date.now,
    onUpstreamCall: options.onUpstreamCall,
    coalesces: options.coalesce ?? true,
    tracer: options.tracer,
  };
  const { upstream, http } = options;
  const report = createUnknownEnumReporter(options.logger);
  const pools: HttpClient[] = [];
  const track = (client: HttpClient) => {
    pools.push(client);
    return client;
  };

  const oauth = upstream.oauth;
  const utilityAuth = oauth
    ? createOAuthAuth({
        tokenClient: track(createHttpClient({ upstream: 'oauth', baseUrl: oauth.tokenUrl, http, runtime })),
        tokenEndpoint: new URL(oauth.tokenUrl).pathname,
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        now: runtime.now,
      })
    : createStaticKeyAuth(upstream.utilityApiKey);
  const utilityHttp = track(
    createHttpClient({ upstream: 'utility', baseUrl: upstream.utilityUrl, http, runtime, auth: utilityAuth }),
  );
  const cloud = upstream.cloudUrl
    ? createCloudClient(
        track(
          createHttpClient({
            upstream: 'cloud',
            baseUrl: upstream.cloudUrl,
            http,
            runtime,
            auth: createStaticKeyAuth(upstream.cloudApiKey),
          }),
        ),
        report,
      )
    : createUnconfiguredCloudClient();

  return {
    utility: createUtilityClient(utilityHttp, report),
    cloud,
    close: async () => {
      await Promise.all(pools.map((p) => p.close()));
    },
  };
}
