import { Pool } from 'undici';
import {
  AddEnrollmentsToGroupDocument,
  RemoveEnrollmentsFromGroupDocument,
} from '../../schema/client/graphql.js';
import { print } from 'graphql';
import { call, percentile, timeOne, type Measured } from './drive.js';
import { startServiceProcess, type ServiceProcess, type SimProcess } from './processes.js';
import type { Row } from './report.js';
import type { SimFacts } from './scenarios.js';

/**
 * Scenario `bulk-membership` (issue 13 §2.7): `addEnrollmentsToGroup` / `removeEnrollmentsFromGroup`
 * with 1,000 ids on the large simulator's first program (50,000 sites by default), in turn, so that
 * every write is 1,000 real PATCHes. Measured sequentially, with the cache off: the service
 * process's CPU per write (from /proc), and, for comparison, its CPU for a read that loads the
 * same program's list once (every write reads it once too). The target: the write's CPU beyond
 * that read and the PATCH round trips under 1 s; before the batch priming it re-indexed the
 * program after every PATCH (quadratic, tens of seconds).
 */
export const BULK_MEMBERSHIP = 'bulk-membership';
const GROUP_ID = 'bench-bulk';
const IDS = 1_000;

const ADD = print(AddEnrollmentsToGroupDocument);
const REMOVE = print(RemoveEnrollmentsFromGroupDocument);
const READ = /* GraphQL */ `
  query BulkRead($programId: ID!) {
    program(id: $programId) {
      stats {
        siteCount
      }
    }
  }
`;

interface Sample {
  ms: number;
  cpuMs: number;
}

export async function runBulkMembership(
  sim: SimProcess,
  facts: SimFacts,
  options: { samples: number; nodeArgs: string[] },
): Promise<Row[]> {
  const ids = facts.enrollments.slice(0, IDS).map((e) => e.id);
  const title = `7. ${BULK_MEMBERSHIP}: ${ids.length} enrollments into / out of a group of a ${facts.enrollments.length}-site program`;
  await createGroup(sim, facts.programId);
  const svc = await startServiceProcess(sim, { CACHE_TTL_S: '0' }, options.nodeArgs);
  try {
    const vars = { programId: facts.programId, groupId: GROUP_ID, enrollmentIds: ids };
    const reads: Sample[] = [];
    const writes: Sample[] = [];
    for (let i = 0; i < options.samples; i++) {
      reads.push(await sampled(svc, READ, { programId: facts.programId }, () => undefined));
      const mode = i % 2 === 0 ? 'add' : 'remove';
      writes.push(
        await sampled(svc, mode === 'add' ? ADD : REMOVE, vars, (data) => checkWrite(data, ids.length)),
      );
    }
    const readCpu = median(reads.map((s) => s.cpuMs));
    const writeCpu = median(writes.map((s) => s.cpuMs));
    return [
      row(title, 'service, cache off: the program read alone', reads, `CPU median ${readCpu.toFixed(0)} ms`),
      row(
        title,
        'service, cache off: the 1,000-id membership write',
        writes,
        `CPU median ${writeCpu.toFixed(0)} ms; beyond the read ${(writeCpu - readCpu).toFixed(0)} ms`,
      ),
    ];
  } finally {
    await svc.close();
  }
}

async function createGroup(sim: SimProcess, programId: string): Promise<void> {
  const pool = new Pool(new URL(sim.utilityUrl).origin);
  try {
    await call(pool, sim, {
      method: 'POST',
      path: `/v1/programs/${programId}/groups`,
      json: { id: GROUP_ID, name: 'Bench bulk membership' },
    });
  } finally {
    await pool.close();
  }
}

async function sampled(
  svc: ServiceProcess,
  query: string,
  variables: Record<string, unknown>,
  check: (data: Record<string, unknown>) => void,
): Promise<Sample> {
  const cpuBefore = svc.cpuMs();
  const { ms, text } = await timeOne(svc.graphqlUrl, JSON.stringify({ query, variables }));
  const cpuMs = svc.cpuMs() - cpuBefore;
  const res = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.errors?.length || !res.data) throw new Error(`bulk-membership: ${text.slice(0, 500)}`);
  check(res.data);
  return { ms, cpuMs };
}

function checkWrite(data: Record<string, unknown>, expected: number): void {
  const result = Object.values(data)[0] as { succeeded: unknown[]; failed: unknown[] };
  if (result.succeeded.length !== expected || result.failed.length !== 0)
    throw new Error(`bulk-membership: ${result.succeeded.length} succeeded, ${result.failed.length} failed`);
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function row(scenario: string, variant: string, samples: Sample[], note: string): Row {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const totalS = sorted.reduce((a, b) => a + b, 0) / 1000;
  const measured: Measured = {
    ops: sorted.length,
    durationS: totalS,
    opsPerS: sorted.length / totalS,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    failures: 0,
  };
  const cpuMsPerOp = samples.reduce((a, s) => a + s.cpuMs, 0) / samples.length;
  // Upstream calls are not counted here: each write is one list read and 1,000 PATCHes.
  return { scenario, variant, measured, callsPerOp: NaN, peakRssMb: NaN, cpuMsPerOp, note };
}
