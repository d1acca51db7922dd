import { Pool } from 'undici';
import type { WireEnrollment } from '../../src/flip/wire.js';
import { call, type DirectOp } from './drive.js';
import { DASHBOARD, DETAIL, LARGE_PAGE, LATEST_TELEMETRY, PREVIEW, STATUS_WRITE } from './operations.js';
import type { SimProcess } from './processes.js';

/**
 * The benchmark's scenarios: a GraphQL operation (bodies cycle through ids), the REST calls a
 * frontend would make for the same data (the direct baseline), and a check of one answer.
 */
export interface Scenario {
  id: string;
  title: string;
  /** The next request body (JSON); cycles through the scenario's ids. */
  next(): string;
  /** Throws when an answer is not what the scenario expects (errors, empty data). */
  check(body: { data?: unknown; errors?: unknown[] }): void;
  direct: DirectOp;
  /** Upstream calls of one direct operation. */
  directCalls: number;
  /** Concurrent connections of its rows (BENCH_CONNECTIONS when absent). */
  connections?: number;
  /** Also measure a plain node:http server answering the service's warm answer (plain-http.ts). */
  plainBaseline?: boolean;
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

function expectData(res: { data?: unknown; errors?: unknown[] }): void {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors).slice(0, 500)}`);
  if (!res.data) throw new Error('no data');
}

/** Seeded facts the scenarios need, read straight from the simulator. */
export interface SimFacts {
  programId: string;
  enrollments: WireEnrollment[];
}

export async function readFacts(sim: SimProcess, programId: string): Promise<SimFacts> {
  const pool = new Pool(new URL(sim.utilityUrl).origin);
  try {
    const bytes = (await call(pool, sim, {
      method: 'GET',
      path: `/v1/enrollments?program_id=${programId}`,
    })) as ArrayBuffer;
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { enrollments: WireEnrollment[] };
    return { programId, enrollments: parsed.enrollments };
  } finally {
    await pool.close();
  }
}

/** A group of exactly `size` sites of the program, made through the simulator's REST API. */
export async function createGroupOf(
  sim: SimProcess,
  facts: SimFacts,
  id: string,
  size: number,
): Promise<void> {
  const pool = new Pool(new URL(sim.utilityUrl).origin, { connections: 32 });
  try {
    await call(pool, sim, {
      method: 'POST',
      path: `/v1/programs/${facts.programId}/groups`,
      json: { id, name: `Bench group of ${size} sites` },
    });
    const members = facts.enrollments.slice(0, size);
    for (let i = 0; i < members.length; i += 32) {
      await Promise.all(
        members.slice(i, i + 32).map((e) =>
          call(pool, sim, {
            method: 'PATCH',
            path: `/v1/enrollments/${e.id}`,
            json: { group_ids: [...(e.site.groups ?? []).map((g) => g.id), id] },
          }),
        ),
      );
    }
  } finally {
    await pool.close();
  }
}

const activeWithDevices = (facts: SimFacts) =>
  facts.enrollments.filter((e) => e.status === 'ACTIVE' && (e.devices?.length ?? 0) > 0);

export function dashboard(sim: SimProcess, facts: SimFacts): Scenario {
  const path = `/v1/enrollments?program_id=${facts.programId}`;
  return {
    id: 'dashboard',
    title: `1. program dashboard (${facts.enrollments.length} enrollments): stats + first 50 with site, groups, devices`,
    next: () => body(DASHBOARD, { programId: facts.programId }),
    check: expectData,
    // The frontend loads the program's enrollments (they carry sites, group names and devices).
    direct: async (pool) => void (await call(pool, sim, { method: 'GET', path })),
    directCalls: 1,
  };
}

/**
 * Issue 20's setting: the same dashboard on a program of about 200 enrollments under 16
 * connections (its own simulator), beside a plain node:http server returning the same bytes.
 */
export function dashboardOfIssue20(sim: SimProcess, facts: SimFacts, connections: number): Scenario {
  return {
    ...dashboard(sim, facts),
    id: DASHBOARD_200,
    title: `1b. program dashboard (${facts.enrollments.length} enrollments, ${connections} connections), warm against the same bytes from node:http`,
    connections,
    plainBaseline: true,
  };
}

export const DASHBOARD_200 = 'dashboard-200';

export function enrollmentDetail(sim: SimProcess, facts: SimFacts, count = 200): Scenario {
  const picked = activeWithDevices(facts).slice(0, count);
  const nextId = cycle(picked.map((e) => e.id));
  const nextDirect = cycle(picked);
  return {
    id: 'detail',
    title: `2. enrollment detail by id + each device's latest telemetry (${picked.length} ids)`,
    next: () => body(DETAIL, { id: nextId() }),
    check: expectData,
    // By id, then the devices' latest telemetry (the frontend knows its program).
    direct: async (pool) => {
      const e = nextDirect();
      await call(pool, sim, { method: 'GET', path: `/v1/enrollments/${e.id}` });
      const deviceIds = (e.devices ?? []).map((d) => d.id);
      await call(pool, sim, {
        method: 'POST',
        path: '/v1/telemetry/latest',
        json: { program_id: facts.programId, device_ids: deviceIds },
      });
    },
    directCalls: 2,
  };
}

