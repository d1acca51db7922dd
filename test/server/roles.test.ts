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
