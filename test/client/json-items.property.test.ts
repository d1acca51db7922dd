import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonItemSplitter, MalformedJson } from '../../src/flip/json-items.js';

// Issue 18 §2: the list splitter (json-items.ts) must give, for any chunking of any body, what
// JSON.parse of the whole body gives: the items of `enrollments`, or a rejection. Bodies are
// generated like Flip's (id and status first, so the quick signature path engages) with strings
// full of quotes, escapes, braces, commas, item signatures and multi-byte characters, nested
// objects, other key orders, any JSON value as an item, minified or pretty-printed, with other
// keys around the array; split at every byte, at random multi-way points, cut short, corrupted.
// Before the redesign, splitting right after an item's `}` or its comma, while the exact scanner
// read that chunk, left the next run starting at `,`: a valid body rejected as "not JSON".

const KEY = 'enrollments';
type Outcome = unknown[] | 'rejected';

/** What JSON.parse of the whole body says the list is. */
function reference(body: Buffer): Outcome {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'rejected';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'rejected';
  const list = (value as Record<string, unknown>)[KEY];
  return Array.isArray(list) ? list : 'rejected';
}

/** What the splitter makes of the body written in these chunks. */
function split(chunks: Buffer[]): Outcome {
  const got: unknown[] = [];
  try {
    const splitter = createJsonItemSplitter(KEY, (items, first) => {
      if (first !== got.length) throw new Error(`items handed on at ${first}, expected ${got.length}`);
      got.push(...items);
    });
    for (const chunk of chunks) splitter.write(chunk);
    const { items } = splitter.end();
    if (items !== got.length) throw new Error(`end() counted ${items} items, ${got.length} handed on`);
    return got;
  } catch (e) {
    if (e instanceof MalformedJson) return 'rejected';
    throw e;
  }
}

/** The body cut at these byte offsets (any order, repeats allowed: empty chunks too). */
function cut(body: Buffer, at: number[]): Buffer[] {
  const points = [0, ...at.map((p) => p % (body.length + 1)).sort((a, b) => a - b), body.length];
  return points.slice(1).map((p, i) => body.subarray(points[i], p));
}

const FRAGMENTS = [
  '"',
  '\\',
  '\\"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ' ',
  '\n',
  '},{',
  '{"id":"',
  '{"id":"x","status":',
  ',{"id":"e","status":"ACTIVE"}',
  '"]}',
  'é',
  'ü',
  '€',
  '😀',
  '\u2028',
  '\u0000',
];

const tricky = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''));

const nested = fc.record(
  { id: tricky, status: fc.option(tricky), type: fc.constantFrom('BATTERY', 'EV_CHARGER') },
  { requiredKeys: ['id', 'type'] },
);

/** An enrollment as Flip writes it: id and status first. */
const enrollment = fc.record({
  id: tricky,
  status: fc.constantFrom('ACTIVE', 'PAUSED', 'PENDING'),
  note: fc.option(tricky),
  site: fc.record({ id: tricky, city: tricky, groups: fc.array(nested, { maxLength: 2 }) }),
  devices: fc.array(nested, { maxLength: 2 }),
  capacity: fc.option(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
});

const item = fc.oneof(
  { arbitrary: enrollment, weight: 8 },
  { arbitrary: enrollment.map((e) => ({ status: e.status, site: e.site, id: e.id })), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

const spacing = fc.constantFrom<(v: unknown) => string>(
  (v) => JSON.stringify(v),
  (v) => JSON.stringify(v, null, 2),
  (v) => JSON.stringify(v, null, '\t'),
);

const around = fc.dictionary(fc.constantFrom('count', 'next', 'meta', 'x'), fc.jsonValue({ maxDepth: 2 }), {
  maxKeys: 2,
});

/** A body holding the generated items, with maybe other keys before and after the array. */
const body = fc
  .record({ items: fc.array(item, { maxLength: 6 }), before: around, after: around, print: spacing })
  .map(({ items, before, after, print }) => {
    const envelope = { ...before, [KEY]: items, ...after };
    return { items, bytes: Buffer.from(print(envelope)) };
  });

describe('the streamed list splitter against JSON.parse', () => {
  it('gives the items of the whole body whatever byte it is split at', () => {
    fc.assert(
      fc.property(body, ({ items, bytes }) => {
        const expected = JSON.parse(JSON.stringify(items)) as unknown[];
        for (let at = 0; at <= bytes.length; at++) {
          expect(split([bytes.subarray(0, at), bytes.subarray(at)])).toEqual(expected);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('gives the items of the whole body in random multi-way splits', () => {
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 40 }), ({ bytes }, at) => {
        expect(split(cut(bytes, at))).toEqual(reference(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('reads a long list written byte by byte and in chunks of every size up to 64', () => {
    fc.assert(
      fc.property(fc.array(enrollment, { minLength: 20, maxLength: 40 }), (items) => {
        const bytes = Buffer.from(JSON.stringify({ [KEY]: items }));
        const expected = reference(bytes);
        for (let size = 1; size <= 64; size++) {
          const chunks: Buffer[] = [];
          for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
          expect(split(chunks)).toEqual(expected);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('rejects every body cut short, whatever the chunking', () => {
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 8 }), ({ bytes }, at) => {
        for (let end = 0; end < bytes.length; end++) {
          const short = bytes.subarray(0, end);
          // Trailing whitespace cut off leaves the body whole: then it is read as JSON.parse reads it.
          expect(split(cut(short, at))).toEqual(reference(short));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('names the missing list when the body is JSON without it, whatever the chunking', () => {
    const unkeyed = fc.record({ before: around, list: fc.array(item, { maxLength: 3 }), print: spacing });
    fc.assert(
      fc.property(unkeyed, fc.array(fc.nat(), { maxLength: 20 }), ({ before, list, print }, at) => {
        const bytes = Buffer.from(print({ ...before, items: list }));
        const splitter = createJsonItemSplitter(KEY, () => {
          throw new Error('no items expected');
        });
        expect(() => {
          for (const chunk of cut(bytes, at)) splitter.write(chunk);
          splitter.end();
        }).toThrow(new MalformedJson(`unexpected shape at ${KEY}`));
      }),
      { numRuns: 200 },
    );
  });

  const corruption = fc.record({
    at: fc.nat(),
    how: fc.constantFrom('replace', 'insert', 'delete'),
    byte: fc.constantFrom(...Buffer.from('{}[]",:\\ 0a-.tne\x00').values(), 0xc3, 0x80, 0xff),
  });

  it('agrees with JSON.parse on corrupted bodies: rejected when not JSON, the same items when JSON', () => {
    fc.assert(
      fc.property(body, corruption, fc.array(fc.nat(), { maxLength: 8 }), ({ bytes }, c, at) => {
        const i = c.at % Math.max(bytes.length, 1);
        const head = bytes.subarray(0, i);
        const bad = Buffer.concat(
          c.how === 'replace'
            ? [head, Buffer.from([c.byte]), bytes.subarray(i + 1)]
            : c.how === 'insert'
              ? [head, Buffer.from([c.byte]), bytes.subarray(i)]
              : [head, bytes.subarray(i + 1)],
        );
        expect(split(cut(bad, at))).toEqual(reference(bad));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a character split between chunks in any of its bytes', () => {
    const bytes = Buffer.from(JSON.stringify({ [KEY]: [{ id: 'é€😀', status: 'ACTIVE' }, { id: '😀' }] }));
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b++) {
        expect(split(cut(bytes, [a, b]))).toEqual(reference(bytes));
      }
    }
  });
});
