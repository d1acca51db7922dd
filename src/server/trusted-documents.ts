import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Caller } from './auth.js';
import type { Logger } from './logger.js';

/**
 * Trusted documents (issue 14 §5): the persisted-documents manifest that `npm run codegen` emits
 * for the example operations (GraphQL Code Generator's client preset: `"sha256:<hex>"` ->
 * document), and the check http.ts runs on every /graphql request before Apollo parses anything.
 *
 * A document is named by its hash in either form: Apollo's `extensions.persistedQuery.sha256Hash`
 * (hex) or GraphQL over HTTP's `documentId` (`sha256:<hex>` or the bare hex), in a POST body or
 * GET parameters. A known hash becomes the manifest's document (any `query` sent with it must be
 * that document). With TRUSTED_DOCUMENTS=only, any other document is refused with
 * PERSISTED_QUERY_NOT_FOUND (HTTP 400), except from admin callers when
 * TRUSTED_DOCUMENTS_ADMIN_ANY=true; with `off` anything runs and the hashes still work.
 */

/** Where codegen writes the manifest; from src/server/ and dist/server/ alike. */
export const MANIFEST_URL = new URL('../../schema/client/persisted-documents.json', import.meta.url);

const Manifest = z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/), z.string().min(1));
const HEX = /^[0-9a-f]{64}$/;

/** hex sha256 -> document. */
export type TrustedManifest = ReadonlyMap<string, string>;

/**
 * Reads and checks the manifest: every key must be the sha256 of its document (the hash a client
 * sends is then also the one Apollo would compute). Throws on a missing or inconsistent file.
 */
export function loadTrustedManifest(url: URL = MANIFEST_URL): TrustedManifest {
  const entries = Manifest.parse(JSON.parse(readFileSync(url, 'utf8')));
  const manifest = new Map<string, string>();
  for (const [key, document] of Object.entries(entries)) {
    const hex = key.slice('sha256:'.length);
    if (sha256(document) !== hex) throw new Error(`persisted document ${key} does not match its hash`);
    manifest.set(hex, document);
  }
  return manifest;
}

/**
 * The check as configured. With `only` a missing or bad manifest stops the start-up; with `off`
 * it is logged and no hash is known (documents still run as sent).
 */
export function trustedDocumentsFor(
  settings: Config['trustedDocuments'],
  logger: Logger,
  url: URL = MANIFEST_URL,
): TrustedDocuments {
  if (settings.mode === 'only') return createTrustedDocuments(settings, loadTrustedManifest(url));
  try {
    return createTrustedDocuments(settings, loadTrustedManifest(url));
  } catch (err) {
    logger.warn({ err }, 'no persisted-documents manifest: persisted document ids are unknown');
    return createTrustedDocuments(settings, new Map());
  }
}

export type TrustedDecision =
  | { kind: 'pass'; search: string; body: unknown }
  | { kind: 'refuse'; status: 400; code: 'PERSISTED_QUERY_NOT_FOUND' | 'BAD_USER_INPUT'; message: string };

export interface TrustedDocuments {
  /** What to hand Apollo (the document put in place of its hash), or why to refuse the request. */
  check(request: { method: string; search: string; body: unknown; caller: Caller | null }): TrustedDecision;
}

/** The fields of a GraphQL request that name its document, from a POST body or GET parameters. */
interface Named {
  query?: string;
  documentId?: string;
  apqHash?: string;
}

export function createTrustedDocuments(
  settings: Config['trustedDocuments'],
  manifest: TrustedManifest,
): TrustedDocuments {
  return {
    check({ method, search, body, caller }) {
      const isGet = method === 'GET';
      const named = isGet ? namedInSearch(search) : namedInBody(body);
      if (named === null) return { kind: 'pass', search, body };
      const hash = named.documentId ?? named.apqHash;
      if (hash === undefined) {
        const mayRunAny = settings.mode === 'off' || (settings.adminAny && caller?.role === 'admin');
        if (mayRunAny || named.query === undefined) return { kind: 'pass', search, body };
        return refuse(
          'PERSISTED_QUERY_NOT_FOUND',
          'Only trusted documents run here: send a persisted document id (documentId or extensions.persistedQuery.sha256Hash), not the document.',
        );
      }
      const hex = hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash;
      const document = HEX.test(hex) ? manifest.get(hex) : undefined;
      if (document === undefined) {
        // Apollo's own persisted queries (registered by a client at run time) still work when
        // documents are not restricted; documentId is ours alone.
        if (settings.mode === 'off' && named.documentId === undefined) return { kind: 'pass', search, body };
        return refuse('PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this id.');
      }
      if (named.query !== undefined && named.query !== document)
        return refuse('BAD_USER_INPUT', 'The query sent differs from the trusted document with this id.');
      return isGet
        ? { kind: 'pass', search: withDocumentInSearch(search, document), body }
        : { kind: 'pass', search, body: withDocumentInBody(body as Record<string, unknown>, document) };
    },
  };
}

function refuse(code: 'PERSISTED_QUERY_NOT_FOUND' | 'BAD_USER_INPUT', message: string): TrustedDecision {
  return { kind: 'refuse', status: 400, code, message };
}

/** null: not an object body (Apollo answers it). */
function namedInBody(body: unknown): Named | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  return {
    query: typeof b.query === 'string' ? b.query : undefined,
    documentId: typeof b.documentId === 'string' ? b.documentId : undefined,
    apqHash: apqHashOf(b.extensions),
  };
}

function namedInSearch(search: string): Named {
  const params = new URLSearchParams(search);
  return {
    query: params.get('query') ?? undefined,
    documentId: params.get('documentId') ?? undefined,
    apqHash: apqHashOf(parseJson(params.get('extensions'))),
  };
}

function apqHashOf(extensions: unknown): string | undefined {
  const pq = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : undefined;
}

/** The request as Apollo should run it: the document, without the hash (not an Apollo APQ). */
function withDocumentInBody(body: Record<string, unknown>, document: string): Record<string, unknown> {
  const { documentId: _documentId, extensions, ...rest } = body;
  const others = withoutPersistedQuery(extensions);
  return { ...rest, query: document, ...(others ? { extensions: others } : {}) };
}

function withDocumentInSearch(search: string, document: string): string {
  const params = new URLSearchParams(search);
  params.delete('documentId');
  const others = withoutPersistedQuery(parseJson(params.get('extensions')));
  if (others) params.set('extensions', JSON.stringify(others));
  else params.delete('extensions');
  params.set('query', document);
  return `?${params.toString()}`;
}

function withoutPersistedQuery(extensions: unknown): Record<string, unknown> | undefined {
  if (extensions === null || typeof extensions !== 'object') return undefined;
  const { persistedQuery: _pq, ...others } = extensions as Record<string, unknown>;
  return Object.keys(others).length > 0 ? others : undefined;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
