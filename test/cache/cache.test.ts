import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { WireEnrollment } from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/types.js';
import { startHoldingProxy } from '../support/holding-proxy.js';
import { startTestSim, utility } from '../support/sim.js';
import { startService } from '../support/start.js';
import { FIRST_ENROLLMENT, UPDATE_ENROLLMENT as UPDATE_REASON } from '../support/operations.js';

// The cross-request cache (issue 9), through GraphQL over HTTP; upstream calls from the journal.

const TTL_S = 30;
const FIRST_WRITE_TIMEOUT_MS = 60_000;

/** A clock the test moves instead of waiting out a TTL. */
function testClock() {
  let ms = Date.parse('2025-06-01T12:00:00Z');
  return { now: () => ms, advanceS: (s: number) => (ms += s * 1000) };
}

const PROGRAM_READ = /* GraphQL */ `
  query ($id: ID!) {
    program(id: $id) {
      stats {
        enrollmentCount
      }
      enrollments(first: 3) {
        nodes {
          id
          statusReason
          groups {
            id
            name
          }
        }
      }
      groups {
        id
        name
      }
    }
    events {
      id
    }
  }
`;

type ProgramRead = {
  program: { enrollments: { nodes: { id: string; statusReason: string | null }[] } };
};

function firstEnrollment(sim: Simulator, programId: string): WireEnrollment {
  return sim.state.enrollments(programId)[0] as WireEnrollment;
}

async function startCached(env: Record<string, string> = {}) {
  const clock = testClock();
  const svc = await startService({ env: { CACHE_TTL_S: String(TTL_S), ...env }, cacheClock: clock.now });
  const programId = svc.sim.programs[0]!.id;
  const read = async () => {
    const res = await svc.gql<ProgramRead>(PROGRAM_READ, { id: programId });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.program.enrollments.nodes[0]!;
  };
  return { svc, clock, programId, read };
}

