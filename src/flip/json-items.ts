/**
 * Reads a JSON body of the shape `{ ..., "<key>": [ item, item, ... ], ... }` while it arrives:
 * after each chunk, the items that chunk completed are parsed (one JSON.parse per run of items)
 * and handed on, so a 60 MB enrollment list is parsed, validated and mapped during its download
 * and never held whole (issue 9: a 50,000-site program cold in under 2 s). Everything around
 * the array (the envelope: other keys, the closing brace) is checked with JSON.parse at the end.
 *
 * Finding where items end, two ways:
 * - exact: a byte scanner tracking nesting and strings (used for the envelope, the first item,
 *   the end of the array, and whenever the quick way cannot decide);
 * - quick: Flip writes every item with the same first two keys (`{"id":"…","status":`), so the
 *   last such item start in the buffer, found with Buffer.lastIndexOf, is a candidate boundary.
 *   JSON.parse of the run up to it is the proof: the run starts at an item start, so it parses
 *   only if it is exactly a sequence of whole items. When it does not parse, or no candidate
 *   fits, the exact scanner reads the buffer instead. Scanning every byte in JavaScript cost
 *   about 200 ms of a cold 50,000-item list on this machine; the quick way a few milliseconds.
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

/** The body is not JSON, or not an object holding the key's array; `message` says which. */
export class MalformedJson extends Error {}

/** Receives the items completed by one chunk, parsed, and the index of the first of them. */
export type OnItems = (items: unknown[], firstIndex: number) => void;

const NOT_JSON = 'not JSON';
const TOP_LEVEL = 'unexpected shape at the top level';
/** Item starts with the right first key but another second key (nested objects) tried per chunk. */
const MAX_CANDIDATES = 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Where the reader is: before the array, between items, inside one, or after the array. */
type Mode = 'envelope' | 'between' | 'item' | 'after';

/** The bytes every item starts with (`{"id":"`) and those after its first value (`,"status":`). */
interface ItemSignature {
  start: Buffer;
  next: Buffer;
}

