import { randomUUID } from 'node:crypto';
import type { createAuditStore as CreateAuditStore } from '../../src/audit/index.js';
import { percentile, type Measured } from './drive.js';
import type { Row } from './report.js';

/**
 * Scenario `audit-trail` (issue 19): what the durable trail adds to a write, and the history read
 * of a page of 50 enrollments, on an in-memory PGlite in this process (the built dist/audit, like
 * the service runs it). A write adds one INSERT before it runs and one UPDATE after: measured
 * sequentially, `samples` writes after a warm-up. The target: under 2 ms p50 per write. The
 * history of 50 enrollments (each with a few changes) is one SQL query.
 */
export const AUDIT_TRAIL = 'audit-trail';

export async function runAuditTrail(options: { samples: number }): Promise<Row[]> {
  // The built module (npm run bench builds first): the bench imports nothing of src/ at run time.
  const distAudit = '../../dist/audit/index.js';
  const { createAuditStore } = (await import(distAudit)) as {
    createAuditStore: typeof CreateAuditStore;
  };
  const store = createAuditStore({ dataDir: 'memory://', retentionDays: 400 });
  try {
    await store.open();
    const enrollmentIds = Array.from({ length: 50 }, () => randomUUID());
    const write = async (i: number) => {
      const id = enrollmentIds[i % enrollmentIds.length]!;
      const started = performance.now();
      const entry = await store.begin({
        at: new Date(),
        callerId: 'key:bench',
        callerRole: 'operator',
        requestId: randomUUID(),
        operation: 'pauseEnrollment',
        programId: 'bench-program',
        targetIds: [id],
        input: { status: 'PAUSED', statusReason: 'bench' },
      });
      await store.complete(entry, {
        outcome: 'OK',
        programId: 'bench-program',
        changes: { [id]: { fromStatus: 'ACTIVE', toStatus: 'PAUSED', reason: 'bench' } },
        durationMs: 1,
      });
      return performance.now() - started;
    };
    for (let i = 0; i < 50; i++) await write(i);
    const writes: number[] = [];
    const writesStarted = performance.now();
    for (let i = 0; i < options.samples; i++) writes.push(await write(i));
    const writeRow = row('trail per write (INSERT + UPDATE), PGlite', writes, writesStarted);

    const reads: number[] = [];
    const readsStarted = performance.now();
    for (let i = 0; i < Math.max(20, options.samples / 10); i++) {
      const started = performance.now();
      await store.history(enrollmentIds, 20);
      reads.push(performance.now() - started);
    }
    const readRow = row('history of 50 enrollments (one query), PGlite', reads, readsStarted);
    return [writeRow, readRow];
  } finally {
    await store.close();
  }
}

function row(variant: string, latencies: number[], startedAt: number): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  const durationS = (performance.now() - startedAt) / 1_000;
  const measured: Measured = {
    ops: sorted.length,
    durationS,
    opsPerS: sorted.length / durationS,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    failures: 0,
  };
  return { scenario: AUDIT_TRAIL, variant, measured, callsPerOp: 0, peakRssMb: NaN };
}