describe('cross-request cache', () => {
  it('serves enrollments, groups and events again within the TTL without an upstream call', async () => {
    const { svc, clock, programId } = await startCached();
    const first = await svc.gql(PROGRAM_READ, { id: programId });
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': 1,
      'GET /v1/programs/{programId}/groups': 1,
      'GET /v1/events': 1,
    });
    svc.sim.journal.clear();
    clock.advanceS(TTL_S - 1);
    const second = await svc.gql(PROGRAM_READ, { id: programId });
    expect(second.body).toEqual(first.body);
    // The cache is the service's: answers are never stored by a browser or a proxy.
    expect(second.headers['cache-control']).toBe('no-store');
    expect(svc.sim.journal.calls()).toEqual([]);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(/^flip_graphql_cache_hits_total\{cache="enrollments"\} 1$/m);
    expect(metrics).toMatch(/^flip_graphql_cache_misses_total\{cache="enrollments"\} 1$/m);
  });

  it('fetches again once a value is older than twice the TTL', async () => {
    const { svc, clock, read } = await startCached();
    await read();
    svc.sim.journal.clear();
    clock.advanceS(2 * TTL_S);
    await read();
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': 1,
      'GET /v1/programs/{programId}/groups': 1,
      'GET /v1/events': 1,
    });
  });

  it('serves a stale value at once while one background refresh fetches the new one', async () => {
    const { svc, clock, programId, read } = await startCached();
    const before = await read();
    const changed = await utility(svc.sim, 'PATCH', `/v1/enrollments/${before.id}`, {
      body: { status_reason: 'changed behind the cache' },
    });
    expect(changed.status).toBe(200);
    svc.sim.journal.clear();
    // The refresh takes a while upstream: both stale reads answer before it lands.
    svc.sim.faults.add({ route: '/v1/enrollments', kind: 'latency', latencyMs: 400, times: 1 });
    clock.advanceS(TTL_S + 1);

    expect(await read()).toEqual(before);
    expect(await read()).toEqual(before);
    await vi.waitFor(() => expect(svc.sim.journal.counts()['GET /v1/enrollments']).toBe(1));
    await vi.waitFor(async () => expect((await read()).statusReason).toBe('changed behind the cache'));
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': 1,
      'GET /v1/programs/{programId}/groups': 1,
      'GET /v1/events': 1,
    });
    expect(svc.sim.journal.calls()).toContainEqual({
      method: 'GET',
      route: '/v1/enrollments',
      query: { program_id: programId },
    });
  });

  // The first write of a service opens its in-memory audit trail (PGlite): seconds on a busy machine.
  it(
    "patches in what the service's own write changed: the next read shows it without a call",
    async () => {
      const { svc, read } = await startCached();
      const before = await read();
      // Selecting no relation: the write request itself reads nothing after the PATCH.
      const write = await svc.gql(
        /* GraphQL */ `
          mutation ($input: UpdateEnrollmentInput!) {
            updateEnrollment(input: $input) {
              id
              statusReason
            }
          }
        `,
        { input: { id: before.id, statusReason: 'written through the service' } },
      );
      expect(write.body.errors).toBeUndefined();
      svc.sim.journal.clear();
      expect((await read()).statusReason).toBe('written through the service');
      // Flip's answer to the PATCH was applied to the cached program (test/cache/patch.test.ts).
      expect(svc.sim.journal.counts()).toEqual({});
    },
    FIRST_WRITE_TIMEOUT_MS,
  );

  it(
    'a load that was running when a write happened applies its answer once it lands: the next read needs no call',
    async () => {
      const sim = await startTestSim();
      const proxy = await startHoldingProxy(sim);
      const clock = testClock();
      const svc = await startService({
        upstream: proxy.upstream,
        env: { CACHE_TTL_S: String(TTL_S) },
        cacheClock: clock.now,
        autoClose: false,
      });
      onTestFinished(async () => {
        await svc.close();
        await sim.close();
      });
      const programId = sim.programs[0]!.id;
      const read = async () => {
        const res = await svc.gql<ProgramRead>(FIRST_ENROLLMENT, { id: programId });
        expect(res.body.errors).toBeUndefined();
        return res.body.data!.program.enrollments.nodes[0]!;
      };
      const before = await read();
      // Stale: the next read answers at once and starts one background refresh (held below).
      clock.advanceS(TTL_S + 1);

      const held = proxy.holdNext('GET', '/v1/enrollments');
      expect(await read()).toEqual(before);
      // Flip has answered the refresh with the enrollment as it was; the answer is still on its way.
      await held.reached;
      const reason = 'written while a load ran';
      const write = await svc.gql(UPDATE_REASON, { input: { id: before.id, statusReason: reason } });
      expect(write.body.errors).toBeUndefined();
      sim.journal.clear();
      held.release();

      // Past 2 TTLs of the first load: this read gets what the refresh keeps (it waits for the
      // refresh when it is still running), which is its older answer with the write's answer applied
      // (cross-request-cache.ts, the changes of writes made while a load ran).
      clock.advanceS(TTL_S - 1);
      expect(await read()).toEqual({ id: before.id, statusReason: reason });
      expect(await read()).toEqual({ id: before.id, statusReason: reason });
      expect(sim.journal.calls()).toEqual([]);
    },
    FIRST_WRITE_TIMEOUT_MS,
  );

  it('keeps nothing across requests with CACHE_TTL_S=0', async () => {
    const { svc, read } = await startCached({ CACHE_TTL_S: '0' });
    await read();
    await read();
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': 2,
      'GET /v1/programs/{programId}/groups': 2,
      'GET /v1/events': 2,
    });
  });

  it('evicts the least recently used program beyond CACHE_MAX_BYTES', async () => {
    const sim = await startTestSim({ sites: 300 });
    const [a, b] = sim.programs.map((p) => p.id) as [string, string];
    const bytesOf = async (id: string) =>
      Buffer.byteLength((await utility(sim, 'GET', '/v1/enrollments', { query: { program_id: id } })).text);
    // Entries are sized by their response bytes (cross-request-cache.ts): room for A, not A and B.
    const maxBytes = (await bytesOf(a)) + 1_000;
    expect((await bytesOf(a)) + (await bytesOf(b))).toBeGreaterThan(maxBytes);
    const svc = await startService({
      upstream: sim,
      env: { CACHE_TTL_S: String(TTL_S), CACHE_MAX_BYTES: String(maxBytes) },
      autoClose: false,
    });
    onTestFinished(async () => {
      await svc.close();
      await sim.close();
    });
    const count = (id: string) => svc.gql(`{ program(id: "${id}") { stats { enrollmentCount } } }`);
    sim.journal.clear();
    await count(a);
    await count(a);
    await count(b);
    await count(a);
    expect(sim.journal.calls()).toEqual(
      [a, b, a].map((id) => ({ method: 'GET', route: '/v1/enrollments', query: { program_id: id } })),
    );
  });

  it('finds enrollment(id) in the cached programs: only the telemetry call remains', async () => {
    const { svc, programId } = await startCached();
    await svc.gql('{ programs { stats { enrollmentCount } } }');
    const enrollment = firstEnrollment(svc.sim, programId);
    svc.sim.journal.clear();
    const res = await svc.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          enrollment(id: $id) {
            id
            devices {
              latestTelemetry {
                isOnline
              }
            }
          }
        }
      `,
      { id: enrollment.id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(Object.keys(svc.sim.journal.counts())).toEqual(['POST /v1/telemetry/latest']);
  });

  it("keeps each device's latest telemetry for at most 30 s", async () => {
    const { svc, clock, programId } = await startCached({ CACHE_TTL_S: '300' });
    const query = /* GraphQL */ `
      query ($id: ID!) {
        program(id: $id) {
          enrollments(first: 20) {
            nodes {
              devices {
                latestTelemetry {
                  startTime
                  batteryStateOfChargePercentage
                }
              }
            }
          }
        }
      }
    `;
    const first = await svc.gql(query, { id: programId });
    expect(first.body.errors).toBeUndefined();
    svc.sim.journal.clear();
    clock.advanceS(29);
    expect((await svc.gql(query, { id: programId })).body).toEqual(first.body);
    expect(svc.sim.journal.calls()).toEqual([]);
    clock.advanceS(2);
    await svc.gql(query, { id: programId });
    expect(svc.sim.journal.counts()).toEqual({ 'POST /v1/telemetry/latest': 1 });
  });

  it('keeps no failed load: the next request asks Flip again', async () => {
    const { svc, programId } = await startCached();
    svc.sim.faults.add({ route: '/v1/enrollments', kind: 'status', status: 500, times: 1 });
    const query = `{ program(id: "${programId}") { stats { enrollmentCount } } }`;
    const failed = await svc.gql(query);
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const answered = await svc.gql(query);
    expect(answered.body.errors).toBeUndefined();
    expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments': 2 });
  });
});
