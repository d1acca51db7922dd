import DataLoader from 'dataloader';
import type { LatestPointCache } from '../cache/index.js';
import type { CallOptions, TelemetryPointRecord, UtilityClient } from '../flip/index.js';
import type { BatchOptions } from './batch.js';

interface LatestKey {
  programId: string;
  deviceId: string;
}

interface WindowKey extends LatestKey {
  from: Date;
  to: Date;
}

/** One upstream call's worth of keys: a program (and window) with its device ids. */
interface Batch<K> {
  sample: K;
  deviceIds: Set<string>;
}

const latestKeyOf = (k: LatestKey) => `${k.programId}\n${k.deviceId}`;
const windowOf = (k: WindowKey) => `${k.programId}\n${k.from.toISOString()}\n${k.to.toISOString()}`;
const windowKeyOf = (k: WindowKey) => `${windowOf(k)}\n${k.deviceId}`;

/**
 * Every `Device.latestTelemetry` of an operation becomes one `POST /v1/telemetry/latest` per
 * program with the device ids not in the cross-request cache (chunked at TELEMETRY_CHUNK_SIZE);
 * `Device.telemetry(from, to)` one `POST /v1/telemetry/historical` per program and window.
 * A failed chunk errs only its devices (and is not cached).
 * Batches run after the request's pending promise jobs (batch.ts): devices reached along
 * different paths of one pass of execution share one.
 */
export class TelemetryLoader {
  private readonly latestLoader: DataLoader<LatestKey, TelemetryPointRecord | null, string>;
  private readonly windowLoader: DataLoader<WindowKey, TelemetryPointRecord[], string>;

  constructor(
    private readonly utility: UtilityClient,
    private readonly callOptions: CallOptions,
    private readonly chunkSize: number,
    { schedule, observed }: BatchOptions,
    /** Latest points kept across requests (the cross-request cache's); absent: always fetched. */
    private readonly latestCache?: LatestPointCache<TelemetryPointRecord>,
  ) {
    this.latestLoader = new DataLoader(
      observed('latestTelemetry', (keys) => this.loadLatest(keys)),
      { ...schedule, cacheKeyFn: latestKeyOf },
    );
    this.windowLoader = new DataLoader(
      observed('telemetry', (keys) => this.loadWindows(keys)),
      { ...schedule, cacheKeyFn: windowKeyOf },
    );
  }

  /** The device's newest point; null when Flip has none for it. */
  latest(programId: string, deviceId: string): Promise<TelemetryPointRecord | null> {
    return this.latestLoader.load({ programId, deviceId });
  }

  /** The device's points in the window, oldest first. */
  window(
    programId: string,
    deviceId: string,
    window: { from: Date; to: Date },
  ): Promise<TelemetryPointRecord[]> {
    return this.windowLoader.load({ programId, deviceId, ...window });
  }

  private async loadLatest(keys: readonly LatestKey[]): Promise<(TelemetryPointRecord | null | Error)[]> {
    const found = new Map<string, TelemetryPointRecord | null | Error>();
    const missing = keys.filter((k) => {
      const cached = this.latestCache?.get(k.programId, k.deviceId);
      if (cached !== undefined) found.set(latestKeyOf(k), cached);
      return cached === undefined;
    });
    await this.sendBatches(
      batchesOf(missing, (k) => k.programId),
      async ({ programId }, chunk) => {
        const points = await this.utility.latestTelemetry(programId, chunk, this.callOptions);
        for (const point of points) {
          const key = latestKeyOf({ programId, deviceId: point.deviceId });
          const known = found.get(key);
          const isNewer = known && !(known instanceof Error) && known.startTime < point.startTime;
          if (known === undefined || isNewer) {
            found.set(key, point);
          }
        }
      },
      ({ programId }, deviceId, error) => found.set(latestKeyOf({ programId, deviceId }), error),
    );
    for (const k of missing) {
      const point = found.get(latestKeyOf(k)) ?? null;
      if (!(point instanceof Error)) this.latestCache?.set(k.programId, k.deviceId, point);
    }
    return keys.map((k) => found.get(latestKeyOf(k)) ?? null);
  }

  private async loadWindows(keys: readonly WindowKey[]): Promise<(TelemetryPointRecord[] | Error)[]> {
    const found = new Map<string, TelemetryPointRecord[] | Error>();
    await this.sendBatches(
      batchesOf(keys, windowOf),
      async (sample, chunk) => {
        const points = await this.utility.historicalTelemetry(
          sample.programId,
          sample,
          chunk,
          this.callOptions,
        );
        for (const deviceId of chunk) found.set(windowKeyOf({ ...sample, deviceId }), []);
        for (const point of points) {
          const list = found.get(windowKeyOf({ ...sample, deviceId: point.deviceId }));
          if (Array.isArray(list)) list.push(point);
        }
      },
      (sample, deviceId, error) => found.set(windowKeyOf({ ...sample, deviceId }), error),
    );
    return keys.map((k) => {
      const points = found.get(windowKeyOf(k)) ?? [];
      return Array.isArray(points)
        ? [...points].sort((a, b) => a.startTime.getTime() - b.startTime.getTime())
        : points;
    });
  }

  /** Sends each batch in chunks of chunkSize device ids, all in parallel. */
  private async sendBatches<K extends LatestKey>(
    batches: Batch<K>[],
    send: (sample: K, chunk: string[]) => Promise<void>,
    fail: (sample: K, deviceId: string, error: Error) => void,
  ): Promise<void> {
    const calls: Promise<void>[] = [];
    for (const { sample, deviceIds } of batches) {
      const ids = [...deviceIds];
      for (let i = 0; i < ids.length; i += this.chunkSize) {
        const chunk = ids.slice(i, i + this.chunkSize);
        calls.push(
          send(sample, chunk).catch((e: unknown) => {
            const error = e instanceof Error ? e : new Error(String(e));
            for (const deviceId of chunk) fail(sample, deviceId, error);
          }),
        );
      }
    }
    await Promise.all(calls);
  }
}

function batchesOf<K extends LatestKey>(keys: readonly K[], batchKey: (k: K) => string): Batch<K>[] {
  const batches = new Map<string, Batch<K>>();
  for (const key of keys) {
    const id = batchKey(key);
    const batch = batches.get(id) ?? { sample: key, deviceIds: new Set<string>() };
    batch.deviceIds.add(key.deviceId);
    batches.set(id, batch);
  }
  return [...batches.values()];
}
