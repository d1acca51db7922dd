import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/index.js';

function clock() {
  let ms = 1_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('createMemoryStore', () => {
  it('returns what was set, as a copy that round-tripped through JSON', async () => {
    const store = createMemoryStore();
    const value = { state: 'done', ids: ['a', 'b'], n: 1, ok: true, none: null };
    await store.set('k', value, 60);
    const read = await store.get('k');
    expect(read).toEqual(value);
    expect(read).not.toBe(value);
    expect(await store.get('absent')).toBeUndefined();
  });

  it('forgets a key once its TTL has passed', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    await store.set('k', 1, 10);
    c.advance(9_999);
    expect(await store.get('k')).toBe(1);
    c.advance(2);
    expect(await store.get('k')).toBeUndefined();
  });

  it('setIfAbsent stores only when the key is absent or expired', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    expect(await store.setIfAbsent('k', 'first', 5)).toBe(true);
    expect(await store.setIfAbsent('k', 'second', 5)).toBe(false);
    expect(await store.get('k')).toBe('first');
    c.advance(5_001);
    expect(await store.setIfAbsent('k', 'third', 5)).toBe(true);
    expect(await store.get('k')).toBe('third');
  });

  it('gives exactly one of many concurrent claimers the key', async () => {
    const store = createMemoryStore();
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent('k', i, 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('deletes a key, and deleting an absent one is no error', async () => {
    const store = createMemoryStore();
    await store.set('k', 'v', 60);
    await store.delete('k');
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('#13: refuses a new key when full instead of dropping a live one, and takes keys again once one expired', async () => {
    const c = clock();
    const store = createMemoryStore({ maxEntries: 2, now: c.now });
    await store.set('a', 1, 10);
    await store.addMember('s', 'm', 20);
    await expect(store.setIfAbsent('b', 2, 10)).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterS: 10 },
    });
    await expect(store.set('b', 2, 10)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    // Live keys are untouched and may still be replaced.
    await store.set('a', 3, 10);
    expect([await store.get('a'), await store.members('s')]).toEqual([3, ['m']]);
    c.advance(10_001);
    expect(await store.setIfAbsent('b', 2, 10)).toBe(true);
    expect([await store.get('a'), await store.get('b')]).toEqual([undefined, 2]);
  });

  it('keeps a set of members for its TTL, extended by each add', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    expect(await store.members('s')).toEqual([]);
    await store.addMember('s', 'x', 10);
    c.advance(5_000);
    await store.addMember('s', 'y', 10);
    await store.addMember('s', 'x', 10);
    c.advance(9_000);
    expect((await store.members('s')).sort()).toEqual(['x', 'y']);
    c.advance(1_001);
    expect(await store.members('s')).toEqual([]);
  });

  it('setField keeps the other fields of the record; fields reads them all until the TTL passes', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    expect(await store.fields('r')).toEqual({});
    await store.setField('r', 'a', { n: 1 }, 10);
    await store.setField('r', 'b', 'two', 10);
    await store.setField('r', 'a', { n: 3 }, 10);
    expect(await store.fields('r')).toEqual({ a: { n: 3 }, b: 'two' });
    c.advance(10_001);
    expect(await store.fields('r')).toEqual({});
  });
});
