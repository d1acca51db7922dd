import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import type { Caller } from './auth.js';
import { COST_DEBUG_HEADER } from './limits.js';

/**
 * The response cache (issue 20): whole answers of repeated query operations, kept for a short
 * TTL and served by http.ts before Apollo runs. An answer is kept only when
 * - it answered a query (never a mutation or subscription) without any error, with HTTP 200,
 *   and reads none of UNCACHED_FIELDS (response-cache-plugin.ts decides);
 * - the request was a POST of JSON with a `query` string (GET, APQ-by-hash, multipart: never);
 * - every datum it used came from the cross-request cache: no upstream call (of any request)
 *   finished while it ran. It then depends exactly on the generations of the cached values it
 *   read (each program's enrollments or groups, the event list): a write, a remote invalidation
 *   or a patch bumps one, and the answer is outdated from then on.
 * Its key is the caller's role, the headers that change how Apollo answers (content type, accept,
 * CSRF preflight, cost debug) and the raw request body (document, variables, operation name,
 * extensions): a document refused for a caller never has an entry under that caller's role.
 */
export interface ResponseCacheOptions {
  ttlS: number;
  /** Bound of the stored answers' bytes (LRU). */
  maxBytes: number;
  /** Adds `extensions.responseCache: { hit }` to the answers it looked up. */
  debug: boolean;
  /** The data's generations: the cross-request cache's. */
  versions: { generation(scope: DataScope, programId: string | null): number };
  /** Clock in epoch ms (the cross-request cache's; tests move it). */
  now?: () => number;
  /** Hits and misses, for /metrics. */
  onLookup?: (hit: boolean) => void;
}

/** What the cross-request cache keeps (its CacheScope; the server does not import the cache). */
export type DataScope = 'enrollments' | 'groups' | 'events';

/** A value of the cross-request cache read by an answer, with the generation it had. */
type Read = readonly [scope: DataScope, programId: string | null, generation: number];

interface Entry {
  /** The request body it answers, byte for byte. */
  request: Buffer;
  /** Apollo's answer as it was sent, written as is by a hit. */
  body: Buffer;
  /** Apollo's headers, `cache-control: no-store` and the body's content-length, ready for writeHead. */
  headers: Record<string, string>;
  reads: readonly Read[];
}

/** What one request did that decides whether its answer may be kept. */
export class ResponseRecording {
  readonly reads: Read[] = [];
  /** Set by the plugin: a query answered without errors reading only cacheable fields. */
  isCacheable = false;

  constructor(
    readonly key: string,
    /** The request body (copied when kept: a parser chunk may hold more than this body). */
    readonly request: Buffer,
    /** The process's count of finished upstream calls when the request started. */
    readonly upstreamCallsBefore: number,
  ) {}

  /** For CrossRequestCache.observed. */
  readonly onRead = (scope: DataScope, programId: string | null, generation: number): void => {
    this.reads.push([scope, programId, generation]);
  };
}

/** Bytes of the request body's start and of its end that enter the key (keyOf). */
const KEY_SAMPLE_BYTES = 128;

