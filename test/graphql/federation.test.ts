import { readFileSync } from 'node:fs';
import { findBreakingChanges, Kind, parse, print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createSchema, createSubgraphSchema } from '../../src/graphql/index.js';
import { subgraphSchemaPath } from '../schema/paths.js';
import { startService, type StartedService } from '../support/start.js';
import {
  DEVICE_FIELDS,
  ENROLLMENT_FIELDS,
  SITE_FIELDS,
  enrollmentListCalls,
  seedEnrollments,
  seedEvents,
  sortedCalls,
  startOnOwnSimulator,
} from './helpers.js';

const FEDERATION = { FEDERATION: 'true' };

/** The fields each entity type is compared on, through `_entities` and through the direct query. */
const FIELDS = {
  Program: 'id name',
  Enrollment: `${ENROLLMENT_FIELDS} site { id } program { id }`,
  Site: `${SITE_FIELDS} program { id }`,
  Device: `${DEVICE_FIELDS} site { id }`,
  Event: 'id programId targetType targetIds startsAt endsAt',
  Group: 'id name programId',
};
const ENTITY_FIELDS = Object.entries(FIELDS)
  .map(([type, fields]) => `... on ${type} { ${fields} }`)
  .join('\n');
const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) { __typename ${ENTITY_FIELDS} }
  }
`;
const ENROLLMENT_IDS = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Enrollment {
        id
      }
    }
  }
`;

type Entities = { _entities: (Record<string, unknown> | null)[] };
const rep = (typename: string, key: Record<string, string>) => ({ __typename: typename, ...key });
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

