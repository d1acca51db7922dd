import type { ActionInput, ActionRecord, CreateEventInput, EventRecord } from '../../flip/index.js';
import type { WriteCall } from '../types.js';
import type { DispatchKey, DispatchRecord } from './idempotency.js';

/**
 * After a POST /v1/events whose answer never came, the event may exist. Flip has no idempotency
 * key of its own (REFERENCE.md 1.3), so we look (GET /v1/events) and claim an event only when we
 * can show it is this attempt's (issue 13):
 * - it is what we asked for: program, target type, target ids (as sets), every action's mode,
 *   start and duration and the optional fields we sent;
 * - it did not exist before the POST: its id is not among the matching events Flip listed just
 *   before it (`before`); without that list nothing can be shown;
 * - it was created within the attempt's window (created_at from its start minus a clock-skew
 *   allowance to the longest a POST can take plus that allowance);
 * - no other attempt could have created it: every other idempotency key (any caller's) that tried
 *   to create such an event either ended with its own event, which is then not ours, or was
 *   refused; one still pending or unknown could own any of them, so the outcome stays unknown;
 * - exactly one event is left.
 * What remains open: an identical event created outside this service between the list and the
 * POST, or within the window by a client that is not this service.
 */

/** How far Flip's clock may be off ours when comparing created_at to the attempt's window. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * The event this attempt created, or null when none can be shown to be it. Rejects when
 * GET /v1/events or the store fails (the outcome then stays unknown too).
 */
export async function findOwnEvent(
  call: WriteCall,
  key: DispatchKey,
  record: DispatchRecord,
  input: CreateEventInput,
  maxAttemptMs: number,
): Promise<EventRecord | null> {
  if (record.before === null) return null;
  const before = new Set(record.before);
  const earliestMs = record.attemptStartedAtMs - CLOCK_SKEW_MS;
  const latestMs = record.attemptStartedAtMs + maxAttemptMs + CLOCK_SKEW_MS;
  // The request may have listed events before the POST: read them afresh.
  call.loaders.invalidateEvents();
  const candidates = (await call.loaders.events()).filter((e) => {
    const createdMs = e.createdAt?.getTime();
    return (
      createdMs !== undefined &&
      createdMs >= earliestMs &&
      createdMs <= latestMs &&
      !before.has(e.id) &&
      isEventOf(e, input)
    );
  });
  if (candidates.length === 0) return null;
  const owned = new Set<string>();
  for (const other of await key.otherAttempts(input)) {
    if (other.state !== 'done' || !other.event) return null;
    owned.add(other.event.id);
  }
  const left = candidates.filter((e) => !owned.has(e.id));
  return left.length === 1 ? (left[0] ?? null) : null;
}

/** The ids of the events Flip lists now that match `input` (taken just before the POST). */
export function matchingIds(events: readonly EventRecord[], input: CreateEventInput): string[] {
  return events.filter((e) => isEventOf(e, input)).map((e) => e.id);
}

/** True when the event is what `input` asked for. */
export function isEventOf(event: EventRecord, input: CreateEventInput): boolean {
  if (event.programId !== input.programId || event.targetType !== input.targetType) return false;
  if (!isSameSet(event.targetIds, input.targetIds)) return false;
  if (event.actions.length !== input.actions.length) return false;
  const sent = [...input.actions].sort(byStart);
  const got = [...event.actions].sort(byStart);
  return sent.every((a, i) => {
    const b = got[i];
    return b !== undefined && isActionOf(b, a);
  });
}

function isActionOf(got: ActionRecord, sent: ActionInput): boolean {
  const optionalMatches = (
    ['powerMode', 'setpointW', 'backupReservePercentage', 'enableGridImport'] as const
  ).every((field) => sent[field] === undefined || got[field] === sent[field]);
  return (
    got.mode === sent.mode &&
    got.startsAt.getTime() === sent.startsAt.getTime() &&
    got.durationS === sent.durationS &&
    optionalMatches
  );
}

function byStart(a: { startsAt: Date; mode: string; durationS: number }, b: typeof a): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() || a.mode.localeCompare(b.mode) || a.durationS - b.durationS
  );
}

function isSameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}
