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
 * - `unknown`: the POST's answer never came and no matching event was found; never re-sent.
 * A definite failure deletes the record, so the caller may try again with the same key.
 */

export type DispatchState = 'pending' | 'done' | 'unknown';

export interface DispatchRecord {
  fingerprint: string;
  state: DispatchState;
  /** Epoch ms when the POST was about to be sent (a recovered event was created after it). */
  attemptStartedAtMs: number;
  event?: EventRecord;
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
  event: StoredEvent.optional(),
});

/** The records of one caller's key; every method is one store call. */
export class DispatchKey {
  constructor(
    private readonly store: KeyValueStore,
    private readonly storeKey: string,
    private readonly ttlS: number,
  ) {}

  /** The record, or null when absent, expired or unreadable (an unreadable one is replaced on claim). */
  async read(): Promise<DispatchRecord | null> {
    const parsed = StoredRecord.safeParse(await this.store.get(this.storeKey));
    return parsed.success ? parsed.data : null;
  }

  /** Atomically takes the key for a new attempt; false when another record holds it. */
  claim(fingerprint: string, attemptStartedAtMs: number): Promise<boolean> {
    const record: DispatchRecord = { fingerprint, state: 'pending', attemptStartedAtMs };
    return this.store.setIfAbsent(this.storeKey, toJson(record), this.ttlS);
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
  const scope = sha256(`${call.caller?.id ?? ''}\u0000${idempotencyKey}`);
  return new DispatchKey(
    deps.store,
    `idempotency:dispatchEvent:${scope}`,
    deps.config.dispatch.idempotencyTtlS,
  );
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
    ...(record.event ? { event: eventToJson(record.event) } : {}),
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
