import type { ActionInput, ActionRecord, CreateEventInput, EventRecord } from '../../flip/index.js';
import type { WriteCall } from '../types.js';

/**
 * After a POST /v1/events whose answer never came, the event may exist. Flip has no idempotency
 * key of its own (REFERENCE.md 1.3), so we look: GET /v1/events, matching program, target type,
 * target ids (as sets), every action's mode, start and duration and the optional fields we sent,
 * and a created_at no earlier than the attempt's start minus a clock-skew allowance.
 * Another dispatch of an identical event in that window would match too: accepted, since it
 * would be the same event for every practical purpose.
 */

/** How far Flip's clock may be behind ours when comparing created_at to the attempt start. */
export const CLOCK_SKEW_MS = 60_000;

/** The matching event (newest created first), or null. Rejects when GET /v1/events fails. */
export async function findDispatchedEvent(
  call: WriteCall,
  input: CreateEventInput,
  attemptStartedAtMs: number,
): Promise<EventRecord | null> {
  // The request may have listed events before the POST: read them afresh.
  call.loaders.invalidateEvents();
  const earliestMs = attemptStartedAtMs - CLOCK_SKEW_MS;
  const candidates = (await call.loaders.events()).filter(
    (e) => e.createdAt !== null && e.createdAt.getTime() >= earliestMs && isEventOf(e, input),
  );
  candidates.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  return candidates[0] ?? null;
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
