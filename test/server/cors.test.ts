import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startService } from '../support/start.js';

const KEY = 'cors-test-key-0123456789:viewer';
const TOKEN = KEY.split(':')[0]!;
const PAGE = 'http://localhost:5173';
const QUERY = JSON.stringify({ query: '{ programs { id } }' });

async function preflight(url: string, origin: string) {
  const res = await request(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
  await res.body.dump();
  return { status: res.statusCode, headers: res.headers };
}

async function post(url: string, headers: Record<string, string>) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: QUERY,
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: (await res.body.json()) as { data?: unknown },
  };
}

describe('CORS', () => {
  it('answers a preflight of an allowed origin before auth, with methods, headers, Vary and a max age', async () => {
    const service = await startService({ env: { GRAPHQL_API_KEYS: KEY, CORS_ORIGINS: PAGE } });
    const res = await preflight(service.graphqlUrl, PAGE);
    expect(res.status).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': PAGE,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    const allowed = String(res.headers['access-control-allow-headers']).split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'traceparent']),
    );
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('lets an allowed origin read an authenticated answer and refuses other origins', async () => {
    const service = await startService({ env: { GRAPHQL_API_KEYS: KEY, CORS_ORIGINS: PAGE } });
    const ok = await post(service.graphqlUrl, { origin: PAGE, authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toBeDefined();
    expect(ok.headers['access-control-allow-origin']).toBe(PAGE);
    expect(String(ok.headers.vary)).toMatch(/Origin/);

    const other = await preflight(service.graphqlUrl, 'http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherPost = await post(service.graphqlUrl, {
      origin: 'http://localhost:5174',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(otherPost.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows local dev servers on any port by default outside production, nothing in production', async () => {
    const dev = await startService();
    expect((await preflight(dev.graphqlUrl, 'http://localhost:3000')).status).toBe(204);
    expect(
      (await preflight(dev.graphqlUrl, 'http://127.0.0.1:5173')).headers['access-control-allow-origin'],
    ).toBe('http://127.0.0.1:5173');
    expect((await preflight(dev.graphqlUrl, 'http://localhost.evil.example:3000')).status).toBe(403);
    expect((await preflight(dev.graphqlUrl, 'https://localhost:3000')).status).toBe(403);
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
  });

  it('sends * without credentials when every origin is allowed and auth is off', async () => {
    const service = await startService({ env: { CORS_ORIGINS: '*' } });
    const res = await preflight(service.graphqlUrl, 'https://anywhere.example');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses * with caller auth and a malformed origin at start-up, naming CORS_ORIGINS', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*', GRAPHQL_API_KEYS: KEY })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: '*', GRAPHQL_API_KEYS: KEY })).toThrow(/CORS_ORIGINS .* not \*/);
    expect(() => loadConfig({ CORS_ORIGINS: 'localhost:3000' })).toThrow(/CORS_ORIGINS has "localhost:3000"/);
    expect(loadConfig({ CORS_ORIGINS: 'http://a.example, https://B.example:8443/' }).corsOrigins).toEqual([
      'http://a.example',
      'https://b.example:8443',
    ]);
  });
});