export function createJsonItemSplitter(key: string, onItems: OnItems): JsonItemSplitter {
  const wantedKey = JSON.stringify(key);
  let mode: Mode = 'envelope';
  /** Bytes not yet handed on: the envelope so far, or the items since the last hand-over. */
  let buf: Buffer = Buffer.alloc(0);
  /** Next byte of `buf` the exact scanner looks at. */
  let pos = 0;
  /** Nesting depth: of the envelope (mode envelope) or inside the current item (mode item). */
  let depth = 0;
  /** The envelope's text up to and including the array's `[`, then the bytes after its `]`. */
  let head = '';
  const tail: Buffer[] = [Buffer.from(']')];
  /** Envelope: the last string finished at depth 1, and whether a `:` followed it (a key). */
  let lastString = '';
  let isKeyPending = false;
  let currentKey: string | null = null;
  /** Between items: a comma was read, so an item must come next (no `[1,]`). */
  let isItemExpected = false;
  /** Items handed on so far; the run of whole items since, from buf[0] to buf[runEnd]. */
  let items = 0;
  let runCount = 0;
  let runEnd = 0;
  /** Where the item being scanned starts in `buf` (mode item). */
  let itemStart = 0;
  /** Learnt from the first item; null: the quick way is off (not objects, or keys unusual). */
  let signature: ItemSignature | null | undefined;

  function scan(): void {
    // Each step either moves on (mode or position) or waits for more bytes.
    for (;;) {
      const modeBefore: Mode = mode;
      const [posBefore, lengthBefore] = [pos, buf.length];
      if (mode === 'envelope') scanEnvelope();
      else if (mode === 'between') scanBetween();
      else if (mode === 'item') scanItem();
      // The scans move `mode` on (TypeScript cannot see that through the calls).
      if ((mode as Mode) === 'after') return;
      if (mode === modeBefore && pos === posBefore && buf.length === lengthBefore) return;
    }
  }

  /** Index of the quote closing the string whose opening quote is at `from - 1`; -1: not in yet. */
  function stringEnd(from: number): number {
    let i = from;
    for (;;) {
      const q = buf.indexOf(QUOTE, i);
      if (q === -1) return -1;
      let slashes = 0;
      for (let j = q - 1; j >= from && buf[j] === BACKSLASH; j--) slashes++;
      if (slashes % 2 === 0) return q;
      i = q + 1;
    }
  }

  /** Scans the envelope until the item array opens (mode is then `between`) or bytes run out. */
  function scanEnvelope(): void {
    while (pos < buf.length) {
      const b = buf[pos]!;
      if (b === QUOTE) {
        const end = stringEnd(pos + 1);
        if (end === -1) return;
        if (depth === 1) {
          lastString = buf.toString('utf8', pos, end + 1);
          isKeyPending = true;
        }
        pos = end + 1;
        continue;
      }
      if (isSpace(b)) {
        pos++;
        continue;
      }
      if (depth === 1 && isKeyPending) {
        isKeyPending = false;
        currentKey = b === COLON ? lastString : null;
      }
      if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (depth === 0 && b !== OPEN_OBJECT) throw new MalformedJson(TOP_LEVEL);
        if (depth === 1 && b === OPEN_ARRAY && currentKey === wantedKey) {
          pos++;
          head += buf.toString('utf8', 0, pos);
          consume(pos);
          mode = 'between';
          return;
        }
        depth++;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        depth--;
        if (depth < 0) throw new MalformedJson(NOT_JSON);
      } else if (depth === 0) {
        // A scalar at the top, or bytes after the closing brace.
        throw new MalformedJson(NOT_JSON);
      }
      pos++;
    }
  }

  /** Between items: whitespace, a comma, the array's end, or the start of the next item. */
  function scanBetween(): void {
    while (pos < buf.length) {
      const b = buf[pos]!;
      if (isSpace(b)) {
        pos++;
      } else if (b === COMMA) {
        if (isItemExpected || items + runCount === 0) throw new MalformedJson(NOT_JSON);
        isItemExpected = true;
        pos++;
      } else if (b === CLOSE_ARRAY) {
        if (isItemExpected) throw new MalformedJson(NOT_JSON);
        handOver();
        tail.push(buf.subarray(pos + 1));
        buf = Buffer.alloc(0);
        pos = 0;
        mode = 'after';
        return;
      } else {
        if (items + runCount > 0 && !isItemExpected) throw new MalformedJson(NOT_JSON);
        itemStart = pos;
        depth = 0;
        mode = 'item';
        return;
      }
    }
  }

  /**
   * Inside an item; adds it to the run once it is complete. One tight loop over the bytes,
   * strings included. An unfinished string is read again from its quote when more bytes come.
   */
  function scanItem(): void {
    const b = buf;
    const n = b.length;
    let i = pos;
    let d = depth;
    while (i < n) {
      const c = b[i]!;
      if (c === QUOTE) {
        let j = i + 1;
        while (j < n && b[j] !== QUOTE) j += b[j] === BACKSLASH ? 2 : 1;
        if (j >= n) break;
        i = j + 1;
        if (d === 0) return complete(i); // a string item: invalid for us, but JSON
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        d++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (d === 0) return complete(i); // a scalar item ended by the array's `]`
        if (--d === 0) return complete(i + 1);
      } else if (d === 0 && (c === COMMA || isSpace(c))) {
        return complete(i); // a scalar item: JSON.parse and the schema judge it
      }
      i++;
    }
    pos = i;
    depth = d;
  }

  function complete(end: number): void {
    pos = end;
    depth = 0;
    runEnd = end;
    runCount++;
    isItemExpected = false;
    mode = 'between';
  }

  /**
   * Parses the exact scanner's run of whole items and hands them on. Drops their bytes, and the
   * separators after them when an item has started: buf then begins with that item.
   */
  function handOver(): void {
    if (runCount === 0) return;
    const parsed = parseRun(runEnd);
    if (!parsed || parsed.length !== runCount) throw new MalformedJson(NOT_JSON);
    signature ??= signatureOf(parsed[0]);
    runCount = 0;
    consume(mode === 'item' ? itemStart : runEnd);
    emit(parsed);
  }

  /**
   * The quick way (see the top of the file): true when it handed on the whole items before the
   * last recognisable item start, leaving buf at that start (mode item).
   */
  function handOverQuickly(): boolean {
    // buf begins with the item being read (handOver and this leave it so).
    if (!signature || mode !== 'item' || runCount > 0) return false;
    let from = buf.length;
    for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
      const start = buf.lastIndexOf(signature.start, from - 1);
      if (start <= 0) return false;
      from = start;
      const comma = commaBefore(start);
      if (comma < 0 || !isItemStart(start, signature)) continue;
      const parsed = parseRun(comma);
      if (!parsed) return false;
      consume(start);
      [pos, depth, itemStart] = [0, 0, 0];
      emit(parsed);
      return true;
    }
    return false;
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

  /** buf[0, end) as a JSON array of items; undefined when it is not one. */
  function parseRun(end: number): unknown[] | undefined {
    try {
      const parsed: unknown = JSON.parse(`[${buf.toString('utf8', 0, end)}]`);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  function emit(parsed: unknown[]): void {
    const first = items;
    items += parsed.length;
    onItems(parsed, first);
  }

  /** Drops the first `n` bytes of `buf`; `pos` keeps pointing at the same byte. */
  function consume(n: number): void {
    buf = buf.subarray(n);
    pos -= n;
    itemStart -= n;
  }

  return {
    write(chunk) {
      if (mode === 'after') {
        tail.push(chunk);
        return;
      }
      // Only the unfinished item is carried over, so this copies little.
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      if (handOverQuickly()) return;
      scan();
      if ((mode as Mode) !== 'after') handOver();
    },
    end() {
      // The bytes the quick way left, and the end of the array, go through the exact scanner.
      if (mode === 'item' || mode === 'between') scan();
      if (mode === 'envelope') {
        // JSON but without the array: say so the way a schema would.
        throw new MalformedJson(isJson(buf.toString('utf8')) ? `unexpected shape at ${key}` : NOT_JSON);
      }
      if (mode !== 'after') throw new MalformedJson(NOT_JSON);
      if (!isJson(head + Buffer.concat(tail).toString('utf8'))) throw new MalformedJson(NOT_JSON);
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
