import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Simulator, SimulatorOptions } from '../../src/simulator/types.js';
import { startRedis } from '../support/redis.js';
import { startService, type StartedService } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';
import { UPDATE_ENROLLMENT as UPDATE } from '../support/operations.js';

// Every suite here needs a real redis-server: skipped with the reason when it is absent; with
// CI=true its absence fails the file instead.
const redisServer = requireBinary('redis-server', 'apt-get install redis-server');

// Three instances of the service on one Redis and one Flip (the first one's embedded simulator):
// a program missed by all of them at once is fetched from Flip once for the fleet (issue 20).

const READ = /* GraphQL */ `
  query ($id: ID!) {
    program(id: $id) {
      enrollments(first: 3) {
        nodes {
          id
          status
          statusReason
        }
      }
    }
  }
`;
type Node = { id: string; status: string; statusReason: string | null };
type Read = { program: { enrollments: { nodes: Node[] } } };

/** Three services on one new Redis; the first runs the simulator the other two use. */
async function startFleet(env: Record<string, string> = {}, sim: SimulatorOptions = {}) {
  const redis = await startRedis();
  const fullEnv = { REDIS_URL: redis.url, CACHE_TTL_S: '30', ...env };
  const a = await startService({ env: fullEnv, sim });
  const b = await startService({ env: fullEnv, upstream: a.sim });
  const c = await startService({ env: fullEnv, upstream: a.sim });
  const client = new Redis(redis.url);
  client.on('error', () => undefined); // A test stops Redis under it.
  onTestFinished(() => void client.disconnect());
  return { redis, client, fleet: [a, b, c] as const, sim: a.sim, programId: a.sim.programs[0]!.id };
}

async function firstNodes(svc: StartedService, programId: string): Promise<Node[]> {
  const res = await svc.gql<Read>(READ, { id: programId });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.program.enrollments.nodes;
}

/** `GET /v1/enrollments?program_id=` calls in the journal: the whole program's list. */
function listCalls(sim: Simulator, programId: string): number {
  return sim.journal
    .calls()
    .filter((c) => c.method === 'GET' && c.route === '/v1/enrollments' && c.query?.program_id === programId)
    .length;
}

/** flip_graphql_cache_leases_total{cache="enrollments"} summed over the instances, by outcome. */
async function leaseOutcomes(fleet: readonly StartedService[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const svc of fleet) {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    for (const [, outcome, n] of text.matchAll(
      /^flip_graphql_cache_leases_total\{cache="enrollments",outcome="(\w+)"\} (\d+)$/gm,
    )) {
      totals[outcome!] = (totals[outcome!] ?? 0) + Number(n);
    }
  }
  return totals;
}

/** The lease of a program's enrollments, as an instance takes it. */
const leaseKey = (programId: string) => `flip-graphql:cache:lease:enrollments:${programId}`;

