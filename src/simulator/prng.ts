/**
 * Deterministic randomness for the seed and for ids the simulator mints at run time.
 * mulberry32: tiny, fast and good enough for synthetic data (not for anything secret).
 */

export type Rng = () => number;

/** A PRNG yielding floats in [0, 1); the same seed yields the same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stateless hash of integers to [0, 1): telemetry noise must not depend on call order. */
export function hash01(a: number, b: number, c = 0): number {
  let h = mix(0x811c9dc5, a);
  h = mix(h, b);
  h = mix(h, c);
  return (h >>> 0) / 4294967296;
}

function mix(h: number, p: number): number {
  h = Math.imul(h ^ (p | 0), 0x01000193);
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
  return h ^ (h >>> 15);
}

/** FNV-1a of a string, for hashing ids into hash01. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-4-shaped uuid drawn from the PRNG, so seeded ids repeat across starts. */
export function uuidFrom(rng: Rng): string {
  // join() yields one flat string; `+=` would leave a rope of 20 nodes per id in memory.
  const parts: string[] = [];
  for (let i = 0; i < 16; i++) {
    let byte = Math.floor(rng() * 256);
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    if (i === 8) byte = (byte & 0x3f) | 0x80;
    parts.push(HEX[byte] as string);
    if (i === 3 || i === 5 || i === 7 || i === 9) parts.push('-');
  }
  return parts.join('');
}

/** Picks one item; weights are relative. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}