export function largeProgramPage(sim: SimProcess, facts: SimFacts): Scenario {
  const path = `/v1/enrollments?program_id=${facts.programId}`;
  return {
    id: 'large-program',
    title: `3. ${facts.enrollments.length}-site program: stats + first page filtered by status`,
    next: () => body(LARGE_PAGE, { programId: facts.programId }),
    check: expectData,
    direct: async (pool) => void (await call(pool, sim, { method: 'GET', path })),
    directCalls: 1,
  };
}

export function eventPreview(sim: SimProcess, facts: SimFacts, groupId: string, size: number): Scenario {
  const startsAt = new Date(Date.now() + 6 * 3_600_000).toISOString();
  const input = {
    programId: facts.programId,
    targetType: 'GROUP',
    targetIds: [groupId],
    actions: [{ mode: 'DISCHARGE', startsAt, durationS: 3600, powerMode: 'SETPOINT', setpointW: 3000 }],
  };
  return {
    id: 'preview',
    title: `4. event preview over a group of ${size} sites`,
    next: () => body(PREVIEW, { input }),
    check: expectData,
    // The enrollments (membership, devices), the groups (the group exists) and the events (overlaps).
    direct: async (pool) => {
      await Promise.all([
        call(pool, sim, { method: 'GET', path: `/v1/enrollments?program_id=${facts.programId}` }),
        call(pool, sim, { method: 'GET', path: `/v1/programs/${facts.programId}/groups` }),
        call(pool, sim, { method: 'GET', path: '/v1/events' }),
      ]);
    },
    directCalls: 3,
  };
}

export function latestTelemetry(sim: SimProcess, facts: SimFacts, devices = 200): Scenario {
  let first = 0;
  let deviceCount = 0;
  while (deviceCount < devices && first < facts.enrollments.length) {
    deviceCount += facts.enrollments[first]!.devices?.length ?? 0;
    first++;
  }
  const deviceIds = facts.enrollments.slice(0, first).flatMap((e) => (e.devices ?? []).map((d) => d.id));
  return {
    id: 'telemetry',
    title: `5. latest telemetry for ${deviceIds.length} devices (first ${first} enrollments)`,
    next: () => body(LATEST_TELEMETRY, { programId: facts.programId, first }),
    check: expectData,
    // The enrollments (which devices), then one latest-telemetry call for them.
    direct: async (pool) => {
      await call(pool, sim, { method: 'GET', path: `/v1/enrollments?program_id=${facts.programId}` });
      await call(pool, sim, {
        method: 'POST',
        path: '/v1/telemetry/latest',
        json: { program_id: facts.programId, device_ids: deviceIds },
      });
    },
    directCalls: 2,
  };
}

export function statusWrites(sim: SimProcess, facts: SimFacts, count = 100): Scenario {
  const ids = activeWithDevices(facts)
    .slice(0, count)
    .map((e) => e.id);
  let n = 0;
  // Pause then reactivate each enrollment in turn: every write is a real change.
  const nextChange = () => {
    const i = n++;
    const status = Math.floor(i / ids.length) % 2 === 0 ? 'PAUSED' : 'ACTIVE';
    return { id: ids[i % ids.length]!, status };
  };
  const nextDirect = (() => {
    let m = 0;
    return () => {
      const i = m++;
      return { id: ids[i % ids.length]!, status: Math.floor(i / ids.length) % 2 === 0 ? 'PAUSED' : 'ACTIVE' };
    };
  })();
  return {
    id: 'writes',
    title: `6. status updates (pause / reactivate over ${ids.length} enrollments)`,
    next: () => {
      const change = nextChange();
      return body(STATUS_WRITE, { input: { ...change, statusReason: `bench ${change.status}` } });
    },
    check: expectData,
    direct: async (pool) => {
      const change = nextDirect();
      await call(pool, sim, {
        method: 'PATCH',
        path: `/v1/enrollments/${change.id}`,
        json: { status: change.status, status_reason: `bench ${change.status}` },
      });
    },
    directCalls: 1,
  };
}
