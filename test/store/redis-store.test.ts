import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { connectRedis, createRedisBus, createRedisStore, type JsonValue } from '../../src/store/index.js';
import { startRedis } from '../support/redis.js';
import { requireBinary } from '../support/system-binary.js';

// Skipped with the reason when redis-server is absent; with CI=true its absence fails the file.
const redisServer = requireBinary('redis-server', 'apt-get install redis-server');

async function connected(url: string) {
  const connection = await connectRedis(url);
  onTestFinished(() => connection.close());
  return connection;
}

describe('createRedisStore', redisServer.suite, () => {
  it('returns what was set, as JSON; absent keys are undefined', async () => {
    const redis = await startRedis();
    const store = createRedisStore((await connected(redis.url)).client);
    const value = { state: 'done', ids: ['a', 'b'], n: 1, ok: true, none: null };
    await store.set('k', value, 60);
    expect(await store.get('k')).toEqual(value);
    expect(await store.get('absent')).toBeUndefined();
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('lets exactly one of several instances claim a key with setIfAbsent', async () => {
    const redis = await startRedis();
    const stores = await Promise.all(
      [1, 2, 3].map(async () => createRedisStore((await connected(redis.url)).client)),
    );
    const claims = await Promise.all(stores.map((s, i) => s.setIfAbsent('key', `instance ${i}`, 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims.indexOf(true);
    for (const store of stores) expect(await store.get('key')).toBe(`instance ${winner}`);
  });

  it('keeps every member added to a set, from every instance, with the TTL', async () => {
    const redis = await startRedis();
    const [a, b] = await Promise.all(
      [1, 2].map(async () => createRedisStore((await connected(redis.url)).client)),
    );
    await Promise.all([a!.addMember('s', 'x', 60), b!.addMember('s', 'y', 60), a!.addMember('s', 'x', 60)]);
    expect((await b!.members('s')).sort()).toEqual(['x', 'y']);
    expect(await a!.members('absent')).toEqual([]);
    await a!.addMember('short', 'z', 0.05);
    await vi.waitFor(async () => expect(await a!.members('short')).toEqual([]), { timeout: 2_000 });
  });

  it('setField from several instances keeps every field; fields reads them all', async () => {
    const redis = await startRedis();
    const stores = await Promise.all(
      [1, 2, 3].map(async () => createRedisStore((await connected(redis.url)).client)),
    );
    expect(await stores[0]!.fields('r')).toEqual({});
    await Promise.all(stores.map((s, i) => s.setField('r', `f${i}`, { i }, 60)));
    expect(await stores[1]!.fields('r')).toEqual({ f0: { i: 0 }, f1: { i: 1 }, f2: { i: 2 } });
  });

  it('forgets a key once its TTL has passed', async () => {
    const redis = await startRedis();
    const store = createRedisStore((await connected(redis.url)).client);
    await store.set('k', 1, 0.05);
    expect(await store.setIfAbsent('k', 2, 60)).toBe(false);
    await vi.waitFor(async () => expect(await store.get('k')).toBeUndefined(), { timeout: 2_000 });
    expect(await store.setIfAbsent('k', 3, 60)).toBe(true);
  });

  it('rejects with UPSTREAM_UNAVAILABLE once Redis is gone, without waiting', async () => {
    const redis = await startRedis();
    const store = createRedisStore((await connected(redis.url)).client);
    await redis.close();
    for (const attempt of [
      () => store.get('k'),
      () => store.setIfAbsent('k', 1, 60),
      () => store.addMember('s', 'm', 60),
      () => store.members('s'),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    }
  });
});

describe('createRedisBus', redisServer.suite, () => {
  it('delivers a message to every other instance, never back to its sender', async () => {
    const redis = await startRedis();
    const [a, b] = await Promise.all([connected(redis.url), connected(redis.url)]);
    const busA = createRedisBus(a, 'test-channel');
    const busB = createRedisBus(b, 'test-channel');
    const heardByA: JsonValue[] = [];
    const heardByB: JsonValue[] = [];
    busA.subscribe((e) => void ('message' in e && heardByA.push(e.message)));
    busB.subscribe((e) => void ('message' in e && heardByB.push(e.message)));
    // Subscribing is asynchronous: publish until B hears, then check A never heard itself.
    await vi.waitFor(
      async () => {
        await busA.publish({ invalidate: ['enrollments:p1'] });
        expect(heardByB.length).toBeGreaterThan(0);
      },
      { timeout: 2_000 },
    );
    expect(heardByB[0]).toEqual({ invalidate: ['enrollments:p1'] });
    expect(heardByA).toEqual([]);
  });
});
