/**
 * Public types of the embedded Flip API simulator (startSimulator in index.ts).
 * Tests, the client's tests and app.ts code against these.
 */

export type SimApi = 'utility' | 'cloud' | 'oauth' | 'control';

export interface JournalEntry {
  api: SimApi;
  method: string;
  /** The concrete path without the API prefix, e.g. `/v1/enrollments/0b6f...`. */
  path: string;
  /** The route template, e.g. `/v1/enrollments/{id}`. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON body (or the raw string when it was not JSON); undefined when none. */
  body?: unknown;
  /** Status sent, or 0 when a fault hung or reset the connection. */
  status: number;
  /** Only those sent: `traceparent` (W3C trace context) when the caller traces. */
  headers: { 'x-request-id'?: string; 'idempotency-key'?: string; traceparent?: string };
  at: string;
}

/** What `calls()` returns: the fields a test asserts on. query/body only when present. */
export interface JournalCall {
  method: string;
  route: string;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Journal {
  /** Every call to the Utility and Cloud APIs (not OAuth, not control), oldest first. */
  entries(): JournalEntry[];
  /** Compact view: `{ method, route: <concrete path>, query?, body? }`; utility and cloud only. */
  calls(): JournalCall[];
  /** Number of calls per `METHOD /route/template`, e.g. `{ 'GET /v1/enrollments': 3 }`. */
  counts(): Record<string, number>;
  /** OAuth token requests seen. */
  tokenRequests(): number;
  clear(): void;
}

export type FaultKind = 'latency' | 'status' | 'hang' | 'reset' | 'malformed' | 'chunked';

export interface FaultRule {
  /** e.g. 'POST'; any method when absent. */
  method?: string;
  /** Route template (`/v1/events/{id}`) or concrete path (`/v1/events`); `*` = every route. */
  route: string;
  /** Only calls whose query has these values (e.g. `{ program_id: 'p1' }`). */
  query?: Record<string, string>;
  kind: FaultKind;
  /** latency: added delay before the normal response. */
  latencyMs?: number;
  /** status: the error status to answer (e.g. 503, 429). */
  status?: number;
  /** status 429/503: the Retry-After header in seconds. */
  retryAfterS?: number;
  /**
   * chunked: the normal answer, its body sent in pieces of 1 to `chunkBytes` bytes (default 4096),
   * each flushed and followed by a pause of `pauseMs` (default 0: one turn of the event loop).
   * Piece sizes come from a PRNG seeded with `seed` (default 1) and the answer's number.
   */
  chunkBytes?: number;
  pauseMs?: number;
  seed?: number;
  /**
   * When true the request is applied to the state before the fault answers (a write that
   * happened but whose response was lost). Default false for status; true for hang/reset/malformed
   * happens only when this is set.
   */
  applyFirst?: boolean;
  /** Number of matching calls the rule applies to; forever when absent. */
  times?: number;
}

export interface Faults {
  add(rule: FaultRule): void;
  clear(): void;
  list(): FaultRule[];
}

export interface SimProgram {
  id: string;
  name: string;
}

export interface SimulatorOptions {
  /** 0 = ephemeral. */
  port?: number;
  host?: string;
  /** Total sites over all programs (default 2000). */
  sites?: number;
  /** PRNG seed (default 1): the same seed gives the same data. */
  seed?: number;
  /** Added latency on every utility/cloud response. */
  latencyMs?: number;
  /** Clock, injectable for tests (default Date.now). */
  now?: () => number;
  /** OAuth access token lifetime in seconds (default 3600). */
  tokenTtlS?: number;
  faults?: FaultRule[];
  /**
   * Sites of the second program also enrolled (ACTIVE) in the first, each in both programs'
   * `beta-testers` group (default 0): a site in two programs, for tests of the fields that must
   * not depend on the program a site was reached through.
   */
  crossEnrolledSites?: number;
}

export interface Simulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Base URL of the Utility API, e.g. http://127.0.0.1:PORT/utility */
  utilityUrl: string;
  /** Base URL of the Cloud API, e.g. http://127.0.0.1:PORT/cloud */
  cloudUrl: string;
  /** OAuth token endpoint, e.g. http://127.0.0.1:PORT/oauth/token */
  oauthTokenUrl: string;
  utilityApiKey: string;
  cloudApiKey: string;
  oauthClient: { clientId: string; clientSecret: string };
  programs: SimProgram[];
  journal: Journal;
  faults: Faults;
  /** Read-only view of the seeded state, for tests to compare against. */
  state: SimStateView;
  /**
   * Sends `telemetry.published` webhooks (one per program) every `intervalS` to `url`, signed
   * with `secret`; returns the function that stops them. close() stops them too.
   */
  sendWebhooks(target: WebhookTarget & { intervalS: number }): () => void;
  /** One round of webhooks now, optionally with a fault; resolves with each delivery's answer. */
  deliverWebhooks(target: WebhookTarget, fault?: WebhookFault): Promise<WebhookDelivery[]>;
  close(): Promise<void>;
}

export interface WebhookTarget {
  url: string;
  /** `whsec_<base64 key>`. */
  secret: string;
}

/** bad-signature: signed with another key; duplicate: delivered twice; late-timestamp: 6 minutes old. */
export type WebhookFault = 'bad-signature' | 'duplicate' | 'late-timestamp';

export interface WebhookDelivery {
  id: string;
  programId: string;
  status: number;
  points: number;
}

export interface SimStateView {
  /** Wire-shaped (snake_case) enrollments of a program, as GET /v1/enrollments would return. */
  enrollments(programId: string): unknown[];
  groups(programId: string): { id: string; name: string }[];
  events(): unknown[];
}