describe('three instances missing one program at once', redisServer.suite, () => {
  it('make one GET /v1/enrollments between them and answer the same data', async () => {
    // Flip answers in 200 ms: the three loads overlap, as three cold instances' do.
    const { fleet, sim, programId } = await startFleet({}, { latencyMs: 200 });
    sim.journal.clear();

    const answers = await Promise.all(fleet.map((svc) => firstNodes(svc, programId)));

    expect(listCalls(sim, programId)).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toHaveLength(3);
    expect(await leaseOutcomes(fleet)).toMatchObject({ acquired: 1, waited: 2 });
  });

  it('a holder that is gone (its lease left behind): one waiter takes over once it expires', async () => {
    const { client, fleet, sim, programId } = await startFleet();
    // A lease nobody will release or renew, as a crashed instance leaves it.
    await client.set(leaseKey(programId), 'crashed-instance', 'PX', 1_000);
    sim.journal.clear();

    const answers = await Promise.all(fleet.map((svc) => firstNodes(svc, programId)));

    expect(listCalls(sim, programId)).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await leaseOutcomes(fleet)).toMatchObject({ acquired: 1, waited: 2 });
  });

  it('a holder slower than CACHE_LEASE_WAIT_MS: each instance loads itself after the wait', async () => {
    const { client, fleet, sim, programId } = await startFleet({ CACHE_LEASE_WAIT_MS: '300' });
    // A live holder keeps renewing its lease: this one outlasts the test.
    await client.set(leaseKey(programId), 'slow-instance', 'PX', 600_000);
    sim.journal.clear();

    const answers = await Promise.all(fleet.map((svc) => firstNodes(svc, programId)));

    expect(listCalls(sim, programId)).toBe(3);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await leaseOutcomes(fleet)).toEqual({ fallback: 3 });
  });

  it('Redis going away while they wait: each loads from Flip and answers', async () => {
    const { redis, client, fleet, sim, programId } = await startFleet({ CACHE_LEASE_WAIT_MS: '600000' });
    await client.set(leaseKey(programId), 'slow-instance', 'PX', 600_000);
    sim.journal.clear();

    const answers = Promise.all(fleet.map((svc) => firstNodes(svc, programId)));
    // Every instance's last command is a claim of the lease (a Lua script): all three wait.
    await vi.waitFor(async () => {
      const connections = (await client.call('CLIENT', 'LIST')) as string;
      expect(connections.match(/ cmd=eval /g)).toHaveLength(3);
    });
    expect(listCalls(sim, programId)).toBe(0);
    await redis.close();

    const [first, second, third] = await answers;
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(listCalls(sim, programId)).toBe(3);
    await vi.waitFor(() => expect(fleet[0].logText()).toMatch(/Redis could not be used for the cache/));
  });

  it("a write during the holder's load: no instance keeps or adopts the list from before it", async () => {
    // C waits for B however long B takes.
    const { client, fleet, sim, programId } = await startFleet({ CACHE_LEASE_WAIT_MS: '60000' });
    const [a, b, c] = fleet;
    const target = (await firstNodes(a, programId))[0]!;
    // A first write opens the audit trail (seconds of CPU): the write in the race must be quick.
    const opening = await a.gql(UPDATE, { input: { id: target.id, statusReason: 'before the race' } });
    expect(opening.body.errors).toBeUndefined();
    await firstNodes(a, programId);
    // A holds the program in its memory; B and C must miss in Redis.
    await vi.waitFor(async () => expect(await client.exists(leaseKey(programId))).toBe(0));
    await client.del(`flip-graphql:cache:data:enrollments:${programId}`);
    // B's list is computed at once and then sent in a few pieces, a second apart: a write can
    // land while it is on the wire.
    const listBytes = JSON.stringify(sim.state.enrollments(programId)).length;
    const chunkBytes = Math.ceil(listBytes / 2);
    sim.faults.add({ route: '/v1/enrollments', kind: 'chunked', chunkBytes, pauseMs: 1_000, times: 1 });
    sim.journal.clear();

    const onB = firstNodes(b, programId);
    await vi.waitFor(async () => {
      expect(await client.exists(leaseKey(programId))).toBe(1);
      expect(listCalls(sim, programId)).toBe(1);
    });
    const onC = firstNodes(c, programId);
    const reason = `written during the load ${randomUUID()}`;
    const write = await a.gql(UPDATE, { input: { id: target.id, statusReason: reason } });
    expect(write.body.errors).toBeUndefined();

    // B's load was on the wire when the write's change reached it: B applies it to what it
    // loaded. C waited for B, whose list Redis refused (patched meanwhile): C loads.
    expect((await onB).find((n) => n.id === target.id)?.statusReason).toBe(reason);
    expect((await onC).find((n) => n.id === target.id)?.statusReason).toBe(reason);
    expect(listCalls(sim, programId)).toBe(2);
    // B did not keep its older list: it takes C's, without asking Flip.
    expect((await firstNodes(b, programId)).find((n) => n.id === target.id)?.statusReason).toBe(reason);
    expect(listCalls(sim, programId)).toBe(2);
    // A's first load, B's and C's (A's opening write patched A's copy: no reload).
    expect(await leaseOutcomes(fleet)).toMatchObject({ acquired: 3 });
  }, 60_000); // The first write opens the audit trail (in-process PostgreSQL): seconds of CPU.
});

describe('a program too large for Redis (over 16 MiB)', redisServer.suite, () => {
  it('is loaded by each instance, the others told at once instead of waiting', async () => {
    // 32,000 sites: the first program's list is about 18 MB. A wait of ten minutes, longer
    // than the test may take: the instances that did not hold the lease were not made to wait.
    const { client, fleet, sim, programId } = await startFleet(
      { CACHE_LEASE_WAIT_MS: '600000' },
      { sites: 32_000 },
    );
    sim.journal.clear();

    const answers = await Promise.all(fleet.map((svc) => firstNodes(svc, programId)));

    expect(listCalls(sim, programId)).toBe(3);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await leaseOutcomes(fleet)).toEqual({ acquired: 1, large: 2 });
    // Marked, so that the next cold instance loads at once, without a lease.
    expect(await client.exists(`flip-graphql:cache:large:enrollments:${programId}`)).toBe(1);
    expect(await client.exists(`flip-graphql:cache:data:enrollments:${programId}`)).toBe(0);
    expect(await client.exists(leaseKey(programId))).toBe(0);
  });
});
