import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const REAL = {
  FLIP_UTILITY_API_URL: 'https://api-utility-sandbox.flip.energy',
  FLIP_UTILITY_API_KEY: 'fl_0123456789abcdef',
  FLIP_PROGRAMS: 'p1=Peak Saver,p2',
};

describe('loadConfig', () => {
  it('defaults to port 4000 on 127.0.0.1 with the embedded simulator', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', upstream: undefined, ide: true });
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it('runs one process in development and tests, one worker per core in production, WORKERS otherwise', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test' }).workers).toBe(1);
    expect(
      loadConfig({ NODE_ENV: 'production', ...REAL, GRAPHQL_API_KEYS: 'k0123456789abcdef:admin' }).workers,
    ).toBe(os.availableParallelism());
    expect(loadConfig({ WORKERS: '3' }).workers).toBe(3);
    expect(errorOf({ WORKERS: '0' })).toMatch(/WORKERS.*must be an integer from 1 to 256/);
  });

  it('parses programs as id or id=Display name', () => {
    expect(loadConfig(REAL).upstream?.programs).toEqual([
      { id: 'p1', name: 'Peak Saver' },
      { id: 'p2', name: 'p2' },
    ]);
  });

  it('names the variable and the problem in one line', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535'],
      [{ PORT: '70000' }, 'PORT must be an integer'],
      [{ ...REAL, FLIP_UTILITY_API_URL: 'ftp://x' }, 'FLIP_UTILITY_API_URL must be an http(s) URL'],
      [{ ...REAL, FLIP_PROGRAMS: '' }, 'FLIP_PROGRAMS is required'],
      [{ ...REAL, FLIP_PROGRAMS: 'a,a' }, 'FLIP_PROGRAMS lists program "a" twice'],
      [{ ...REAL, FLIP_UTILITY_API_KEY: '' }, 'FLIP_UTILITY_API_KEY is required'],
      [{ ...REAL, FLIP_OAUTH_CLIENT_ID: 'id' }, 'are both set'],
      [{ FLIP_UTILITY_API_KEY: 'fl_x' }, 'FLIP_UTILITY_API_KEY is set but FLIP_UTILITY_API_URL is not'],
      [{ REDIS_URL: 'http://x' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
      [{ ALLOW_ANONYMOUS: 'maybe' }, 'ALLOW_ANONYMOUS must be true or false'],
      [{ TRUSTED_DOCUMENTS: 'maybe' }, 'TRUSTED_DOCUMENTS'],
    ];
    for (const [env, expected] of cases) {
      const message = errorOf(env);
      expect(message).toContain(expected);
      expect(message).not.toContain('\n');
    }
  });

  it('never echoes a secret in its error', () => {
    const message = errorOf({ GRAPHQL_API_KEYS: 'super-secret-key-value:emperor' });
    expect(message).toContain('GRAPHQL_API_KEYS');
    expect(message).not.toContain('super-secret-key-value');
  });

  it('accepts OAuth client credentials with the default token URL', () => {
    const { FLIP_UTILITY_API_KEY: _omit, ...rest } = REAL;
    const config = loadConfig({ ...rest, FLIP_OAUTH_CLIENT_ID: 'cid', FLIP_OAUTH_CLIENT_SECRET: 'secret' });
    expect(config.upstream?.oauth).toEqual({
      clientId: 'cid',
      clientSecret: 'secret',
      tokenUrl: 'https://oauth.flip.energy/token',
    });
  });

  it('turns the IDE and introspection off in production unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ ide: false, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_IDE: 'true' }).ide).toBe(true);
  });
});
