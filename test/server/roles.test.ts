import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/index.js';
import { MUTATION_ROLES } from '../../src/server/roles.js';
import { startService } from '../support/start.js';

const KEYS = {
  viewer: 'viewer-key-0123456789abcdef',
  operator: 'operator-key-0123456789abcdef',
  dispatcher: 'dispatcher-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdef',
};
const ENV = {
  GRAPHQL_API_KEYS: Object.entries(KEYS)
    .map(([role, key]) => `${key}:${role}`)
    .join(','),
};
const as = (role: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[role]}` });

const schema = await createSchema();
const mutationFields = Object.keys(schema.getMutationType()?.getFields() ?? {});

const CANCEL = /* GraphQL */ `
  mutation Cancel {
    cancelEvent(id: "no-such-event")
  }
`;
const PAUSE = /* GraphQL */ `
  mutation Pause {
    pauseEnrollment(id: "no-such-enrollment") {
      id
    }
  }
`;

describe('the mutation role table', () => {
  it('classifies every Mutation field of the schema', () => {
    const unclassified = mutationFields.filter((name) => !Object.hasOwn(MUTATION_ROLES, name));
    expect(mutationFields).toContain('dispatchEvent');
    expect(unclassified).toEqual([]);
  });
});

describe('roles', () => {
  it('lets every role run queries', async () => {
    const service = await startService({ env: ENV });
    for (const role of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
      const res = await service.gql('{ programs { id } }', undefined, as(role));
      expect(res.status).toBe(200);
    }
  });

  it('answers FORBIDDEN with 403 and calls nothing upstream for a too small role', async () => {
    const service = await startService({ env: ENV });
    const refused = [
      await service.gql(CANCEL, undefined, as('viewer')),
      await service.gql(CANCEL, undefined, as('operator')),
      await service.gql(PAUSE, undefined, as('viewer')),
      await service.gql(PAUSE, undefined, as('dispatcher')),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(refused[0]?.body.errors?.[0]?.message).toBe(
      'Role viewer may not use cancelEvent (needs dispatcher).',
    );
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('sees through fragments at the mutation root', async () => {
    const service = await startService({ env: ENV });
    const res = await service.gql(
      /* GraphQL */ `
        mutation Sneaky {
          ... on Mutation {
            ...Cancel
          }
        }
        fragment Cancel on Mutation {
          cancelEvent(id: "no-such-event")
        }
      `,
      undefined,
      as('operator'),
    );
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('lets the matching role and admin through to the resolver', async () => {
    const service = await startService({ env: ENV });
    const allowed = [
      await service.gql(CANCEL, undefined, as('dispatcher')),
      await service.gql(CANCEL, undefined, as('admin')),
      await service.gql(PAUSE, undefined, as('operator')),
      await service.gql(PAUSE, undefined, as('admin')),
    ];
    for (const res of allowed) {
      expect(res.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('FORBIDDEN');
    }
  });
});

// Plain data fields run without type-graphql's wrapper (src/graphql/lean-resolvers.ts, issue 20):
// roles must hold whatever runs the fields, so a restricted field read beside plain data fields,
// under an alias and in a fragment, is still refused before any resolver runs, on either executor.
describe.each(['graphql-js', 'jit'])(
  'roles with plain data fields unwrapped (GRAPHQL_EXECUTOR=%s)',
  (executor) => {
    const READ = /* GraphQL */ `
      query Mixed($programId: ID!) {
        program(id: $programId) {
          id
          name
          enrollments(first: 2) {
            nodes {
              id
              status
              site {
                id
                city
              }
            }
            pageInfo {
              endCursor
            }
          }
        }
        ...Log
      }
      fragment Log on Query {
        trail: auditLog(first: 1) {
          edges {
            node {
              id
              operation
            }
          }
        }
      }
    `;

    it('refuses a viewer the audit log with 403 and no upstream call; a dispatcher reads it', async () => {
      const service = await startService({ env: { ...ENV, GRAPHQL_EXECUTOR: executor } });
      const programId = service.sim.programs[0]!.id;
      for (const role of ['viewer', 'operator'] as const) {
        const res = await service.gql(READ, { programId }, as(role));
        expect(res.status).toBe(403);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(res.body.errors?.[0]?.message).toBe(`Role ${role} may not use auditLog (needs dispatcher).`);
      }
      expect(service.sim.journal.calls()).toEqual([]);
      const allowed = await service.gql<{
        program: { enrollments: { nodes: { site: { id: string } }[]; pageInfo: { endCursor: string } } };
        trail: { edges: unknown[] };
      }>(READ, { programId }, as('dispatcher'));
      expect(allowed.body.errors).toBeUndefined();
      expect(allowed.body.data?.program.enrollments.nodes).toHaveLength(2);
      expect(allowed.body.data?.program.enrollments.nodes[0]?.site.id).toEqual(expect.any(String));
      expect(allowed.body.data?.program.enrollments.pageInfo.endCursor).toEqual(expect.any(String));
      expect(allowed.body.data?.trail.edges).toEqual([]);
    });
  },
);
