import { randomUUID } from 'node:crypto';
import {
  arrayStart,
  BACKSLASH,
  CLOSE_ARRAY,
  COMMA,
  type EnvelopeScan,
  isSpace,
  MalformedJson,
  NOT_JSON,
  QUOTE,
  skipSpace,
  valueEnd,
  type ValueScan,
} from './json-scan.js';

export { MalformedJson } from './json-scan.js';

/**
 * Reads a JSON body of the shape `{ ..., "<key>": [ item, item, ... ], ... }` while it arrives:
 * after each chunk, the items that chunk completed are parsed (one JSON.parse per run of items)
 * and handed on, so a 60 MB enrollment list is parsed, validated and mapped during its download
 * and never held whole (issue 9: a 50,000-site program cold in under 2 s). Everything around
 * the array (the envelope: other keys, the closing brace) is checked with JSON.parse at the end.
 *
 * The invariant (issue 18 §2): a run of items is handed on only from an item start that the exact
 * scanner found (`Run.start`), up to the end of a whole item; its bytes, and the separators before
 * the next item, are dropped only after the hand-over. Finding where items end, two ways:
 * - exact: the pure boundary scanners of json-scan.ts, resumed from where the last chunk stopped;
 * - quick: Flip writes every item with the same first two keys (`{"id":"…","status":`), so the
 *   last such item start in the buffer, found with Buffer.lastIndexOf, proposes a run from the
 *   pending item start to the comma before it. JSON.parse of the run is the proof: it starts at an
 *   item start, so it parses only if it is exactly a sequence of whole items (a comma inside an
 *   item leaves a string or a bracket open). A proposal that does not parse is dropped, and the
 *   exact scanner reads the chunk. Scanning every byte in JavaScript cost about 200 ms of a cold
 *   50,000-item list on this machine; the quick way a few milliseconds.
 *
 * Why not a streaming JSON library: the ones on npm (stream-json, @streamparser/json, jsonparse)
 * tokenize every byte in JavaScript and build values token by token, several times slower than
 * JSON.parse, which is what this leaves the parsing to.
 */

export interface JsonItemSplitter {
  /** Feeds the next bytes of the body. Throws MalformedJson when the bytes cannot be the shape. */
  write(chunk: Buffer): void;
  /** The body ended: hands on the last items, checks the envelope; returns the item count. */
  end(): { items: number };
}

/** Receives the items completed by one chunk, parsed, and the index of the first of them. */
export type OnItems = (items: unknown[], firstIndex: number) => void;

/** Item starts with the right first key but another second key (nested objects) tried per chunk. */
const MAX_CANDIDATES = 16;
const EMPTY = Buffer.alloc(0);

/** The bytes every item starts with (`{"id":"`) and those after its first value (`,"status":`). */
interface ItemSignature {
  start: Buffer;
  next: Buffer;
}

/**
 * Whole items in buf[start, end), `start` being an item start the exact scanner found. `count`:
 * how many the exact scanner saw; absent when the quick way proposes the run.
 */
interface Run {
  start: number;
  end: number;
  count?: number;
}

/** Between items: what may come next (besides whitespace). */
type Expect = 'first' | 'separator' | 'item';