/** Per stored answer beyond its bytes and key: the entry, its reads, the LRU's bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 256;

export class ResponseCache {
  readonly debug: boolean;
  private readonly lru: LRUCache<string, Entry>;
  /**
   * Upstream calls finished in this process. Counted for all requests, not per request: a read
   * coalesced with another request's identical call (flip/coalesce.ts) is reported once, for the
   * request that started it, yet both use its data.
   */
  private upstreamCalls = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    this.debug = options.debug;
    const now = options.now ?? Date.now;
    this.lru = new LRUCache<string, Entry>({
      maxSize: Math.max(1, options.maxBytes),
      sizeCalculation: (entry, key) =>
        entry.request.length + entry.body.length + key.length + ENTRY_OVERHEAD_BYTES,
      ttl: options.ttlS * 1000,
      ttlResolution: 0,
      perf: { now },
    });
  }

  /**
   * The key of a POST's raw body (undefined for other methods), computed before the body is
   * parsed, so that a hit needs no JSON.parse: an entry exists under it only once the same bytes,
   * with the same headers and role, passed trusted documents and were answered (see mayKeep).
   * The key holds the role and headers in full but only the body's length and its first and last
   * KEY_SAMPLE_BYTES (as latin1, one character per byte), which is cheaper to hash; lookup then
   * compares the whole body with the bytes the entry was made for. Two bodies sharing a key only
   * take each other's place (misses), never each other's answers.
   */
  keyOf(req: IncomingMessage, raw: Buffer, caller: Caller | null): string | undefined {
    if (req.method !== 'POST') return undefined;
    const h = req.headers;
    const preflight =
      h['apollo-require-preflight'] !== undefined || h['x-apollo-operation-name'] !== undefined;
    const answerHeaders = `${h['content-type'] ?? ''}\n${h.accept ?? ''}\n${h[COST_DEBUG_HEADER] ?? ''}`;
    const sample =
      raw.length <= 2 * KEY_SAMPLE_BYTES
        ? raw.toString('latin1')
        : `${raw.toString('latin1', 0, KEY_SAMPLE_BYTES)}\n${raw.toString('latin1', raw.length - KEY_SAMPLE_BYTES)}`;
    return `${caller?.role ?? '-'}\n${answerHeaders}\n${preflight ? 1 : 0}\n${raw.length}\n${sample}`;
  }

  /**
   * Whether a missed request may be recorded: only a JSON object with a `query` string (after
   * trusted documents put the document in place of its id); APQ-by-hash and others never.
   */
  mayKeep(json: unknown): boolean {
    return (
      json !== null && typeof json === 'object' && typeof (json as { query?: unknown }).query === 'string'
    );
  }

  /** The stored answer when all it read is unchanged; an outdated one is dropped. */
  lookup(key: string, raw: Buffer): Entry | undefined {
    const found = this.lru.get(key);
    // Another body with the same key (see keyOf): a miss, whose answer will take its place.
    const entry = found?.request.equals(raw) ? found : undefined;
    const isCurrent = entry !== undefined && this.isCurrent(entry.reads);
    if (entry && !isCurrent) this.lru.delete(key);
    this.options.onLookup?.(isCurrent);
    return isCurrent ? entry : undefined;
  }

  /** Starts recording what the request reads. */
  begin(key: string, raw: Buffer): ResponseRecording {
    return new ResponseRecording(key, raw, this.upstreamCalls);
  }

  /** An upstream call finished (createFlipClients' onUpstreamCall, before anyone gets its data). */
  noteUpstreamCall(): void {
    this.upstreamCalls++;
  }

  /** Keeps the request's answer when it may be kept (see the file comment). */
  end(
    recording: ResponseRecording,
    answer: { status: number; headers: Iterable<readonly [string, string]>; body: string },
  ): void {
    if (answer.status !== 200 || !recording.isCacheable) return;
    // Flip answered while it ran: its answer may hold data no generation follows.
    if (this.upstreamCalls !== recording.upstreamCallsBefore) return;
    // Changed while it ran: it may hold a value from before the change.
    if (!this.isCurrent(recording.reads)) return;
    const body = Buffer.from(answer.body, 'utf8');
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    for (const [name, value] of answer.headers) headers[name.toLowerCase()] = value;
    headers['content-length'] = String(body.length);
    const request = Buffer.from(recording.request);
    this.lru.set(recording.key, { request, body, headers, reads: recording.reads });
  }

  private isCurrent(reads: readonly Read[]): boolean {
    const { versions } = this.options;
    for (const [scope, programId, generation] of reads) {
      if (versions.generation(scope, programId) !== generation) return false;
    }
    return true;
  }
}

/** The answer with `extensions.responseCache: { hit }` (RESPONSE_CACHE_DEBUG=true only). */
export function withHitExtension(body: string, hit: boolean): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return body;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return body;
  const answer = json as { extensions?: Record<string, unknown> };
  answer.extensions = { ...answer.extensions, responseCache: { hit } };
  return `${JSON.stringify(answer)}\n`;
}
