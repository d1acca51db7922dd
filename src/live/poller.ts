import { randomUUID } from 'node:crypto';
import type { FlipClients, TelemetryPointRecord } from '../flip/index.js';
import type { KeyValueStore } from '../store/index.js';

/** Stands for "every device of the program" in a wanted set. */
const ALL_DEVICES = '*';

export interface TelemetryPoller {
  /** Devices (null: all of the program) a subscriber wants polled until `release()`. */
  want(programId: string, deviceIds: readonly string[] | null): () => void;
  close(): void;
}

/**
 * Without webhooks, telemetry comes from polling POST /v1/telemetry/latest: one call per program
 * per period, for the union of the devices subscribers want on every instance, however many
 * subscribers there are. Instances share the work through the store (Redis with REDIS_URL): each
 * adds its wanted devices to the set of the period, and the one that claims the period's lease
 * polls for all of them; the points reach the others through the hub's bus.
 */
export function createTelemetryPoller(options: {
  clients: FlipClients;
  store: KeyValueStore;
  pollS: number;
  publish: (programId: string, points: TelemetryPointRecord[]) => Promise<void>;
  onError: (programId: string, error: unknown) => void;
  now?: () => number;
}): TelemetryPoller {
  const instanceId = randomUUID();
  const now = options.now ?? Date.now;
  const pollMs = options.pollS * 1000;
  const ttlS = options.pollS * 3;
  /** programId -> deviceId (or ALL_DEVICES) -> number of subscribers wanting it. */
  const wants = new Map<string, Map<string, number>>();
  let timer: NodeJS.Timeout | undefined;
  let isClosed = false;

  const periodOf = (ms: number) => Math.floor(ms / pollMs);

  async function pollProgram(programId: string, devices: Map<string, number>): Promise<void> {
    const period = periodOf(now());
    const setKey = (p: number) => `live:poll:devices:${programId}:${p}`;
    // This period's set and the next one's: a period's set holds only what is wanted now.
    for (const deviceId of devices.keys()) {
      await options.store.addMember(setKey(period), deviceId, ttlS);
      await options.store.addMember(setKey(period + 1), deviceId, ttlS);
    }
    const isMine = await options.store.setIfAbsent(
      `live:poll:lease:${programId}:${period}`,
      instanceId,
      ttlS,
    );
    if (!isMine) return;
    const members = await options.store.members(setKey(period));
    const deviceIds = members.includes(ALL_DEVICES) ? undefined : members.sort();
    if (deviceIds?.length === 0) return;
    const points = await options.clients.utility.latestTelemetry(programId, deviceIds, {
      requestId: `live-poll-${instanceId.slice(0, 8)}-${period}`,
    });
    await options.publish(programId, points);
  }

  function tick(): void {
    for (const [programId, devices] of wants) {
      pollProgram(programId, devices).catch((error: unknown) => options.onError(programId, error));
    }
  }

  function ensureTimer(): void {
    if (timer || isClosed) return;
    timer = setInterval(tick, pollMs);
    timer.unref();
  }

  return {
    want(programId, deviceIds) {
      const devices = wants.get(programId) ?? new Map<string, number>();
      const isNewProgram = !wants.has(programId);
      wants.set(programId, devices);
      const keys = deviceIds === null ? [ALL_DEVICES] : [...new Set(deviceIds)];
      for (const key of keys) devices.set(key, (devices.get(key) ?? 0) + 1);
      ensureTimer();
      // The first subscriber of a program gets a reading now rather than after a whole period;
      // the period's lease still allows one poll.
      if (isNewProgram) {
        pollProgram(programId, devices).catch((error: unknown) => options.onError(programId, error));
      }
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        for (const key of keys) {
          const left = (devices.get(key) ?? 1) - 1;
          if (left > 0) devices.set(key, left);
          else devices.delete(key);
        }
        if (devices.size === 0 && wants.get(programId) === devices) wants.delete(programId);
        if (wants.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    close() {
      isClosed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      wants.clear();
    },
  };
}
