import { createHash, createPublicKey, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, importSPKI, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config, Role } from '../config.js';
import { ServiceError } from '../errors.js';

/** Who is calling: `key:<first 8 hex of the key's SHA-256>` for a static key, `sub` for a JWT. */
export interface Caller {
  id: string;
  role: Role;
  /** How the caller proved who it is: ids of different kinds never name the same caller. */
  kind: CallerKind;
}

export type CallerKind = 'api-key' | 'jwt';

export interface Authenticator {
  /**
   * Resolves the caller of an `Authorization` header value. Throws ServiceError: UNAUTHENTICATED
   * (missing, malformed, unknown or invalid token), FORBIDDEN (a valid JWT without a known role),
   * UPSTREAM_UNAVAILABLE (the JWKS could not be fetched). Messages never echo the token.
   */
  authenticate(authorization: string | undefined): Promise<Caller>;
}

type AuthConfig = Config['auth'];

/**
 * Rank used to pick one role out of a JWT's roles claim. operator and dispatcher are siblings
 * (neither implies the other); a token carrying both gets dispatcher, so give such callers admin.
 */
const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, dispatcher: 2, admin: 3 };
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const REMOTE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/** True when API keys or a JWT verifier are configured, i.e. callers must authenticate. */
export function isAuthConfigured(auth: AuthConfig): boolean {
  return auth.apiKeys.length > 0 || auth.jwt !== undefined;
}

/**
 * The secure default: on a real upstream, a service without caller auth refuses to start unless
 * ALLOW_ANONYMOUS=true. Throws an Error whose message is one line (main.ts prints it).
 */
export function assertAuthPolicy(config: Readonly<Config>): void {
  if (config.upstream && !isAuthConfigured(config.auth) && !config.auth.allowAnonymous) {
    throw new Error(
      'refusing to start: FLIP_UTILITY_API_URL is set but no caller auth is configured; set GRAPHQL_API_KEYS or JWT_JWKS_URL/JWT_PUBLIC_KEY (or ALLOW_ANONYMOUS=true to run without auth)',
    );
  }
}

/** Builds the authenticator, or undefined when auth is off. Throws on an unusable JWT key. */
export async function createAuthenticator(auth: AuthConfig): Promise<Authenticator | undefined> {
  if (!isAuthConfigured(auth)) return undefined;
  const keys = auth.apiKeys.map(({ key, role }) => ({ hash: sha256(key), role }));
  const verifyJwt = auth.jwt ? await createJwtVerifier(auth.jwt) : undefined;
  /**
   * Tokens that matched a configured key, so that a repeated caller skips the SHA-256 and the
   * comparisons (issue 20). Only a token equal to a configured key ever enters (its hash matched):
   * at most one entry per key, and a wrong key is always hashed and compared in full. Keys change
   * with the configuration, i.e. on restart only.
   */
  const verifiedKeys = new Map<string, Caller>();

  return {
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      const known = verifiedKeys.get(token);
      if (known) return known;
      const key = matchKey(keys, token);
      if (key) {
        verifiedKeys.set(token, key);
        return key;
      }
      if (verifyJwt && JWT_SHAPE.test(token)) return verifyJwt(token);
      throw new ServiceError('UNAUTHENTICATED', 'Invalid or expired token.');
    },
  };
}

function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw new ServiceError('UNAUTHENTICATED', 'Missing Authorization: Bearer token.');
  }
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) {
    throw new ServiceError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
  }
  return match[1];
}

