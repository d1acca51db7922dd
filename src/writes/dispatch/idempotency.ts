import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ActionRecord, CreateEventInput, EventRecord } from '../../flip/index.js';
import { ACTION_MODES, POWER_MODES, TARGET_TYPES } from '../../flip/wire.js';
import type { JsonValue, KeyValueStore } from '../../store/index.js';
import type { WriteCall, WriteDeps } from '../types.js';

/**
 * dispatchEvent's idempotency records. Under each key (scoped to the caller) the store keeps the
 * fingerprint of the input and how the dispatch went:
 * - `pending`: claimed with setIfAbsent, the POST is (or was) on its way;
 * - `done`: the event Flip created, returned again for the same key and input;
 * - `unknown`: the POST's answer never came and no event could be proven ours; never re-sent.
 * A definite failure deletes the record, so the caller may try again with the same key.
 * Every attempt is also listed, before its POST, under its event's match key (`attempts`): the
 * keys of every caller that tried to create an event recovery could mistake for this one.
 */

export type DispatchState = 'pending' | 'done' | 'unknown';

export interface DispatchRecord {
  fingerprint: string;
  state: DispatchState;
  /** Epoch ms when the POST was about to be sent (a recovered event was created after it). */
  attemptStartedAtMs: number;
  /**
   * Ids of the events matching the input that Flip listed just before the POST (none of them can
   * be this attempt's); null when that list could not be read (recovery can then prove nothing).
   */
  before: string[] | null;
  event?: EventRecord;
  /**
   * The durable audit entry of the attempt that claimed the key: the one recovery completes once
   * the event is found (after a restart, or when the key is retried).
   */
  auditEntryId?: string;
}

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const nullableDate = isoDate.nullable();

const StoredAction = z.object({
  mode: z.enum(ACTION_MODES),
  startsAt: isoDate,
  durationS: z.number(),
  powerMode: z.enum(POWER_MODES).nullable(),
  setpointMode: z.string().nullable(),
  setpointW: z.number().nullable(),
  backupReservePercentage: z.number().nullable(),
  enableGridImport: z.boolean().nullable(),
});

const StoredEvent = z.object({
  id: z.string(),
  programId: z.string(),
  targetType: z.enum(TARGET_TYPES),
  targetIds: z.array(z.string()),
  actions: z.array(StoredAction),
  startsAt: isoDate,
  endsAt: nullableDate,
  durationS: z.number().nullable(),
  createdAt: nullableDate,
  updatedAt: nullableDate,
});

const StoredRecord = z.object({
  fingerprint: z.string(),
  state: z.enum(['pending', 'done', 'unknown']),
  attemptStartedAtMs: z.number(),
  // Absent in records written before issue 13: such an attempt's recovery can prove nothing.
  before: z
    .array(z.string())
    .nullable()
    .optional()
    .transform((ids) => ids ?? null),
  event: StoredEvent.optional(),
  auditEntryId: z.string().optional(),
});

const KEY_PREFIX = 'idempotency:dispatchEvent:';

/** The records of one caller's key; every method is one store call (otherAttempts: one per attempt). */
export class DispatchKey {
  constructor(
    private readonly store: KeyValueStore,
    readonly storeKey: string,
    private readonly ttlS: number,
  ) {}

  /** The record, or null when absent, expired or unreadable (an unreadable one is replaced on claim). */
  read(): Promise<DispatchRecord | null> {
    return readRecord(this.store, this.storeKey);
  }

  /** Atomically takes the key for a new attempt; false when another record holds it. */
  claim(
    attempt: Pick<DispatchRecord, 'fingerprint' | 'attemptStartedAtMs' | 'before' | 'auditEntryId'>,
  ): Promise<boolean> {
    const record: DispatchRecord = { ...attempt, state: 'pending' };
    return this.store.setIfAbsent(this.storeKey, toJson(record), this.ttlS);
  }

  /** Lists this key among the attempts at events like `input`; before the POST, or not at all. */
  register(input: CreateEventInput): Promise<void> {
    return this.store.addMember(attemptsKeyOf(input), this.storeKey, this.ttlS);
  }

  /** The records of every other attempt (any caller's) at an event like `input`, that still exist. */
  async otherAttempts(input: CreateEventInput): Promise<DispatchRecord[]> {
    const keys = (await this.store.members(attemptsKeyOf(input))).filter((k) => k !== this.storeKey);
    const records = await Promise.all(keys.map((k) => readRecord(this.store, k)));
    return records.filter((r): r is DispatchRecord => r !== null);
  }

