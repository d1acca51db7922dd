import type { IncomingHttpHeaders } from 'node:http';
import { errorBody, SimHttpError, type SimResponse } from './http.js';
import { type Rng, uuidFrom } from './prng.js';

/**
 * Credentials of the simulated Flip. Fixed strings, so a developer can paste them from the
 * README; they open nothing but this simulator.
 */
export const SIM_UTILITY_API_KEY = 'fl_sim_utility_key_5f2a9c7e1b3d4068';
export const SIM_CLOUD_API_KEY = 'sim_cloud_client_token_8d41c0b7e2a95f36';
export const SIM_OAUTH_CLIENT = {
  clientId: 'sim-oauth-client-01',
  clientSecret: 'sim_oauth_secret_3c9e7a1f5b2d8046',
} as const;

export interface SimAuth {
  /** Throws 401 unless the bearer is the utility key or an unexpired token we issued. */
  checkUtility(headers: IncomingHttpHeaders): void;
  /** Throws 401 unless the bearer is the Cloud client token. */
  checkCloud(headers: IncomingHttpHeaders): void;
  /** POST /oauth/token (client credentials, form-encoded). */
  issueToken(body: unknown, headers: IncomingHttpHeaders): SimResponse;
}

export function createAuth(opts: { now: () => number; tokenTtlS: number; rng: Rng }): SimAuth {
  const expiries = new Map<string, number>();
  return {
    checkUtility(headers) {
      const token = bearerOf(headers);
      if (token === SIM_UTILITY_API_KEY) return;
      const expiresAt = token === undefined ? undefined : expiries.get(token);
      if (expiresAt !== undefined && expiresAt > opts.now()) return;
      throw new SimHttpError(
        401,
        errorBody(401, token === undefined ? 'Missing bearer token' : 'Invalid or expired bearer token'),
      );
    },
    checkCloud(headers) {
      if (bearerOf(headers) === SIM_CLOUD_API_KEY) return;
      // FastAPI style (REFERENCE.md 2.1): detail[] rather than the Utility API's code/message.
      throw new SimHttpError(401, {
        detail: [
          { loc: ['header', 'authorization'], msg: 'Invalid or missing client token', type: 'invalid_token' },
        ],
      });
    },
    issueToken(body, headers) {
      const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const basic = basicOf(headers);
      const clientId = basic?.id ?? form.client_id;
      const clientSecret = basic?.secret ?? form.client_secret;
      if (form.grant_type !== 'client_credentials') {
        return { status: 400, body: { error: 'unsupported_grant_type' } };
      }
      if (clientId !== SIM_OAUTH_CLIENT.clientId || clientSecret !== SIM_OAUTH_CLIENT.clientSecret) {
        return { status: 401, body: { error: 'invalid_client' } };
      }
      const token = `sim_at_${uuidFrom(opts.rng).replaceAll('-', '')}`;
      expiries.set(token, opts.now() + opts.tokenTtlS * 1000);
      return {
        status: 200,
        body: { access_token: token, token_type: 'Bearer', expires_in: opts.tokenTtlS },
        headers: { 'cache-control': 'no-store' },
      };
    },
  };
}

function bearerOf(headers: IncomingHttpHeaders): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return m?.[1];
}

/** RFC 6749 2.3.1 also allows client credentials in an HTTP Basic header. */
function basicOf(headers: IncomingHttpHeaders): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  if (at < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
}
