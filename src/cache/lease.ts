import type { LeaseOutcome, SharedLease, SharedTier } from './shared-tier.js';

/**
 * The lease lives this long unless its holder renews it: a holder that is gone (crashed, stopped,
 * cut off from Redis) is replaced by a waiter within this time.
 */
const LEASE_TTL_MS = 3_000;
/** The holder renews its lease this often while it loads and writes the entry. */
const RENEW_EVERY_MS = 1_000;
/**
 * Waiters re-check Redis after 50 ms, 100, 200, 400, then every 500 ms, or at once when the
 * holder announces its release on pub/sub (the poll covers a lost message).
 */
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 500;

/** How this instance takes part in the fleet's load of one key. */
export type FleetClaim =
  /** The entry is in Redis (after waiting for the holder, or already): adopt it. */
  | { kind: 'filled'; waited: boolean }
  /** This instance loads for the fleet; `version` was read when the lease was taken. */
  | { kind: 'holder'; version: string; lease: HeldLease; waited: boolean }
  /** This instance loads for itself: too large to share, holder too slow, or its load failed. */
  | { kind: 'alone'; reason: 'large' | 'timeout' | 'holder-failed' };

export interface HeldLease {
  /** Stops renewing, releases the lease and tells the waiters; rejects when Redis is away. */
  release(outcome: LeaseOutcome): Promise<void>;
}

/**
 * One load per key for the whole fleet (issue 20): the first instance to miss takes a short
 * Redis lease and loads from Flip; the others wait for its entry in Redis (woken by its release
 * message, polling as a fallback) at most `maxWaitMs`, then load themselves. A lease that expires
 * (its holder gone) is taken by one of the waiters, which loads for the others.
 */
export class FleetLeases {
  private readonly waiters = new Map<string, Set<(outcome?: LeaseOutcome) => void>>();
  private readonly renewals = new Set<NodeJS.Timeout>();

  constructor(
    private readonly shared: SharedTier,
    private readonly maxWaitMs: number,
  ) {
    shared.onReleased((key, outcome) => {
      for (const wake of [...(this.waiters.get(key) ?? [])]) wake(outcome);
    });
  }

  /**
   * Claims the load of `key`, waiting for another holder when there is one. `minStoredAtMs`
   * says which entry is recent enough to adopt. Rejects when Redis fails (load alone then).
   */
  async claim(key: string, minStoredAtMs: () => number): Promise<FleetClaim> {
    const deadlineMs = performance.now() + this.maxWaitMs;
    let pollMs = FIRST_POLL_MS;
    let waited = false;
    for (;;) {
      const claim = await this.shared.claim(key, { minStoredAtMs: minStoredAtMs(), leaseMs: LEASE_TTL_MS });
      if (claim.status === 'filled') return { kind: 'filled', waited };
      if (claim.status === 'large') return { kind: 'alone', reason: 'large' };
      if (claim.status === 'acquired') {
        return { kind: 'holder', version: claim.version, lease: this.hold(claim.lease), waited };
      }
      const leftMs = deadlineMs - performance.now();
      if (leftMs <= 0) return { kind: 'alone', reason: 'timeout' };
      waited = true;
      const outcome = await this.released(key, Math.min(pollMs, leftMs));
      if (outcome === 'failed') return { kind: 'alone', reason: 'holder-failed' };
      pollMs = Math.min(2 * pollMs, MAX_POLL_MS);
    }
  }

  /** Stops renewing every lease held (they expire by themselves). */
  close(): void {
    for (const timer of this.renewals) clearInterval(timer);
    this.renewals.clear();
  }

  /** Renews the lease until it is released: a slow load keeps it, a dead process loses it. */
  private hold(lease: SharedLease): HeldLease {
    const timer = setInterval(() => void lease.renew(LEASE_TTL_MS).catch(() => undefined), RENEW_EVERY_MS);
    timer.unref();
    this.renewals.add(timer);
    let isReleased = false;
    return {
      release: async (outcome) => {
        if (isReleased) return;
        isReleased = true;
        clearInterval(timer);
        this.renewals.delete(timer);
        await lease.release(outcome);
      },
    };
  }

  /** The holder's announced outcome, or undefined after `timeoutMs` (poll again). */
  private released(key: string, timeoutMs: number): Promise<LeaseOutcome | undefined> {
    return new Promise((resolve) => {
      const wakers = this.waiters.get(key) ?? new Set();
      this.waiters.set(key, wakers);
      const wake = (outcome?: LeaseOutcome) => {
        clearTimeout(timer);
        wakers.delete(wake);
        if (wakers.size === 0 && this.waiters.get(key) === wakers) this.waiters.delete(key);
        resolve(outcome);
      };
      const timer = setTimeout(wake, timeoutMs);
      wakers.add(wake);
    });
  }
}
