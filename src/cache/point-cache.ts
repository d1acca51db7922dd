import { LRUCache } from 'lru-cache';

/**
 * Each device's newest telemetry point (POST /v1/telemetry/latest), kept per instance for a short
 * while so that a detail page opened by many operators costs Flip one call per device per TTL.
 * Fresh only (no stale serving): past its TTL a point is fetched again with its request's batch.
 * Why it may be cached at all: Flip aggregates telemetry into intervals (`duration_s`, minutes
 * long), so a point a few seconds old is the point Flip would answer.
 */
export class LatestPointCache<T> {
  private readonly lru: LRUCache<string, { point: T | null }>;

  constructor(options: { ttlS: number; maxEntries: number; now: () => number }) {
    this.lru = new LRUCache({
      max: Math.max(1, options.maxEntries),
      ttl: Math.max(1, options.ttlS * 1000),
      ttlResolution: 0,
      perf: { now: options.now },
    });
  }

  /** The device's point, `null` when Flip had none, `undefined` when not cached (or expired). */
  get(programId: string, deviceId: string): T | null | undefined {
    return this.lru.get(keyOf(programId, deviceId))?.point;
  }

  set(programId: string, deviceId: string, point: T | null): void {
    this.lru.set(keyOf(programId, deviceId), { point });
  }

  clear(): void {
    this.lru.clear();
  }
}

function keyOf(programId: string, deviceId: string): string {
  return `${programId}\n${deviceId}`;
}
