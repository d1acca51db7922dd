import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startSimulator } from '../../src/simulator/index.js';
import { startService } from '../support/start.js';

const VIEWER_KEY = 'viewer-key-0123456789abcdef';
const ADMIN_KEY = 'admin-key-0123456789abcdef';
const KEYS_ENV = { GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer,${ADMIN_KEY}:admin` };
const PROGRAMS = /* GraphQL */ `
  query Programs {
    programs {
      id
    }
  }
`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('caller auth with API keys', () => {
  it('answers 401 UNAUTHENTICATED with WWW-Authenticate when no token is sent', async () => {
    const service = await startService({ env: KEYS_ENV });
    const res = await service.gql(PROGRAMS);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toEqual({
      errors: [{ message: 'Missing Authorization: Bearer token.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(service.sim.journal.calls()).toEqual([]);
    expect(service.logs.find((l) => l.msg === 'request refused')).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers 401 for an unknown key and for another scheme, never echoing the token', async () => {
    const service = await startService({ env: KEYS_ENV });
    const unknown = await service.gql(PROGRAMS, undefined, bearer('not-a-known-key-0123456789'));
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const basic = await service.gql(PROGRAMS, undefined, { authorization: `Basic ${VIEWER_KEY}` });
    expect(basic.status).toBe(401);
    expect(JSON.stringify([unknown.body, basic.body])).not.toContain('0123456789');
  });

  it('lets a known key in and logs its caller id, not the key', async () => {
    const service = await startService({ env: KEYS_ENV });
    const res = await service.gql(PROGRAMS, undefined, bearer(VIEWER_KEY));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ programs: service.sim.programs.map((p) => ({ id: p.id })) });
    const line = service.logs.find((l) => l.msg === 'graphql operation');
    expect(line).toMatchObject({
      operationName: 'Programs',
      caller: expect.stringMatching(/^key:[0-9a-f]{8}$/),
    });
    expect(service.logText()).not.toContain(VIEWER_KEY);
    expect(service.logText()).not.toContain(ADMIN_KEY);
  });

  it('serves the IDE page to a browser without a token, but no operation', async () => {
    const service = await startService({ env: { ...KEYS_ENV, GRAPHQL_IDE: 'true' } });
    const page = await request(service.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    await page.body.dump();
    const sneaky = await request(`${service.graphqlUrl}?query=${encodeURIComponent('{ programs { id } }')}`, {
      headers: { accept: 'text/html;q=0.1, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(sneaky.statusCode).toBe(401);
    expect(await sneaky.body.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('#18: authenticates a GET that accepts HTML but carries a query, so its validation errors never map the schema', async () => {
    const service = await startService({ env: { ...KEYS_ENV, GRAPHQL_IDE: 'true' } });
    for (const accept of ['text/html', 'text/html;q=0.1, application/json', 'text/html, application/json']) {
      const probe = await request(
        `${service.graphqlUrl}?query=${encodeURIComponent('{ programz { idz } }')}`,
        {
          headers: { accept, 'apollo-require-preflight': 'true' },
        },
      );
      const text = await probe.body.text();
      expect([accept, probe.statusCode]).toEqual([accept, 401]);
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect(text).not.toContain('programz');
    }
  });
});

describe('caller auth with JWTs', () => {
  async function startWithJwt(extraEnv: Record<string, string> = {}) {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const service = await startService({
      env: {
        JWT_PUBLIC_KEY: await exportSPKI(publicKey),
        JWT_ISSUER: 'https://idp.test',
        JWT_AUDIENCE: 'flip-graphql',
        ...extraEnv,
      },
    });
    return { service, privateKey };
  }

  function sign(
    privateKey: CryptoKey,
    claims: Record<string, unknown>,
    options: { exp?: string; iss?: string } = {},
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('user-42')
      .setIssuer(options.iss ?? 'https://idp.test')
      .setAudience('flip-graphql')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(privateKey);
  }

  it('accepts a valid token and takes the highest known role of the claim', async () => {
    const { service, privateKey } = await startWithJwt();
    const token = await sign(privateKey, { roles: ['auditor', 'viewer', 'operator'] });
    const res = await service.gql(PROGRAMS, undefined, bearer(token));
    expect(res.status).toBe(200);
    expect(service.logs.find((l) => l.msg === 'graphql operation')).toMatchObject({ caller: 'user-42' });
    expect(service.logText()).not.toContain(token);
  });

  it('answers 401 for a wrong issuer, an expired token and a foreign signature', async () => {
    const { service, privateKey } = await startWithJwt();
    const other = await generateKeyPair('ES256');
    const tokens = [
      await sign(privateKey, { roles: 'admin' }, { iss: 'https://evil.test' }),
      await sign(privateKey, { roles: 'admin' }, { exp: '-1m' }),
      await sign(other.privateKey, { roles: 'admin' }),
    ];
    for (const token of tokens) {
      const res = await service.gql(PROGRAMS, undefined, bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('#18: answers 401 for a token without exp, signed by the right key', async () => {
    const { service, privateKey } = await startWithJwt();
    const forever = await new SignJWT({ roles: 'admin' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('user-42')
      .setIssuer('https://idp.test')
      .setAudience('flip-graphql')
      .setIssuedAt()
      .sign(privateKey);
    const res = await service.gql(PROGRAMS, undefined, bearer(forever));
    expect(res.status).toBe(401);
    expect(res.body.errors).toEqual([
      {
        message: 'The token has no expiry (exp); tokens must expire.',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('refuses a token once it has expired, though the same token was accepted before', async () => {
    const { service, privateKey } = await startWithJwt();
    // Verified tokens are remembered until their exp: the expiry must still hold.
    const exp = Math.floor(Date.now() / 1000) + 3;
    const token = await new SignJWT({ roles: 'viewer' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('user-42')
      .setIssuer('https://idp.test')
      .setAudience('flip-graphql')
      .setExpirationTime(exp)
      .sign(privateKey);
    expect((await service.gql(PROGRAMS, undefined, bearer(token))).status).toBe(200);
    expect((await service.gql(PROGRAMS, undefined, bearer(token))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 100));
    const res = await service.gql(PROGRAMS, undefined, bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.errors).toEqual([
      { message: 'The token has expired.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });

  it('answers 403 FORBIDDEN for a valid token without a known role', async () => {
    const { service, privateKey } = await startWithJwt({ JWT_ROLES_CLAIM: 'realm_access.roles' });
    const none = await service.gql(PROGRAMS, undefined, bearer(await sign(privateKey, { roles: ['admin'] })));
    expect(none.status).toBe(403);
    expect(none.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    const nested = await sign(privateKey, { realm_access: { roles: ['viewer'] } });
    expect((await service.gql(PROGRAMS, undefined, bearer(nested))).status).toBe(200);
  });
});

describe('secure defaults', () => {
  it('runs without auth on the embedded simulator and says so at start-up', async () => {
    const service = await startService();
    expect(service.logs.filter((l) => String(l.msg).startsWith('auth is off'))).toHaveLength(1);
    expect((await service.gql(PROGRAMS)).status).toBe(200);
  });

  it('refuses to start on a real upstream without caller auth, unless ALLOW_ANONYMOUS=true', async () => {
    const sim = await startSimulator({ port: 0, sites: 20 });
    try {
      const env = {
        PORT: '0',
        LOG_LEVEL: 'silent',
        FLIP_UTILITY_API_URL: sim.utilityUrl,
        FLIP_UTILITY_API_KEY: sim.utilityApiKey,
        FLIP_PROGRAMS: sim.programs.map((p) => p.id).join(','),
      };
      await expect(createApp(loadConfig(env))).rejects.toThrow(/^refusing to start: .*ALLOW_ANONYMOUS=true/);
      const app = await createApp(loadConfig({ ...env, ALLOW_ANONYMOUS: 'true' }));
      await app.close();
    } finally {
      await sim.close();
    }
  });

  it('refuses to start with an unusable JWT_PUBLIC_KEY', async () => {
    await expect(
      createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', JWT_PUBLIC_KEY: 'not a pem' })),
    ).rejects.toThrow('invalid configuration: JWT_PUBLIC_KEY is not a PEM public key (SPKI)');
  });
});
