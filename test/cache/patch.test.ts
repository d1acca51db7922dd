import { describe, expect, it } from 'vitest';
import type { WireEnrollment } from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/types.js';
import { utility } from '../support/sim.js';
import { startService, type StartedService } from '../support/start.js';

// A write patches the cached program with Flip's answer instead of dropping it (issue 20): the
// next read shows the write without downloading the program again. Upstream calls from the journal.

const TTL_S = 30;
/** The first write of a service opens its in-memory audit trail (PGlite): seconds on a busy machine. */
const FIRST_WRITE_TIMEOUT_MS = 60_000;
const T0 = Date.parse('2025-06-01T12:00:00Z');

const READ = /* GraphQL */ `
  query ($id: ID!, $groupIds: [ID!]) {
    program(id: $id) {
      stats {
        byStatus {
          status
          count
        }
      }
      paused: enrollments(first: 500, filter: { status: [PAUSED] }) {
        nodes {
          id
          status
        }
      }
      inGroup: enrollments(first: 500, filter: { groupIds: $groupIds }) {
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
  }
`;

interface Read {
  stats: { byStatus: { status: string; count: number }[] };
  paused: { nodes: { id: string; status: string }[] };
  inGroup: { nodes: { id: string; statusReason: string | null; groups: { id: string; name: string }[] }[] };
  groups: { id: string; name: string }[];
}

/** One service on its embedded simulator; both clocks are the test's (the simulator's stands still). */
async function startPatched() {
  let cacheMs = T0;
  // After every seeded updated_at: the service's writes are newer than what it cached.
  let simMs = Date.now();
  const svc = await startService({
    env: { CACHE_TTL_S: String(TTL_S) },
    cacheClock: () => cacheMs,
    sim: { now: () => simMs },
  });
  const programId = svc.sim.programs[0]!.id;
  return {
    svc,
    programId,
    advanceCacheS: (s: number) => (cacheMs += s * 1000),
    advanceSimMs: (ms: number) => (simMs += ms),
  };
}

async function read(svc: StartedService, programId: string, groupIds: string[] = []): Promise<Read> {
  const res = await svc.gql<{ program: Read }>(READ, { id: programId, groupIds });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.program;
}

