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

  it('drops the least recently used entry beyond maxEntries', async () => {
    const store = createMemoryStore({ maxEntries: 2 });
    await store.set('a', 1, 60);
    await store.set('b', 2, 60);
    await store.get('a');
    await store.set('c', 3, 60);
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([1, undefined, 3]);
  });
});
