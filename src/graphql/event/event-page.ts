import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { EventEntry } from '../../loaders/index.js';
import {
  connectionOf,
  decodeCursor,
  encodeCursor,
  malformedCursor,
  pageSizeOf,
  type Connection,
} from '../connection.js';

// A cursor carries a digest binding it to its list and arguments, and the id (and, for events,
// the start) of its item: keyset, so an event added or cancelled between pages skips nothing.
const CursorPayload = z.object({ b: z.string(), id: z.string(), t: z.number().optional() });
type Cursor = z.infer<typeof CursorPayload>;

/** Validated `first` and `after` of an event list or an event's participation rows. */
export interface PageRequest {
  size: number;
  after: Cursor | null;
  binding: string;
}

/**
 * Checks `first` and `after` before any upstream call (BAD_USER_INPUT naming them). `list`
 * and `args` name what is paged: a cursor is valid only for the list and arguments it came from.
 */
export function parsePage(
  page: { first?: number | null; after?: string | null },
  config: Pick<Config, 'defaultPageSize' | 'maxPageSize'>,
  list: string,
  args: Record<string, unknown>,
): PageRequest {
  const binding = bindingOf(list, args);
  const size = pageSizeOf(page.first, config);
  if (!page.after) return { size, after: null, binding };
  const parsed = CursorPayload.safeParse(decodeCursor(page.after));
  if (!parsed.success) throw malformedCursor();
  if (parsed.data.b !== binding) throw malformedCursor('was issued for another list or arguments');
  return { size, after: parsed.data, binding };
}

/** Events already in order (newest first: startsAt descending, then id ascending), paged. */
export function pageOfEvents<T extends EventEntry>(sorted: readonly T[], page: PageRequest): Connection<T> {
  const { after } = page;
  let start = 0;
  if (after) {
    if (after.t === undefined) throw malformedCursor();
    const t = after.t;
    const at = sorted.findIndex(
      (e) => e.startsAt.getTime() < t || (e.startsAt.getTime() === t && e.id > after.id),
    );
    start = at === -1 ? sorted.length : at;
  }
  return connectionOf(sorted, start, page.size, (e) =>
    encodeCursor({ b: page.binding, id: e.id, t: e.startsAt.getTime() }),
  );
}

/** Rows in Flip's order, paged after the row of the cursor's site. */
export function pageOfRows<T extends { siteId: string }>(
  rows: readonly T[],
  page: PageRequest,
): Connection<T> {
  let start = 0;
  if (page.after) {
    const at = rows.findIndex((r) => r.siteId === page.after?.id);
    if (at === -1) throw malformedCursor('refers to a site no longer in this list');
    start = at + 1;
  }
  return connectionOf(rows, start, page.size, (r) => encodeCursor({ b: page.binding, id: r.siteId }));
}

function bindingOf(list: string, args: Record<string, unknown>): string {
  const canonical = Object.entries(args)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? [...(v as unknown[])].map(String).sort() : v])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return createHash('sha256')
    .update(JSON.stringify([list, canonical]))
    .digest('base64url')
    .slice(0, 16);
}
