import type { Check } from './compiled-schema.js';
import { createJsonItemSplitter } from './json-items.js';

/**
 * The streamed-list sink: turns json-items.ts's items into checked, mapped records while a long
 * list downloads. The HTTP client feeds it the 2xx body of a spec with `stream`, a fresh sink
 * per attempt, and turns what `end()` throws into the malformed-answer error.
 */

/** A 2xx body read as it arrives (RequestSpec.stream). */
export interface BodySink<W> {
  write(chunk: Buffer): void;
  /** The body is complete: its value, or throws (a malformed body). */
  end(): W;
}

/** Thrown by a `map` that validates items itself (parseItem); becomes the malformed-answer error. */
export class MalformedItem extends Error {}

/**
 * A sink for `{ "<key>": [ ... ] }` that parses, validates and maps the items each chunk of the
 * body completes (json-items.ts), so a 60 MB list is done when its download is (issue 9).
 * `item` validates with parseItem; the first failure ends the reading and is thrown by end().
 */
export function streamedList<T>(key: string, item: (raw: unknown, index: number) => T): () => BodySink<T[]> {
  return () => {
    const out: T[] = [];
    let failure: unknown;
    const splitter = createJsonItemSplitter(key, (raw, first) => {
      for (let i = 0; i < raw.length; i++) out.push(item(raw[i], first + i));
    });
    return {
      write(chunk) {
        if (failure !== undefined) return;
        try {
          splitter.write(chunk);
        } catch (e) {
          failure = e;
        }
      },
      end() {
        if (failure !== undefined) throw failure;
        splitter.end();
        return out;
      },
    };
  };
}

/**
 * Checks one item of a long list (streamedList) with a compiled schema (compiled-schema.ts).
 * Item by item, the list never exists twice in memory (issue 9: seconds of GC otherwise).
 */
export function parseItem<T>(check: Check<T>, item: unknown, path: string): T {
  const checked = check(item);
  if (checked.ok) return checked.value;
  throw new MalformedItem(`unexpected shape at ${[path, checked.path].filter(Boolean).join('.')}`);
}
