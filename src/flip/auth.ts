import { raceAbort } from './coalesce.js';
import type { AuthProvider, HttpClient } from './http.js';
import { WireOAuthToken } from './wire.js';

/**
 * Credentials for an upstream. A key, secret or token never leaves this file except in the
 * Authorization header: errors and reports carry only codes, routes and statuses.
 */

/** REFERENCE.md 1.1: Flip advises refreshing at ~80 % of the token's lifetime. */
const REFRESH_AT_FRACTION = 0.8;

/** A static Bearer key (Utility `fl_...` key or Cloud client token); none = no header. */
export function createStaticKeyAuth(key: string | undefined): AuthProvider {
  const header = key ? `Bearer ${key}` : undefined;
  return {
    authorization: async () => header,
    // A static key that was refused will be refused again.
    shouldRetryAfter401: () => false,
  };
}

interface CachedToken {
  header: string;
  refreshAtMs: number;
  expiresAtMs: number;
}

/**
 * OAuth2 client credentials (REFERENCE.md 1.1): one token cached for all calls, refreshed once
 * 80 % of its lifetime has passed (concurrent callers share one token request), dropped after a
 * 401 so the single retry uses a fresh one. Token endpoint failures surface as the call's error.
 */
export function createOAuthAuth(options: {
  tokenClient: HttpClient;
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  now: () => number;
}): AuthProvider {
  const { tokenClient, now } = options;
  let current: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;

  function fetchToken(requestId: string): Promise<CachedToken> {
    const startedMs = now();
    return tokenClient.request({
      method: 'POST',
      endpoint: options.tokenEndpoint,
      path: '',
      form: {
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
      },
      // Asking for a token changes nothing upstream: retried like a read, never coalesced
      // by key (the single-flight below already shares it).
      safety: 'read',
      schema: WireOAuthToken,
      map: (w) => ({
        header: `Bearer ${w.access_token}`,
        refreshAtMs: startedMs + w.expires_in * 1000 * REFRESH_AT_FRACTION,
        expiresAtMs: startedMs + w.expires_in * 1000,
      }),
      opts: { requestId },
    });
  }

  function refresh(requestId: string): Promise<CachedToken> {
    pending ??= fetchToken(requestId)
      .then((token) => {
        current = token;
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  return {
    async authorization({ requestId, signal }) {
      const token = current;
      const nowMs = now();
      if (token && nowMs < token.refreshAtMs) return token.header;
      try {
        return (await raceAbort(refresh(requestId), signal)).header;
      } catch (e) {
        // Past 80 % but not expired: the old token still works while the token endpoint is down.
        if (token && now() < token.expiresAtMs && !signal?.aborted) return token.header;
        throw e;
      }
    },
    shouldRetryAfter401(sent) {
      if (current?.header === sent) current = undefined;
      return true;
    },
  };
}