async function write(svc: StartedService, document: string, variables: Record<string, unknown>) {
  const res = await svc.gql(document, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

const countOf = (r: Read, status: string) => r.stats.byStatus.find((s) => s.status === status)!.count;

function enrollments(sim: Simulator, programId: string): WireEnrollment[] {
  return sim.state.enrollments(programId) as WireEnrollment[];
}

describe('a write patches the cached program', () => {
  it(
    'a status change: the next read shows the status, stats and filtered page; one PATCH, no list call',
    async () => {
      const { svc, programId, advanceSimMs } = await startPatched();
      const before = await read(svc, programId);
      const active = enrollments(svc.sim, programId).find((e) => e.status === 'ACTIVE')!;
      expect(before.paused.nodes.map((n) => n.id)).not.toContain(active.id);
      svc.sim.journal.clear();
      advanceSimMs(1000);

      await write(svc, `mutation ($id: ID!) { pauseEnrollment(id: $id) { id status } }`, { id: active.id });
      const after = await read(svc, programId);

      expect(after.paused.nodes).toContainEqual({ id: active.id, status: 'PAUSED' });
      expect(after.paused.nodes).toHaveLength(before.paused.nodes.length + 1);
      expect(countOf(after, 'PAUSED')).toBe(countOf(before, 'PAUSED') + 1);
      expect(countOf(after, 'ACTIVE')).toBe(countOf(before, 'ACTIVE') - 1);
      expect(svc.sim.journal.counts()).toEqual({ 'PATCH /v1/enrollments/{id}': 1 });
    },
    FIRST_WRITE_TIMEOUT_MS,
  );

  it(
    'group membership: the next read shows the site in the group; one PATCH, no list call',
    async () => {
      const { svc, programId, advanceSimMs } = await startPatched();
      const group = (await read(svc, programId)).groups[0]!;
      const outside = enrollments(svc.sim, programId).find(
        (e) => !e.site.groups?.some((g) => g.id === group.id),
      )!;
      const before = await read(svc, programId, [group.id]);
      svc.sim.journal.clear();
      advanceSimMs(1000);

      await write(
        svc,
        `mutation ($p: ID!, $g: ID!, $ids: [ID!]!) {
        addEnrollmentsToGroup(programId: $p, groupId: $g, enrollmentIds: $ids) { succeeded { id } }
      }`,
        { p: programId, g: group.id, ids: [outside.id] },
      );
      const after = await read(svc, programId, [group.id]);

      const added = after.inGroup.nodes.find((n) => n.id === outside.id);
      expect(added?.groups).toContainEqual({ id: group.id, name: group.name });
      expect(after.inGroup.nodes).toHaveLength(before.inGroup.nodes.length + 1);
      expect(svc.sim.journal.counts()).toEqual({ 'PATCH /v1/enrollments/{id}': 1 });
    },
    FIRST_WRITE_TIMEOUT_MS,
  );

  it(
    'a group rename: the group list and the member sites show the new name; one PATCH, no list call',
    async () => {
      const { svc, programId } = await startPatched();
      const withGroups = enrollments(svc.sim, programId).find((e) => (e.site.groups?.length ?? 0) > 0)!;
      const groupId = withGroups.site.groups![0]!.id;
      const before = await read(svc, programId, [groupId]);
      svc.sim.journal.clear();

      await write(
        svc,
        `mutation ($p: ID!, $id: ID!) { renameGroup(programId: $p, id: $id, name: "Renamed") { id } }`,
        {
          p: programId,
          id: groupId,
        },
      );
      const after = await read(svc, programId, [groupId]);

      expect(after.groups).toContainEqual({ id: groupId, name: 'Renamed' });
      expect(after.inGroup.nodes.map((n) => n.id)).toEqual(before.inGroup.nodes.map((n) => n.id));
      for (const node of after.inGroup.nodes)
        expect(node.groups).toContainEqual({ id: groupId, name: 'Renamed' });
      expect(svc.sim.journal.counts()).toEqual({ 'PATCH /v1/programs/{programId}/groups/{id}': 1 });
    },
    FIRST_WRITE_TIMEOUT_MS,
  );

  it(
    'a group deletion: the group list and the member sites lose it; one DELETE, no list call',
    async () => {
      const { svc, programId } = await startPatched();
      const member = enrollments(svc.sim, programId).find((e) => (e.site.groups?.length ?? 0) > 0)!;
      const groupId = member.site.groups![0]!.id;
      await read(svc, programId, [groupId]);
      svc.sim.journal.clear();

      await write(svc, `mutation ($p: ID!, $id: ID!) { deleteGroup(programId: $p, id: $id) }`, {
        p: programId,
        id: groupId,
      });
      const after = await read(svc, programId);
      const res = await svc.gql<{ enrollment: { groups: { id: string }[] } }>(
        `query ($id: ID!) { enrollment(id: $id) { groups { id } } }`,
        { id: member.id },
      );

      expect(after.groups.map((g) => g.id)).not.toContain(groupId);
      expect(res.body.data?.enrollment.groups.map((g) => g.id)).not.toContain(groupId);
      expect(svc.sim.journal.counts()).toEqual({ 'DELETE /v1/programs/{programId}/groups/{id}': 1 });
    },
    FIRST_WRITE_TIMEOUT_MS,
  );

  it(
    'an answer that cannot be ordered with the cached record (same updated_at, other content): dropped, one reload',
    async () => {
      const { svc, programId, advanceCacheS } = await startPatched();
      await read(svc, programId);
      const target = enrollments(svc.sim, programId)[0]!;
      // Changed behind the cache, then loaded again: the cache holds it at the simulator's time.
      const behind = await utility(svc.sim, 'PATCH', `/v1/enrollments/${target.id}`, {
        body: { status_reason: 'changed behind the cache' },
      });
      expect(behind.status).toBe(200);
      advanceCacheS(2 * TTL_S);
      await read(svc, programId);
      svc.sim.journal.clear();

      // The simulator's clock stands still: Flip answers with the same updated_at, another reason
      // (as a Flip whose times have a coarse precision would for two quick writes).
      await write(
        svc,
        `mutation ($input: UpdateEnrollmentInput!) { updateEnrollment(input: $input) { id } }`,
        {
          input: { id: target.id, statusReason: 'written at the same instant' },
        },
      );
      const res = await svc.gql<{
        program: { enrollments: { nodes: { id: string; statusReason: string }[] } };
      }>(`query ($id: ID!) { program(id: $id) { enrollments(first: 500) { nodes { id statusReason } } } }`, {
        id: programId,
      });
      expect(res.body.data?.program.enrollments.nodes).toContainEqual({
        id: target.id,
        statusReason: 'written at the same instant',
      });
      expect(svc.sim.journal.counts()).toEqual({ 'PATCH /v1/enrollments/{id}': 1, 'GET /v1/enrollments': 1 });
      const dropped = svc.logs.find((l) => l.msg === 'cache: a write could not be patched in, dropped');
      expect(dropped).toMatchObject({
        cache: 'enrollments',
        reason: expect.stringContaining('cannot be ordered'),
      });
    },
    FIRST_WRITE_TIMEOUT_MS,
  );
});
