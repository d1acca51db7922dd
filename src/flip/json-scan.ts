/**
 * Boundary scanners over the bytes of a JSON text, for json-items.ts: pure functions of the bytes
 * and a position, answering where something ends or that the bytes stop first (need more). They
 * find boundaries and do not validate: JSON.parse judges what they delimit. They read bytes, not
 * decoded text: UTF-8 continuation bytes are >= 0x80, so no ASCII delimiter is ever found inside a
 * multi-byte character, and a character split between chunks is decoded once its bytes are joined.
 */

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
