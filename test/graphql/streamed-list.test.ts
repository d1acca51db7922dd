import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';
import { seedEnrollments } from './helpers.js';

// Issue 18 §2: the enrollment list is read while it downloads (src/flip/json-items.ts). Through a
// network that fragments the body at random (the simulator's `chunked` fault: pieces of 1 to 4,096
// bytes, a turn of the event loop after each), a valid body must always be read. Before the
// redesign a small piece ending right after an item, then a piece holding the whole next item
// (items are about 1.2 kB), failed the read as "not JSON": most runs of this test failed reads.

const READS = 100;

const PROGRAM = /* GraphQL */ `
  query ($id: ID!) {
    program(id: $id) {
      enrollments(first: 3) {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

interface Result {
  program: { enrollments: { totalCount: number; nodes: { id: string }[] } } | null;
}

describe('Program.enrollments of a 2,000-site program through a fragmenting network', () => {
  it(
    `reads the whole list ${READS} times without an error, one call each`,
    { timeout: 300_000 },
    async () => {
      // Program 0 holds half of the seeded sites.
      const svc = await startService({ sim: { sites: 4_000 } });
      const programId = svc.sim.programs[0]!.id;
      const seed = seedEnrollments(svc.sim, programId);
      expect(seed).toHaveLength(2_000);
      const firstIds = [...seed]
        .sort((a, b) => Date.parse(a.created_at!) - Date.parse(b.created_at!) || (a.id < b.id ? -1 : 1))
        .slice(0, 3)
        .map((e) => e.id);
      svc.sim.faults.add({
        route: '/v1/enrollments',
        kind: 'chunked',
        chunkBytes: 4096,
        seed: 18,
        times: READS,
      });

      const outcomes: unknown[] = [];
      for (let read = 0; read < READS; read++) {
        const res = await svc.gql<Result>(PROGRAM, { id: programId });
        const enrollments = res.body.data?.program?.enrollments;
        outcomes.push(res.body.errors ?? [enrollments?.totalCount, enrollments?.nodes.map((n) => n.id)]);
      }

      expect(outcomes).toEqual(Array.from({ length: READS }, () => [2_000, firstIds]));
      expect(svc.sim.faults.list()).toEqual([]);
      expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments': READS });
      expect(svc.sim.journal.entries().every((e) => e.status === 200)).toBe(true);
    },
  );
});