describe('FEDERATION=true', () => {
  let svc: StartedService;
  let programIds: string[];
  beforeAll(async () => {
    svc = await startService({ env: FEDERATION, autoClose: false });
    programIds = svc.sim.programs.map((p) => p.id);
  });
  afterAll(() => svc.close());
  beforeEach(() => svc.sim.journal.clear());

  it('answers _service { sdl } with schema/subgraph.graphql: Federation 2 and the six entity keys', async () => {
    const res = await svc.gql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const sdl = res.body.data!._service.sdl;
    expect(print(parse(sdl))).toBe(print(parse(readFileSync(subgraphSchemaPath, 'utf8'))));
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    const keys = parse(sdl).definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION
        ? (d.directives ?? []).map((k) => `${d.name.value} ${print(k)}`)
        : [],
    );
    expect(keys).toEqual([
      'Device @key(fields: "id")',
      'Enrollment @key(fields: "programId id")',
      'Enrollment @key(fields: "id")',
      'Event @key(fields: "id")',
      'Group @key(fields: "programId id")',
      'Program @key(fields: "id")',
      'Site @key(fields: "id")',
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('answers without Apollo inline traces (ftv1), even when asked', async () => {
    const res = await svc.gql('{ programs { id } }', undefined, {
      'apollo-federation-include-trace': 'ftv1',
    });
    expect(res.body).toEqual({ data: { programs: programIds.map((id) => ({ id })) } });
  });

  it('serves every type and field of the plain schema unchanged', async () => {
    const [plain, subgraph] = await Promise.all([createSchema(), createSubgraphSchema()]);
    expect(findBreakingChanges(plain, subgraph)).toEqual([]);
  });

  it('resolves each entity type to what the direct query answers', async () => {
    const programId = programIds[1]!;
    const enrollment = seedEnrollments(svc.sim, programId).find((e) => (e.devices ?? []).length > 0)!;
    const device = enrollment.devices![0]!;
    const group = svc.sim.state.groups(programId)[0]!;
    const event = seedEvents(svc.sim)[0]!;
    const direct = await svc.gql<Record<string, Record<string, unknown>>>(
      /* GraphQL */ `
        query Direct($programId: ID!, $enrollmentId: ID!, $siteId: ID!, $deviceId: ID!, $eventId: ID!, $groupId: ID!) {
          program(id: $programId) { __typename ${FIELDS.Program} group(id: $groupId) { __typename ${FIELDS.Group} } }
          enrollment(id: $enrollmentId) { __typename ${FIELDS.Enrollment} }
          site(id: $siteId) { __typename ${FIELDS.Site} }
          device(id: $deviceId) { __typename ${FIELDS.Device} }
          event(id: $eventId) { __typename ${FIELDS.Event} }
        }
      `,
      {
        programId,
        enrollmentId: enrollment.id,
        siteId: enrollment.site.id,
        deviceId: device.id,
        eventId: event.id,
        groupId: group.id,
      },
    );
    expect(direct.body.errors).toBeUndefined();
    const { group: directGroup, ...directProgram } = direct.body.data!.program!;

    const res = await svc.gql<Entities>(ENTITIES, {
      representations: [
        rep('Program', { id: programId }),
        rep('Enrollment', { id: enrollment.id }),
        rep('Site', { id: enrollment.site.id }),
        rep('Device', { id: device.id }),
        rep('Event', { id: event.id }),
        rep('Group', { programId, id: group.id }),
      ],
    });
    expect(res.body).toEqual({
      data: {
        _entities: [
          directProgram,
          direct.body.data!.enrollment,
          direct.body.data!.site,
          direct.body.data!.device,
          direct.body.data!.event,
          directGroup,
        ],
      },
    });
    expect(res.body.data!._entities.map((e) => e?.__typename)).toEqual([
      'Program',
      'Enrollment',
      'Site',
      'Device',
      'Event',
      'Group',
    ]);
  });

  it('costs one list call for 100 Enrollment representations of a program the service has read before', async () => {
    const programId = programIds[0]!;
    const ids = seedEnrollments(svc.sim, programId)
      .slice(0, 100)
      .map((e) => e.id);
    expect(ids).toHaveLength(100);
    // Any earlier read of the program tells the service where its enrollment ids live.
    await svc.gql('query ($id: ID!) { program(id: $id) { stats { enrollmentCount } } }', { id: programId });
    svc.sim.journal.clear();

    const res = await svc.gql<Entities>(ENROLLMENT_IDS, {
      representations: ids.map((id) => rep('Enrollment', { id })),
    });
    expect(res.body).toEqual({ data: { _entities: ids.map((id) => ({ id })) } });
    expect(svc.sim.journal.calls()).toEqual(enrollmentListCalls([programId]));
  });

  it('answers null for an unknown id without failing the other representations', async () => {
    const programId = programIds[0]!;
    const [first, second] = seedEnrollments(svc.sim, programId);
    const res = await svc.gql<Entities>(ENROLLMENT_IDS, {
      representations: [
        rep('Enrollment', { id: first!.id }),
        rep('Enrollment', { id: UNKNOWN_UUID }),
        rep('Enrollment', { id: second!.id }),
        rep('Site', { id: 'no-such-site' }),
        rep('Device', { id: 'no-such-device' }),
        rep('Event', { id: 'no-such-event' }),
        rep('Program', { id: 'no-such-program' }),
        rep('Group', { programId, id: 'no-such-group' }),
      ],
    });
    expect(res.body).toEqual({
      data: { _entities: [{ id: first!.id }, null, { id: second!.id }, null, null, null, null, null] },
    });
  });

  it('answers null for a Group of an unconfigured program without asking Flip', async () => {
    const res = await svc.gql<Entities>(ENTITIES, {
      representations: [rep('Group', { programId: 'not-a-configured-program', id: 'g1' })],
    });
    expect(res.body).toEqual({ data: { _entities: [null] } });
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('answers BAD_USER_INPUT naming the first bad representation, before any upstream call', async () => {
    const bad = [
      [rep('Enrollment', { id: 'x' }), { __typename: 'FleetStats', id: 'x' }],
      [rep('Enrollment', { id: 'x' }), { __typename: 'Enrollment' }],
      [rep('Group', { id: 'g1' })],
      ['not-an-object'],
    ];
    const answers = [];
    for (const representations of bad) {
      const res = await svc.gql<Entities>(ENROLLMENT_IDS, { representations });
      // #14: extensions.fields has one entry per fieldPath, with the error's message and code.
      for (const e of res.body.errors ?? [])
        expect(e.extensions?.fields).toEqual(
          (e.extensions?.fieldPaths as string[]).map((path) => ({
            path,
            message: e.message,
            code: 'BAD_USER_INPUT',
          })),
        );
      answers.push({
        data: res.body.data,
        errors: res.body.errors?.map(({ extensions: x }) => ({ code: x?.code, fieldPaths: x?.fieldPaths })),
      });
    }
    expect(answers).toEqual([
      { data: null, errors: [{ code: 'BAD_USER_INPUT', fieldPaths: ['representations[1].__typename'] }] },
      { data: null, errors: [{ code: 'BAD_USER_INPUT', fieldPaths: ['representations[1].id'] }] },
      { data: null, errors: [{ code: 'BAD_USER_INPUT', fieldPaths: ['representations[0].programId'] }] },
      { data: null, errors: [{ code: 'BAD_USER_INPUT', fieldPaths: ['representations[0].__typename'] }] },
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

describe('FEDERATION=true on a cold service', () => {
  it('loads each configured program once for 100 Enrollment representations, never one call per representation', async () => {
    const svc = await startService({ env: FEDERATION });
    const programIds = svc.sim.programs.map((p) => p.id);
    const ids = seedEnrollments(svc.sim, programIds[0]!)
      .slice(0, 100)
      .map((e) => e.id);
    const res = await svc.gql<Entities>(ENROLLMENT_IDS, {
      representations: ids.map((id) => rep('Enrollment', { id })),
    });
    expect(res.body).toEqual({ data: { _entities: ids.map((id) => ({ id })) } });
    // An id alone does not say its program (REFERENCE.md 1.3): each configured program is read once.
    expect(sortedCalls(svc.sim)).toEqual(enrollmentListCalls(programIds).sort(byJson));
  });

  it('costs exactly one list call for 100 Enrollment representations that carry their program (key "programId id")', async () => {
    const svc = await startService({ env: FEDERATION });
    const programId = svc.sim.programs[0]!.id;
    const ids = seedEnrollments(svc.sim, programId)
      .slice(0, 100)
      .map((e) => e.id);
    expect(ids).toHaveLength(100);
    const res = await svc.gql<Entities>(ENROLLMENT_IDS, {
      representations: ids.map((id) => rep('Enrollment', { programId, id })),
    });
    expect(res.body).toEqual({ data: { _entities: ids.map((id) => ({ id })) } });
    expect(svc.sim.journal.calls()).toEqual(enrollmentListCalls([programId]));
  });

  it('answers null by the "programId id" key for an id that program does not list, without failing the others', async () => {
    const svc = await startService({ env: FEDERATION });
    const [programId, other] = svc.sim.programs.map((p) => p.id);
    const [mine] = seedEnrollments(svc.sim, programId!);
    const [elsewhere] = seedEnrollments(svc.sim, other!);
    const res = await svc.gql<Entities>(ENROLLMENT_IDS, {
      representations: [
        rep('Enrollment', { programId: programId!, id: mine!.id }),
        rep('Enrollment', { programId: programId!, id: UNKNOWN_UUID }),
        // In another program than the one named: not this key's entity (no other program is read).
        rep('Enrollment', { programId: programId!, id: elsewhere!.id }),
        rep('Enrollment', { programId: 'no-such-program', id: mine!.id }),
      ],
    });
    expect(res.body).toEqual({ data: { _entities: [{ id: mine!.id }, null, null, null] } });
    expect(svc.sim.journal.calls()).toEqual(enrollmentListCalls([programId!]));
  });

  it('keeps a failing program to the representations that needed it', async () => {
    const svc = await startService({ env: FEDERATION });
    const [failing, healthy] = svc.sim.programs.map((p) => p.id);
    const ok = seedEnrollments(svc.sim, healthy!)[0]!;
    const lost = seedEnrollments(svc.sim, failing!)[0]!;
    svc.sim.faults.add({
      method: 'GET',
      route: '/v1/enrollments',
      query: { program_id: failing! },
      kind: 'status',
      status: 500,
    });
    const res = await svc.gql<Entities>(ENROLLMENT_IDS, {
      representations: [rep('Site', { id: ok.site.id }), rep('Site', { id: lost.site.id })],
    });
    const byPath = res.body.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }));
    expect(res.body.data?._entities).toEqual([{}, null]);
    expect(byPath).toEqual([{ path: ['_entities', 1], code: 'UPSTREAM_UNAVAILABLE' }]);
  });
});

describe('FEDERATION=true with FLIP_PROGRAMS', () => {
  it('resolves Program entities from the configuration, which is frozen', async () => {
    const svc = await startOnOwnSimulator({
      programIds: (sim) => sim.programs.map((p) => `${p.id}=${p.name}`),
      env: FEDERATION,
    });
    onTestFinished(() => svc.close());
    const [program] = svc.sim.programs;
    const res = await svc.gql<Entities>(ENTITIES, { representations: [rep('Program', { id: program!.id })] });
    expect(res.body).toEqual({
      data: { _entities: [{ __typename: 'Program', id: program!.id, name: program!.name }] },
    });
  });

  it('answers the same on the jit executor', async () => {
    const svc = await startOnOwnSimulator({
      programIds: (sim) => sim.programs.map((p) => p.id),
      env: { ...FEDERATION, GRAPHQL_EXECUTOR: 'jit' },
    });
    onTestFinished(() => svc.close());
    const programId = svc.sim.programs[0]!.id;
    const enrollment = seedEnrollments(svc.sim, programId)[0]!;
    const representations = [
      rep('Enrollment', { id: enrollment.id }),
      rep('Site', { id: enrollment.site.id }),
      rep('Group', { programId, id: 'no-such-group' }),
    ];
    const res = await svc.gql<Entities>(ENTITIES, { representations });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities.map((e) => e && [e.__typename, e.id])).toEqual([
      ['Enrollment', enrollment.id],
      ['Site', enrollment.site.id],
      null,
    ]);
  });
});

describe('FEDERATION=true with GRAPHQL_INTROSPECTION=false', () => {
  it('still answers _service { sdl } (a router composes from it) while refusing introspection', async () => {
    const svc = await startService({ env: { ...FEDERATION, GRAPHQL_INTROSPECTION: 'false' } });
    const service = await svc.gql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const introspection = await svc.gql('{ __schema { queryType { name } } }');
    expect(service.body.data?._service.sdl).toContain('type Enrollment');
    expect(introspection.body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('FEDERATION unset', () => {
  it('has neither _service nor _entities', async () => {
    const svc = await startService();
    const answers = [
      await svc.gql('{ _service { sdl } }'),
      await svc.gql(ENROLLMENT_IDS, { representations: [rep('Enrollment', { id: UNKNOWN_UUID })] }),
    ];
    expect(answers.map((a) => [a.status, a.body.errors?.map((e) => e.extensions?.code)])).toEqual([
      [400, ['GRAPHQL_VALIDATION_FAILED']],
      [400, ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']],
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

describe('_entities under roles and limits', () => {
  const VIEWER_KEY = 'viewer-key-0123456789abcdef';
  const AUTH = { ...FEDERATION, GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer` };

  it('refuses callers without a valid token with 401 and no upstream call, for _entities and _service', async () => {
    const svc = await startService({ env: AUTH });
    const enrollment = seedEnrollments(svc.sim, svc.sim.programs[0]!.id)[0]!;
    const variables = { representations: [rep('Enrollment', { id: enrollment.id })] };
    const answers = [
      await svc.gql(ENTITIES, variables),
      await svc.gql(ENTITIES, variables, { authorization: 'Bearer not-a-key-0123456789abcdef' }),
      await svc.gql('{ _service { sdl } }'),
    ];
    expect(answers.map((a) => [a.status, a.body.errors?.map((e) => e.extensions?.code)])).toEqual([
      [401, ['UNAUTHENTICATED']],
      [401, ['UNAUTHENTICATED']],
      [401, ['UNAUTHENTICATED']],
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('gives a viewer through _entities what it reads directly', async () => {
    const svc = await startService({ env: AUTH });
    const viewer = { authorization: `Bearer ${VIEWER_KEY}` };
    const enrollment = seedEnrollments(svc.sim, svc.sim.programs[0]!.id)[0]!;
    const direct = await svc.gql<{ enrollment: unknown }>(
      `query ($id: ID!) { enrollment(id: $id) { __typename ${FIELDS.Enrollment} } }`,
      { id: enrollment.id },
      viewer,
    );
    const res = await svc.gql<Entities>(
      ENTITIES,
      { representations: [rep('Enrollment', { id: enrollment.id })] },
      viewer,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { _entities: [direct.body.data!.enrollment] } });
  });

  it('prices _entities per representation: over MAX_COST is BAD_USER_INPUT before any upstream call', async () => {
    const svc = await startService({ env: { ...FEDERATION, MAX_COST: '30' } });
    const ids = seedEnrollments(svc.sim, svc.sim.programs[0]!.id)
      .slice(0, 20)
      .map((e) => e.id);
    const query = /* GraphQL */ `
      query Entities($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Enrollment {
            id
            site {
              id
            }
          }
        }
      }
    `;
    const one = await svc.gql(query, {
      representations: ids.slice(0, 1).map((id) => rep('Enrollment', { id })),
    });
    expect(one.body.errors).toBeUndefined();
    svc.sim.journal.clear();
    // The same document again, with more representations: priced again, not taken from the cache.
    const many = await svc.gql(query, { representations: ids.map((id) => rep('Enrollment', { id })) });
    expect(many.status).toBe(400);
    expect(many.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Query cost 40 exceeds the maximum 30.'],
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('applies MAX_DEPTH inside _entities', async () => {
    const svc = await startService({ env: { ...FEDERATION, MAX_DEPTH: '3' } });
    const res = await svc.gql(
      /* GraphQL */ `
        query Entities($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Enrollment {
              site {
                enrollments {
                  site {
                    id
                  }
                }
              }
            }
          }
        }
      `,
      { representations: [rep('Enrollment', { id: UNKNOWN_UUID })] },
    );
    expect(res.status).toBe(400);
    // Limits answer one shape (README "Error codes"): BAD_USER_INPUT naming the limit.
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.limitName])).toEqual([
      ['BAD_USER_INPUT', 'MAX_DEPTH'],
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

function byJson(a: unknown, b: unknown): number {
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : 1;
}
