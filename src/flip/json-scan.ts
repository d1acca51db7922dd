/**
 * Boundary scanners over the bytes of a JSON text, for json-items.ts: pure functions of the bytes
 * and a position, answering where something ends or that the bytes stop first (need more, with
 * where to resume). They find boundaries and barely validate (arrayStart refuses bytes no JSON
 * object could have): JSON.parse judges what they delimit. They read bytes, not decoded text:
 * UTF-8 continuation bytes are >= 0x80, so no ASCII delimiter is ever found inside a multi-byte
 * character, and a character split between chunks is decoded once its bytes are joined.
 */

/** The body is not JSON, or not an object holding the key's array; `message` says which. */
export class MalformedJson extends Error {}

export const NOT_JSON = 'not JSON';
const TOP_LEVEL = 'unexpected shape at the top level';

/** Returned when the bytes end before the answer. */
export const NEED_MORE = -1;

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;

export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The first byte at or after `pos` that is not JSON whitespace; `buf.length` when none. */
export function skipSpace(buf: Buffer, pos: number): number {
  let i = pos;
  while (i < buf.length && isSpace(buf[i]!)) i++;
  return i;
}

/** Index of the quote closing the string that opens at `quote`, or NEED_MORE. */
export function stringEnd(buf: Buffer, quote: number): number {
  let i = quote + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, i);
    if (q === -1) return NEED_MORE;
    let slashes = 0;
    for (let j = q - 1; j > quote && buf[j] === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q;
    i = q + 1;
  }
}

/**
 * Where a value scan stopped for want of bytes: scanning again from `pos` with `depth` brackets
 * open, once more bytes are appended, gives the same answer as scanning the value from its start
 * (so a long value is read once, not once per chunk). `pos` is at an unfinished string's quote.
 */
export interface ValueScan {
  pos: number;
  depth: number;
}

/**
 * The end (index after the last byte) of the JSON value that `from` is inside, or where to resume.
 * Start a value at `b` with `{ pos: b, depth: 0 }`. A scalar ends at the first `,`, `]`, `}` or
 * whitespace, so one that reaches the end of the bytes needs more.
 */
export function valueEnd(buf: Buffer, from: ValueScan): number | ValueScan {
  const n = buf.length;
  let i = from.pos;
  let d = from.depth;
  while (i < n) {
    const c = buf[i]!;
    if (c === QUOTE) {
      let j = i + 1;
      while (j < n && buf[j] !== QUOTE) j += buf[j] === BACKSLASH ? 2 : 1;
      if (j >= n) return { pos: i, depth: d };
      i = j + 1;
      if (d === 0) return i;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      d++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (d === 0) return i; // a scalar ended by the enclosing bracket
      if (--d === 0) return i + 1;
    } else if (d === 0 && (c === COMMA || isSpace(c))) {
      return i;
    }
    i++;
  }
  // A scalar is rescanned from its start (it is short); anything else resumes here.
  return d === 0 ? from : { pos: i, depth: d };
}

/** Where the envelope scan is: what comes next at `pos`. */
export interface EnvelopeScan {
  pos: number;
  at: 'object' | 'key' | 'colon' | 'value' | 'next' | 'done';
  /** The key just read is the wanted one. */
  isWanted: boolean;
  /** A member's value being skipped. */
  value?: ValueScan;
}

/**
 * Scans the envelope from `from`: the index after the `[` opening the key's array, or where to
 * resume. Throws MalformedJson at bytes that cannot start or continue an object.
 */
export function arrayStart(buf: Buffer, key: string, from: EnvelopeScan): number | EnvelopeScan {
  let { pos, at, isWanted, value } = from;
  for (;;) {
    if (value) {
      const end = valueEnd(buf, value);
      // Resumes at end.pos: the bytes before it are scanned.
      if (typeof end !== 'number') return { pos: end.pos, at, isWanted, value: end };
      [pos, at, value] = [end, 'next', undefined];
    }
    pos = skipSpace(buf, pos);
    if (pos === buf.length) return { pos, at, isWanted };
    const b = buf[pos]!;
    if (at === 'object' && b === OPEN_OBJECT) {
      at = 'key';
    } else if (at === 'object') {
      throw new MalformedJson(b === OPEN_ARRAY ? TOP_LEVEL : NOT_JSON);
    } else if (at === 'key' && b === QUOTE) {
      const end = stringEnd(buf, pos);
      if (end === NEED_MORE) return { pos, at, isWanted };
      isWanted = decodeString(buf, pos, end + 1) === key;
      [pos, at] = [end + 1, 'colon'];
      continue;
    } else if ((at === 'key' || at === 'next') && b === CLOSE_OBJECT) {
      at = 'done';
    } else if (at === 'colon' && b === COLON) {
      at = 'value';
    } else if (at === 'value' && isWanted && b === OPEN_ARRAY) {
      return pos + 1;
    } else if (at === 'value') {
      value = { pos, depth: 0 };
      continue;
    } else if (at === 'next' && b === COMMA) {
      at = 'key';
    } else {
      // Bytes after the closing brace, or where no JSON could have them.
      throw new MalformedJson(NOT_JSON);
    }
    pos++;
  }
}

/** The JSON string in buf[start, end) (quotes included), decoded; throws MalformedJson. */
function decodeString(buf: Buffer, start: number, end: number): string {
  try {
    return JSON.parse(buf.toString('utf8', start, end)) as string;
  } catch {
    throw new MalformedJson(NOT_JSON);
  }
}