/** Compares the token's hash with every key's hash in constant time, without stopping early. */
function matchKey(keys: { hash: Buffer; role: Role }[], token: string): Caller | undefined {
  const hash = sha256(token);
  let found: { hash: Buffer; role: Role } | undefined;
  for (const key of keys) {
    if (timingSafeEqual(key.hash, hash) && !found) found = key;
  }
  return found
    ? { id: `key:${found.hash.toString('hex').slice(0, 8)}`, role: found.role, kind: 'api-key' }
    : undefined;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

type JwtConfig = NonNullable<AuthConfig['jwt']>;

/** Verified JWTs kept (distinct tokens in use at once). */
const JWT_VERIFIED_MAX = 10_000;
/** Longest a verified JWT is trusted without checking its signature again. */
const JWT_VERIFIED_MAX_AGE_MS = 5 * 60_000;

async function createJwtVerifier(jwt: JwtConfig): Promise<(token: string) => Promise<Caller>> {
  // A token without `exp` would be valid forever: refused (issue 18 section 4).
  const options = { issuer: jwt.issuer, audience: jwt.audience, requiredClaims: ['exp'] };
  let verify: (token: string) => Promise<JWTPayload>;
  if (jwt.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(jwt.jwksUrl), { timeoutDuration: 5_000 });
    verify = async (token) =>
      (await jwtVerify(token, jwks, { ...options, algorithms: REMOTE_ALGORITHMS })).payload;
  } else {
    const { key, alg } = await importPublicKey(jwt.publicKey ?? '');
    verify = async (token) => (await jwtVerify(token, key, { ...options, algorithms: [alg] })).payload;
  }
  /**
   * Tokens verified recently, until their `exp` (issue 20): a repeated caller skips the signature
   * check. Bounded in entries and in age (a key dropped from the JWKS stops a cached token within
   * JWT_VERIFIED_MAX_AGE_MS); only tokens that verified enter, and the expiry is checked on every use.
   */
  const verified = new LRUCache<string, { caller: Caller; exp: number }>({
    max: JWT_VERIFIED_MAX,
    ttl: JWT_VERIFIED_MAX_AGE_MS,
  });
  return async (token) => {
    const cached = verified.get(token);
    if (cached) {
      // jose's rule: expired once the current second reaches `exp`.
      if (Math.floor(Date.now() / 1000) < cached.exp) return cached.caller;
      verified.delete(token);
      throw new ServiceError('UNAUTHENTICATED', 'The token has expired.');
    }
    const result = await verifyUncached(token);
    verified.set(token, result);
    return result.caller;
  };

  async function verifyUncached(token: string): Promise<{ caller: Caller; exp: number }> {
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (err) {
      throw jwtFailure(err);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new ServiceError('UNAUTHENTICATED', 'The token has no subject (sub).');
    }
    const role = highestRole(claimAt(payload, jwt.rolesClaim));
    if (!role) {
      throw new ServiceError('FORBIDDEN', `The token carries no known role in claim "${jwt.rolesClaim}".`);
    }
    // requiredClaims: ['exp'] made jose check that it is a number.
    return { caller: { id: payload.sub, role, kind: 'jwt' }, exp: payload.exp ?? 0 };
  }
}

/** The algorithm follows from the key: RSA -> RS256, EC P-256/P-384 -> ES256/ES384, Ed25519 -> EdDSA. */
async function importPublicKey(pem: string) {
  // Env files often carry the PEM on one line with literal "\n".
  const text = pem.replace(/\\n/g, '\n');
  let alg: string | undefined;
  try {
    const keyObject = createPublicKey(text);
    const curve = keyObject.asymmetricKeyDetails?.namedCurve;
    if (keyObject.asymmetricKeyType === 'rsa') alg = 'RS256';
    else if (keyObject.asymmetricKeyType === 'ed25519') alg = 'EdDSA';
    else if (keyObject.asymmetricKeyType === 'ec' && curve === 'prime256v1') alg = 'ES256';
    else if (keyObject.asymmetricKeyType === 'ec' && curve === 'secp384r1') alg = 'ES384';
  } catch {
    throw new Error('invalid configuration: JWT_PUBLIC_KEY is not a PEM public key (SPKI)');
  }
  if (!alg) {
    throw new Error('invalid configuration: JWT_PUBLIC_KEY must be an RSA, EC P-256/P-384 or Ed25519 key');
  }
  return { key: await importSPKI(text, alg), alg };
}

function jwtFailure(err: unknown): ServiceError {
  // A JWKS we cannot fetch is our outage, not the caller's bad token: 503, so clients keep it.
  const unreachable =
    !(err instanceof joseErrors.JOSEError) ||
    err instanceof joseErrors.JWKSTimeout ||
    err instanceof joseErrors.JWKSInvalid;
  if (unreachable) {
    return new ServiceError('UPSTREAM_UNAVAILABLE', 'Tokens cannot be verified right now; retry later.');
  }
  if (err instanceof joseErrors.JWTExpired)
    return new ServiceError('UNAUTHENTICATED', 'The token has expired.');
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'exp') {
    return new ServiceError('UNAUTHENTICATED', 'The token has no expiry (exp); tokens must expire.');
  }
  return new ServiceError('UNAUTHENTICATED', 'Invalid or expired token.');
}

/** The claim by its literal name (`https://example.com/roles`), else by dotted path (`realm_access.roles`). */
function claimAt(payload: JWTPayload, claim: string): unknown {
  if (claim in payload) return payload[claim];
  let value: unknown = payload;
  for (const part of claim.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function highestRole(claim: unknown): Role | undefined {
  const names =
    typeof claim === 'string'
      ? claim.split(/[\s,]+/)
      : Array.isArray(claim)
        ? claim.filter((v): v is string => typeof v === 'string')
        : [];
  let best: Role | undefined;
  for (const name of names) {
    const role = name.trim().toLowerCase() as Role;
    if (Object.hasOwn(ROLE_RANK, role) && (best === undefined || ROLE_RANK[role] > ROLE_RANK[best]))
      best = role;
  }
  return best;
}
