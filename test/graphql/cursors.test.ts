import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startService, type GqlResult, type StartedService } from '../support/start.js';
import { seedEnrollments } from './helpers.js';

const PAGE = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String, $filter: EnrollmentFilter, $orderBy: EnrollmentOrder) {
    program(id: $id) {
      enrollments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
          }
        }
      }
    }
  }
`;

interface Page {
  program: {
    enrollments: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string } }[];
    } | null;
  } | null;
}

const BY_NAME = { field: 'SITE_NAME', direction: 'ASC' };

let svc: StartedService;
let programId: string;
let otherProgramId: string;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
  [programId, otherProgramId] = svc.sim.programs.map((p) => p.id) as [string, string];
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const codesAndPaths = (res: GqlResult<Page>) =>
  res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.fieldPaths]);

async function walk(
  variables: Record<string, unknown>,
  first: number,
): Promise<{ ids: string[]; cursors: string[] }> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: GqlResult<Page> = await svc.gql<Page>(PAGE, { id: programId, first, after, ...variables });
    expect(res.body.errors).toBeUndefined();
    const connection = res.body.data!.program!.enrollments!;
    ids.push(...connection.edges.map((e) => e.node.id));
    cursors.push(...connection.edges.map((e) => e.cursor));
    if (!connection.pageInfo.hasNextPage) return { ids, cursors };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

describe('enrollment cursors', () => {
  it('#18: carry no name, e-mail or address of the site, in any order', async () => {
    const { ids, cursors } = await walk({ orderBy: BY_NAME }, 40);
    const seed = seedEnrollments(svc.sim, programId);
    expect(new Set(ids)).toEqual(new Set(seed.map((e) => e.id)));
    const enrollmentIds = new Set(seed.map((e) => e.id));
    const names = new Set(
      seed
        .flatMap((e) => [e.site.first_name, e.site.last_name, e.site.company_name, e.site.email])
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.toLowerCase()),
    );
    for (const cursor of cursors) {
      const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      // Only an enrollment id and a binding digest (no sort key of names); no value is a name.
      expect(Object.keys(payload).sort()).toEqual(['b', 'id']);
      expect(enrollmentIds.has(payload.id as string)).toBe(true);
      expect(names.has(String(payload.b).toLowerCase())).toBe(false);
    }
  });

  it('#18: page through a name order following the names, each enrollment once', async () => {
    const seed = seedEnrollments(svc.sim, programId);
    const { ids } = await walk({ orderBy: BY_NAME }, 7);
    expect(ids).toHaveLength(seed.length);
    expect(new Set(ids).size).toBe(seed.length);
    const all = await svc.gql<Page>(PAGE, { id: programId, first: 500, orderBy: BY_NAME });
    expect(ids).toEqual(all.body.data!.program!.enrollments!.edges.map((e) => e.node.id));
  });

  it('#18: refuses a cursor of another program, order or filter as BAD_USER_INPUT at after', async () => {
    const issued = async (variables: Record<string, unknown>) =>
      (await svc.gql<Page>(PAGE, { first: 2, ...variables })).body.data!.program!.enrollments!.pageInfo
        .endCursor!;
    const own = { id: programId, filter: { status: ['ACTIVE'] } };
    const foreign = [
      await issued({ ...own, id: otherProgramId }),
      await issued({ ...own, filter: { status: ['PENDING'] } }),
      await issued({ ...own, filter: null }),
      await issued({ ...own, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }),
    ];
    svc.sim.journal.clear();
    for (const after of foreign) {
      const res = await svc.gql<Page>(PAGE, { ...own, first: 2, after });
      expect(codesAndPaths(res)).toEqual([['BAD_USER_INPUT', ['after']]]);
    }
    const ok = await svc.gql<Page>(PAGE, { ...own, first: 2, after: await issued(own) });
    expect(ok.body.errors).toBeUndefined();
  });

  it('answers a corrupted cursor with BAD_USER_INPUT or a page, never another error', async () => {
    const first = await svc.gql<Page>(PAGE, { id: programId, first: 3 });
    const cursor = first.body.data!.program!.enrollments!.pageInfo.endCursor!;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: cursor.length - 1 }),
        fc.string({ minLength: 0, maxLength: 3 }),
        fc.nat({ max: 3 }),
        async (at, insert, removed) => {
          const after = cursor.slice(0, at) + insert + cursor.slice(at + removed);
          const res = await svc.gql<Page>(PAGE, { id: programId, first: 3, after });
          const codes = res.body.errors?.map((e) => e.extensions?.code) ?? [];
          expect(codes.every((c) => c === 'BAD_USER_INPUT')).toBe(true);
          // A changed timestamp is another position in the same list: a page, possibly empty.
          if (codes.length === 0) expect(res.body.data!.program!.enrollments).not.toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });
});