  /** Records the outcome; the key lives for the configured TTL from now. */
  save(record: DispatchRecord): Promise<void> {
    return this.store.set(this.storeKey, toJson(record), this.ttlS);
  }

  /** Frees the key after a definite failure: a retry with it dispatches anew. */
  release(): Promise<void> {
    return this.store.delete(this.storeKey);
  }
}

/** The key's records, scoped to the caller: another caller's identical key is a different key. */
export function dispatchKeyOf(deps: WriteDeps, call: WriteCall, idempotencyKey: string): DispatchKey {
  const scope = sha256(`${callerScopeOf(call.caller)}\u0000${idempotencyKey}`);
  return new DispatchKey(deps.store, `${KEY_PREFIX}${scope}`, deps.config.dispatch.idempotencyTtlS);
}

/**
 * The caller's part of a key's scope, one per caller and never shared by two (issue 13): an API
 * key is `key:<id>`, so a JWT subject that starts with `key:` (or `jwt:`, to stay one-to-one) gets
 * `jwt:` in front. Every other subject, and every API key, keeps the scope it had before, so
 * records written before this rule are still found (a retry across the upgrade is not re-sent).
 */
function callerScopeOf(caller: WriteCall['caller']): string {
  if (caller === null) return '';
  if (caller.kind === 'jwt' && /^(key|jwt):/.test(caller.id)) return `jwt:${caller.id}`;
  return caller.id;
}

async function readRecord(store: KeyValueStore, storeKey: string): Promise<DispatchRecord | null> {
  const parsed = StoredRecord.safeParse(await store.get(storeKey));
  return parsed.success ? parsed.data : null;
}

/**
 * Events that recovery would match to `input` (recovery.ts isEventOf: program, target type,
 * targets as a set, each action's mode, start and duration) share this key, whatever their
 * optional fields and whoever asked.
 */
function attemptsKeyOf(input: CreateEventInput): string {
  const canonical = {
    programId: input.programId,
    targetType: input.targetType,
    targetIds: [...new Set(input.targetIds)].sort(),
    actions: input.actions
      .map((a) => [a.startsAt.toISOString(), a.mode, a.durationS] as const)
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2] - b[2]),
  };
  return `${KEY_PREFIX}attempts:${sha256(JSON.stringify(canonical))}`;
}

/**
 * sha256 of the canonical JSON of the normalised input: target ids as a set (sorted), absent and
 * null optional fields alike, instants in UTC. The same event asked twice has one fingerprint.
 */
export function fingerprintOf(input: CreateEventInput): string {
  const canonical = {
    programId: input.programId,
    targetType: input.targetType,
    targetIds: [...new Set(input.targetIds)].sort(),
    actions: input.actions.map((a) => ({
      mode: a.mode,
      startsAt: a.startsAt.toISOString(),
      durationS: a.durationS,
      powerMode: a.powerMode ?? null,
      setpointW: a.setpointW ?? null,
      backupReservePercentage: a.backupReservePercentage ?? null,
      enableGridImport: a.enableGridImport ?? null,
    })),
  };
  return sha256(JSON.stringify(canonical));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function toJson(record: DispatchRecord): JsonValue {
  return {
    fingerprint: record.fingerprint,
    state: record.state,
    attemptStartedAtMs: record.attemptStartedAtMs,
    before: record.before,
    ...(record.event ? { event: eventToJson(record.event) } : {}),
    ...(record.auditEntryId === undefined ? {} : { auditEntryId: record.auditEntryId }),
  };
}

function eventToJson(e: EventRecord): JsonValue {
  return {
    id: e.id,
    programId: e.programId,
    targetType: e.targetType,
    targetIds: e.targetIds,
    actions: e.actions.map(actionToJson),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    durationS: e.durationS,
    createdAt: e.createdAt?.toISOString() ?? null,
    updatedAt: e.updatedAt?.toISOString() ?? null,
  };
}

function actionToJson(a: ActionRecord): JsonValue {
  return {
    mode: a.mode,
    startsAt: a.startsAt.toISOString(),
    durationS: a.durationS,
    powerMode: a.powerMode,
    setpointMode: a.setpointMode,
    setpointW: a.setpointW,
    backupReservePercentage: a.backupReservePercentage,
    enableGridImport: a.enableGridImport,
  };
}
