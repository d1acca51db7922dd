import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { EnrollmentEntry } from '../../loaders/index.js';
import { derivedFrom, keyOf } from '../derived.js';
import {
  connectionOf,
  decodeCursor,
  encodeCursor,
  malformedCursor,
  pageSizeOf,
  type Connection,
} from '../connection.js';
import {
  EnrollmentOrderField,
  OrderDirection,
  type EnrollmentFilter,
  type EnrollmentOrder,
  type EnrollmentPageArgs,
} from './enrollment.inputs.js';

/** One sort key component: a timestamp (ms), a lower-cased name, or null (sorts first ascending). */
type KeyPart = number | string | null;

const DEFAULT_ORDER: EnrollmentOrder = {
  field: EnrollmentOrderField.CREATED_AT,
  direction: OrderDirection.ASC,
};

// What a cursor carries: a digest binding it to its list, order and filter, the id of its
// enrollment and, for time orders, its timestamp. Keyset rather than offset: approving items of a
// filtered review queue between two pages must not make the next page skip the items that moved
// up. Never a name (issue 18 section 4): a SITE_NAME cursor reads its key from the enrollment of
// its id in the (unfiltered) list instead.
const CursorPayload = z.object({
  b: z.string(),
  id: z.string(),
  t: z.number().nullable().optional(),
});
type Cursor = z.infer<typeof CursorPayload>;

/** Characters of the base64url SHA-256 binding a cursor to its list, order and filter. */
const BINDING_CHARS = 16;

/** Validated arguments of Program.enrollments and Group.enrollments. */
export interface EnrollmentPageRequest {
  size: number;
  order: EnrollmentOrder;
  after: Cursor | null;
  filter: EnrollmentFilter | null | undefined;
  /** What cursors of this list, order and filter carry; another list's cursor does not match. */
  binding: string;
}

/**
 * Checks the arguments before any upstream call: BAD_USER_INPUT naming `first` or `after`.
 * `list` names the list paged (`program:<id>`, `group:<programId>/<id>`): a cursor is valid
 * only for the list, order and filter it was issued for.
 */
export function parseEnrollmentPage(
  args: EnrollmentPageArgs,
  config: Pick<Config, 'defaultPageSize' | 'maxPageSize'>,
  list: string,
): EnrollmentPageRequest {
  const order = args.orderBy ?? DEFAULT_ORDER;
  const binding = bindingOf(list, order, args.filter);
  return {
    size: pageSizeOf(args.first, config),
    order,
    after: args.after ? parseCursor(args.after, binding) : null,
    filter: args.filter,
    binding,
  };
}

/**
 * The filter as entries sorted by name, without absent fields, lists sorted: the same filter
 * whatever built the object (graphql-js or graphql-jit, a literal or a variable).
 */