export function createJsonItemSplitter(key: string, onItems: OnItems): JsonItemSplitter {
  let phase: 'envelope' | 'items' | 'after' = 'envelope';
  /** Bytes not yet handed on: the envelope so far, or the items phase from `pos` on. */
  let buf: Buffer = EMPTY;
  let envelope: EnvelopeScan = { pos: 0, at: 'object', isWanted: false };
  /**
   * The envelope: its bytes already scanned (kept for the check at the end, never copied again),
   * its text up to and including the array's `[`, and the bytes after the array's `]`.
   */
  const scanned: Buffer[] = [];
  let head = '';
  const tail: Buffer[] = [];
  /** Next byte the exact scanner reads; while an item is pending, that item's start. */
  let pos = 0;
  let expect: Expect = 'first';
  /** The item starting at `pos` is unfinished; the scan resumes there. */
  let pending: ValueScan | undefined;
  /** Whole items the exact scanner found since the last hand-over. */
  let run: Run | undefined;
  let items = 0;
  /** Learnt from the first item; null: the quick way is off (not objects, or keys unusual). */
  let signature: ItemSignature | null | undefined;

  /** Reads the envelope up to the array's `[`; false while it is not in yet. */
  function openArray(): boolean {
    const start = arrayStart(buf, key, envelope);
    if (typeof start !== 'number') {
      // Set the scanned bytes aside, so that a long envelope is not copied again with each chunk.
      scanned.push(buf.subarray(0, start.pos));
      buf = buf.subarray(start.pos);
      envelope = { ...start, pos: 0, ...(start.value && { value: { pos: 0, depth: start.value.depth } }) };
      return false;
    }
    head = Buffer.concat([...scanned, buf.subarray(0, start)]).toString('utf8');
    buf = buf.subarray(start);
    phase = 'items';
    return true;
  }

  /** The exact way: finds whole items from `pos` on, adding them to the run. */
  function scanItems(): void {
    for (;;) {
      if (pending) {
        const end = valueEnd(buf, pending);
        if (typeof end !== 'number') {
          pending = end;
          return;
        }
        if (run) [run.end, run.count] = [end, (run.count ?? 0) + 1];
        else run = { start: pos, end, count: 1 };
        [pending, pos, expect] = [undefined, end, 'separator'];
        continue;
      }
      pos = skipSpace(buf, pos);
      if (pos === buf.length) return;
      const b = buf[pos]!;
      if (b === CLOSE_ARRAY && expect !== 'item') {
        phase = 'after';
        return;
      }
      if (expect === 'separator') {
        if (b !== COMMA) throw new MalformedJson(NOT_JSON);
        [expect, pos] = ['item', pos + 1];
        continue;
      }
      if (b === COMMA || b === CLOSE_ARRAY) throw new MalformedJson(NOT_JSON);
      pending = { pos, depth: 0 };
    }
  }

  /**
   * The quick way: proposes the run from the pending item to the comma before the last
   * recognisable item start, and hands it over when it parses. True when it did.
   */
  function handOverQuickly(): boolean {
    if (!signature || !pending || run) return false;
    let from = buf.length;
    for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
      const start = buf.lastIndexOf(signature.start, from - 1);
      if (start <= pos) return false;
      from = start;
      const comma = commaBefore(start);
      if (comma <= pos || !isItemStart(start, signature)) continue;
      if (!handOver({ start: pos, end: comma })) return false;
      [pending, pos, expect] = [{ pos: start, depth: 0 }, start, 'item'];
      return true;
    }
    return false;
  }

  /** Parses a run and hands its items on; false when it is not exactly `count` whole items. */
  function handOver(r: Run): boolean {
    const parsed = parseRun(r.start, r.end);
    if (!parsed || (r.count !== undefined && parsed.length !== r.count)) return false;
    signature ??= signatureOf(parsed[0]);
    const first = items;
    items += parsed.length;
    onItems(parsed, first);
    return true;
  }

  function handOverRun(): void {
    if (run && !handOver(run)) throw new MalformedJson(NOT_JSON);
    run = undefined;
  }

  /** Drops the bytes before `pos` (handed on, or separators); after the array, keeps the rest. */
  function dropHandled(): void {
    if (phase === 'after') {
      tail.push(buf.subarray(pos + 1));
      [buf, pos] = [EMPTY, 0];
      return;
    }
    buf = buf.subarray(pos);
    if (pending) pending.pos -= pos;
    pos = 0;
  }

  /** `buf[at]` starts `{"<first key>":"<value without escapes>","<second key>":`. */
  function isItemStart(at: number, sig: ItemSignature): boolean {
    const valueEnd = buf.indexOf(QUOTE, at + sig.start.length);
    if (valueEnd === -1 || buf[valueEnd - 1] === BACKSLASH) return false;
    const next = valueEnd + 1;
    if (next + sig.next.length > buf.length) return false;
    return buf.compare(sig.next, 0, sig.next.length, next, next + sig.next.length) === 0;
  }

  /** The comma before `at` (whitespace allowed between), or -1. */
  function commaBefore(at: number): number {
    let i = at - 1;
    while (i >= 0 && isSpace(buf[i]!)) i--;
    return i >= 0 && buf[i] === COMMA ? i : -1;
  }

  /** buf[start, end) as a JSON array of items; undefined when it is not one. */
  function parseRun(start: number, end: number): unknown[] | undefined {
    try {
      const parsed: unknown = JSON.parse(`[${buf.toString('utf8', start, end)}]`);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** The envelope with the array emptied: JSON, and an object whose key is that array alone. */
  function checkEnvelope(): void {
    const mark = randomUUID();
    let value: unknown;
    try {
      value = JSON.parse(`${head}"${mark}"]${Buffer.concat(tail).toString('utf8')}`);
    } catch {
      throw new MalformedJson(NOT_JSON);
    }
    const list = (value as Record<string, unknown>)[key];
    // Not our array: the key came again later, and JSON.parse would take the later value.
    if (!Array.isArray(list) || list.length !== 1 || list[0] !== mark) {
      throw new MalformedJson(`unexpected shape at ${key}`);
    }
  }

  return {
    write(chunk) {
      if (phase === 'after') {
        tail.push(chunk);
        return;
      }
      // Only the unfinished item is carried over, so this copies little.
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      if (phase === 'envelope' && !openArray()) return;
      if (!handOverQuickly()) {
        scanItems();
        handOverRun();
      }
      dropHandled();
    },
    end() {
      if (phase === 'envelope') {
        // JSON but without the array: say so the way a schema would.
        const body = Buffer.concat([...scanned, buf]).toString('utf8');
        throw new MalformedJson(isJson(body) ? `unexpected shape at ${key}` : NOT_JSON);
      }
      if (phase === 'items') {
        // The bytes the quick way left, and the end of the array, go through the exact scanner.
        scanItems();
        handOverRun();
        if ((phase as string) !== 'after') throw new MalformedJson(NOT_JSON);
        dropHandled();
      }
      checkEnvelope();
      return { items };
    },
  };
}

/**
 * The quick way's signature, from the first item: its first two keys and a string first value,
 * as Flip writes them (no spaces). Null when the first item is not like that.
 */
function signatureOf(first: unknown): ItemSignature | null {
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return null;
  const [k1, k2] = Object.keys(first);
  if (k1 === undefined || k2 === undefined) return null;
  if (typeof (first as Record<string, unknown>)[k1] !== 'string') return null;
  return {
    start: Buffer.from(`{${JSON.stringify(k1)}:"`),
    next: Buffer.from(`,${JSON.stringify(k2)}:`),
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
