import { driveGraphql, percentile, timeOne, type Measured } from './drive.js';
import { LARGE_PAGE, STATUS_WRITE } from './operations.js';
import { startServiceProcess, type SimProcess } from './processes.js';
import type { Row } from './report.js';
import type { SimFacts } from './scenarios.js';

/**
 * Scenario `patch-stream` (issue 20): on the large simulator's first program (50,000 sites by
 * default), with the cache warm, one writer changes statuses in a stream (pause, one after the
 * other, every `intervalMs`) while readers ask for the program's stats and first page filtered by
 * status under autocannon. Each write should cost one PATCH and no list reload (the cached program
 * is patched with Flip's answer); the reads should stay warm. Counted from the simulator's journal.
 * CACHE_TTL_S is long enough that no TTL refresh falls in the run: every list call is a write's.
 */
export const PATCH_STREAM = 'patch-stream';

const BODY = (programId: string) =>
  JSON.stringify({ query: LARGE_PAGE, variables: { programId }, operationName: 'LargeProgramPage' });

export async function runPatchStream(
  sim: SimProcess,
  facts: SimFacts,
  options: { durationS: number; connections: number; intervalMs: number; nodeArgs: string[] },
): Promise<Row[]> {
  const ids = facts.enrollments.filter((e) => e.status === 'ACTIVE').map((e) => e.id);
  const title = `9. ${PATCH_STREAM}: status writes every ${options.intervalMs} ms during reads, ${facts.enrollments.length}-site program`;
  // The response cache off: the reads measure the patched program, not stored answers.
  const svc = await startServiceProcess(
    sim,
    { CACHE_TTL_S: '600', RESPONSE_CACHE_TTL_S: '0' },
    options.nodeArgs,
  );
  try {
    const cold = await timeOne(svc.graphqlUrl, BODY(facts.programId));
    if (cold.text.includes('"errors"')) throw new Error(`${PATCH_STREAM}: ${cold.text.slice(0, 500)}`);
    const drive = () =>
      driveGraphql({
        url: svc.graphqlUrl,
        connections: options.connections,
        durationS: options.durationS,
        next: () => BODY(facts.programId),
      });
    // The same reads without writes first: the baseline of this run (the machine drifts).
    const beforeQuiet = await sim.counts();
    const quiet = await drive();
    const quietCalls = sumOf(await sim.counts()) - sumOf(beforeQuiet);
    const before = await sim.counts();
    const cpuBefore = svc.cpuMs();
    let isReading = true;
    const writes: number[] = [];
    const writing = (async () => {
      for (let i = 0; isReading && i < ids.length; i++) {
        const started = performance.now();
        const input = { id: ids[i], status: 'PAUSED', statusReason: 'bench patch-stream' };
        const { text } = await timeOne(
          svc.graphqlUrl,
          JSON.stringify({ query: STATUS_WRITE, variables: { input } }),
        );
        if (!text.includes('"PAUSED"')) throw new Error(`${PATCH_STREAM}: ${text.slice(0, 500)}`);
        writes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.intervalMs - writes.at(-1)!)));
      }
    })();
    const reads = await drive();
    isReading = false;
    await writing;
    const cpuMs = svc.cpuMs() - cpuBefore;
    const after = await sim.counts();
    const delta = (route: string) => (after[route] ?? 0) - (before[route] ?? 0);
    const patches = delta('PATCH /v1/enrollments/{id}');
    const reloads = delta('GET /v1/enrollments');
    const upstream = Object.keys(after).reduce((sum, route) => sum + delta(route), 0);
    const note = `${writes.length} writes: ${patches} PATCH, ${reloads} list reloads`;
    return [
      {
        scenario: title,
        variant: 'service, cache warm: the same reads, no writes',
        measured: quiet,
        callsPerOp: quietCalls / Math.max(1, quiet.ops),
        peakRssMb: NaN,
      },
      {
        scenario: title,
        variant: 'service, cache warm: reads during the writes',
        measured: reads,
        callsPerOp: upstream / Math.max(1, reads.ops),
        peakRssMb: svc.peakRssMb(),
        cpuMsPerOp: cpuMs / Math.max(1, reads.ops + writes.length),
        note,
      },
      {
        scenario: title,
        variant: 'service, cache warm: the status writes',
        measured: summary(writes),
        callsPerOp: upstream / Math.max(1, writes.length),
        peakRssMb: svc.peakRssMb(),
        note,
      },
    ];
  } finally {
    await svc.close();
  }
}

function sumOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function summary(samplesMs: number[]): Measured {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const totalS = sorted.reduce((a, b) => a + b, 0) / 1000;
  return {
    ops: sorted.length,
    durationS: totalS,
    opsPerS: sorted.length / Math.max(totalS, 1e-9),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    failures: 0,
  };
}