function canonicalFilter(filter: EnrollmentFilter | null | undefined): [string, unknown][] {
  return Object.entries(filter ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]): [string, unknown] => [name, Array.isArray(value) ? [...value].sort() : value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function bindingOf(
  list: string,
  order: EnrollmentOrder,
  filter: EnrollmentFilter | null | undefined,
): string {
  return createHash('sha256')
    .update(JSON.stringify([list, orderNameOf(order), canonicalFilter(filter)]))
    .digest('base64url')
    .slice(0, BINDING_CHARS);
}

/**
 * Filters, orders and pages a program's or a group's enrollments. The filtered, ordered list is
 * derived once per list, filter and order (derived.ts): the next page or request reuses it.
 */
export function pageOfEnrollments(
  entries: readonly EnrollmentEntry[],
  { size, order, after, filter, binding }: EnrollmentPageRequest,
): Connection<EnrollmentEntry> {
  const o = orderNameOf(order);
  const sorted = derivedFrom(entries, `page ${o} ${keyOf(filter)}`, () =>
    sortEnrollments(filterEnrollments(entries, filter), order),
  );
  const start = after === null ? 0 : firstAfter(sorted, order, keyOfCursor(entries, order, after), after.id);
  return connectionOf(sorted, start, size, (e) => encodeCursor(cursorOf(e, order, binding)));
}

function cursorOf(e: EnrollmentEntry, order: EnrollmentOrder, binding: string): Cursor {
  if (order.field === EnrollmentOrderField.SITE_NAME) return { b: binding, id: e.id };
  return { b: binding, id: e.id, t: sortKeyOf(e, order.field)[0] as number | null };
}

/** The sort key a cursor stands for: its timestamp, or the current names of its enrollment. */
function keyOfCursor(entries: readonly EnrollmentEntry[], order: EnrollmentOrder, after: Cursor): KeyPart[] {
  if (order.field !== EnrollmentOrderField.SITE_NAME) {
    if (after.t === undefined) throw malformedCursor();
    return [after.t];
  }
  const entry = entries.find((e) => e.id === after.id);
  if (!entry) throw malformedCursor('refers to an enrollment no longer in this list');
  return sortKeyOf(entry, order.field);
}

function orderNameOf(order: EnrollmentOrder): string {
  return `${order.field}:${order.direction}`;
}

/** Every given criterion must hold; empty lists and blank strings do not restrict. */
export function filterEnrollments(
  entries: readonly EnrollmentEntry[],
  filter: EnrollmentFilter | null | undefined,
): EnrollmentEntry[] {
  if (!filter) return [...entries];
  const statuses = filter.status?.length ? new Set(filter.status) : null;
  const groupIds = filter.groupIds?.length ? new Set(filter.groupIds) : null;
  const stateCode = filter.stateCode?.trim().toLowerCase() || null;
  const zipCode = filter.zipCode?.trim() || null;
  const zipCodes = filter.zipCodes?.length ? new Set(filter.zipCodes.map((z) => z.trim())) : null;
  const makers = filter.manufacturerNames?.length
    ? new Set(filter.manufacturerNames.map((m) => m.trim().toLowerCase()))
    : null;
  const search = filter.search?.trim().toLowerCase() || null;
  return entries.filter(
    (e) =>
      (!statuses || statuses.has(e.status)) &&
      (!groupIds || e.site.groups.some((g) => groupIds.has(g.id))) &&
      (!filter.deviceType || e.devices.some((d) => d.type === filter.deviceType)) &&
      (!stateCode || e.site.stateCode?.toLowerCase() === stateCode) &&
      (!zipCode || e.site.zipCode?.trim() === zipCode) &&
      (!zipCodes || zipCodes.has(e.site.zipCode?.trim() ?? '')) &&
      (!makers || e.devices.some((d) => makers.has(d.manufacturerName?.trim().toLowerCase() ?? ''))) &&
      isEnrolledWithin(e, filter) &&
      (!search || searchableTextOf(e).some((text) => text.includes(search))),
  );
}

function isEnrolledWithin(e: EnrollmentEntry, { enrolledAfter, enrolledBefore }: EnrollmentFilter): boolean {
  if (!enrolledAfter && !enrolledBefore) return true;
  const at = e.enrolledAt?.getTime();
  if (at === undefined) return false;
  return (
    (!enrolledAfter || at > enrolledAfter.getTime()) && (!enrolledBefore || at < enrolledBefore.getTime())
  );
}

function searchableTextOf(e: EnrollmentEntry): string[] {
  const s = e.site;
  const fullName = [s.firstName, s.lastName].filter(Boolean).join(' ');
  return [
    e.id,
    s.id,
    s.firstName,
    s.lastName,
    fullName,
    s.companyName,
    s.email,
    s.streetAddress,
    s.streetAddress2,
    s.city,
    s.zipCode,
    ...e.devices.flatMap((d) => [d.id, d.serialNumber, d.manufacturerName, d.productName]),
  ]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .map((t) => t.toLowerCase());
}

export function sortEnrollments(entries: EnrollmentEntry[], order: EnrollmentOrder): EnrollmentEntry[] {
  const keyed = entries.map((e) => ({ e, k: sortKeyOf(e, order.field) }));
  keyed.sort((a, b) => compare(a.k, a.e.id, b.k, b.e.id, order.direction));
  return keyed.map(({ e }) => e);
}

function sortKeyOf(e: EnrollmentEntry, field: EnrollmentOrderField): KeyPart[] {
  const time = (d: Date | null) => (d ? d.getTime() : null);
  const name = (s: string | null) => (s ?? '').toLowerCase();
  switch (field) {
    case EnrollmentOrderField.CREATED_AT:
      return [time(e.createdAt)];
    case EnrollmentOrderField.UPDATED_AT:
      return [time(e.updatedAt)];
    case EnrollmentOrderField.ENROLLED_AT:
      return [time(e.enrolledAt)];
    case EnrollmentOrderField.SITE_NAME:
      return [name(e.site.lastName), name(e.site.firstName), name(e.site.companyName)];
  }
}

/** Key parts in order (null first, then numbers or strings by code point), then the id. */
function compare(ka: KeyPart[], ida: string, kb: KeyPart[], idb: string, direction: OrderDirection): number {
  let result = 0;
  for (let i = 0; i < ka.length && result === 0; i++) result = comparePart(ka[i] ?? null, kb[i] ?? null);
  if (result === 0) result = ida < idb ? -1 : ida > idb ? 1 : 0;
  return direction === OrderDirection.DESC ? -result : result;
}

function comparePart(a: KeyPart, b: KeyPart): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseCursor(cursor: string, binding: string): Cursor {
  const parsed = CursorPayload.safeParse(decodeCursor(cursor));
  if (!parsed.success) throw malformedCursor();
  if (parsed.data.b !== binding) throw malformedCursor('was issued for another list, orderBy or filter');
  return parsed.data;
}

/** Index of the first enrollment ordered after the cursor's (it need not still be in the list). */
function firstAfter(
  sorted: readonly EnrollmentEntry[],
  order: EnrollmentOrder,
  key: KeyPart[],
  id: string,
): number {
  const at = sorted.findIndex((e) => compare(sortKeyOf(e, order.field), e.id, key, id, order.direction) > 0);
  return at === -1 ? sorted.length : at;
}
