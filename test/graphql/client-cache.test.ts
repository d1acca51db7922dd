import { ApolloClient, HttpLink, InMemoryCache, gql, type DocumentNode } from '@apollo/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEnrollment, WireEvent } from '../../src/flip/wire.js';
import {
  DeviceTelemetryDocument,
  EnrollmentDetailDocument,
  EnrollmentReviewQueueDocument,
  EventDetailDocument,
  EventsListDocument,
  FleetOverviewDocument,
  GroupManagementDocument,
  ProgramDashboardDocument,
  SiteDetailDocument,
} from '../../schema/client/graphql.js';
import { typePolicies } from '../../schema/client/type-policies.js';
import { startService, type StartedService } from '../support/start.js';
import { TEST_NOW } from '../support/sim.js';
import { compareWithDirectQueries } from '../support/normalized-cache.js';
import { seedEnrollments } from './helpers.js';

// Issue 14 §1: the example operations' answers in Apollo Client's real InMemoryCache, with the
// generated type policies, on a world where two programs share a group id (`beta-testers`) and
// one site is enrolled in two programs.

let svc: StartedService;
let programIds: string[];
let shared: { siteId: string; enrollments: WireEnrollment[] };

beforeAll(async () => {
  svc = await startService({
    autoClose: false,
    // The direct queries ask for many objects per request; telemetry needs a fixed clock.
    env: { MAX_ALIASES: '1000', MAX_COST: '10000000', MAX_TOKENS: '1000000', MAX_DEPTH: '20' },
    sim: { crossEnrolledSites: 1, now: () => TEST_NOW },
  });
  programIds = svc.sim.programs.map((p) => p.id);
  const inFirst = seedEnrollments(svc.sim, programIds[0]!);
  const siteId = inFirst.at(-1)!.site.id;
  shared = {
    siteId,
    enrollments: programIds.flatMap((p) => seedEnrollments(svc.sim, p).filter((e) => e.site.id === siteId)),
  };
});
afterAll(() => svc.close());

/**
 * Beside the example operations: the shared site and its devices reached through each program
 * (Program.site, Program.enrollments), so that a field depending on the path would show.
 */
const THROUGH_PROGRAM = gql`
  query ThroughProgram($programId: ID!, $siteId: ID!) {
    program(id: $programId) {
      id
      site(id: $siteId) {
        id
        updatedAt
        groups {
          programId
          id
          name
        }
        enrollments {
          id
          status
        }
        devices {
          id
          latestTelemetry {
            startTime
            batteryStateOfChargePercentage
            mode
          }
        }
      }
      enrollments(first: 500) {
        nodes {
          id
          groups {
            programId
            id
          }
          devices {
            id
            latestTelemetry {
              startTime
              batteryStateOfChargePercentage
              mode
            }
          }
        }
      }
    }
  }
`;

/** Every read example operation, with variables reaching the shared site from both programs. */
function exampleQueries(): { query: DocumentNode; variables?: Record<string, unknown> }[] {
  const [a, b] = programIds as [string, string];
  const event = (svc.sim.state.events() as WireEvent[])[0]!;
  const device = shared.enrollments[0]!.devices![0]!;
  const window = {
    from: new Date(TEST_NOW - 2 * 3_600_000).toISOString(),
    to: new Date(TEST_NOW).toISOString(),
  };
  return [
    { query: FleetOverviewDocument },
    ...[a, b].flatMap((programId) => [
      { query: ProgramDashboardDocument, variables: { programId, first: 500 } },
      { query: GroupManagementDocument, variables: { programId } },
      { query: EnrollmentReviewQueueDocument, variables: { programId, status: ['ACTIVE'], first: 500 } },
    ]),
    { query: SiteDetailDocument, variables: { siteId: shared.siteId } },
    ...shared.enrollments.map((e) => ({ query: EnrollmentDetailDocument, variables: { id: e.id } })),
    { query: DeviceTelemetryDocument, variables: { deviceId: device.id, ...window } },
    { query: EventsListDocument },
    { query: EventDetailDocument, variables: { id: event.id } },
    // The second program last: direct queries find the site through the first one, so a field
    // that depended on the path would hold the second program's answer and differ.
    ...[a, b].map((programId) => ({
      query: THROUGH_PROGRAM,
      variables: { programId, siteId: shared.siteId },
    })),
  ];
}

async function fillCache(cache: InMemoryCache): Promise<unknown[]> {
  const client = new ApolloClient({ cache, link: new HttpLink({ uri: svc.graphqlUrl, fetch }) });
  const results: unknown[] = [];
  for (const { query, variables } of exampleQueries()) {
    const res = await client.query({ query, variables, fetchPolicy: 'network-only' });
    expect(res.error).toBeUndefined();
    results.push(res.data);
  }
  return results;
}

/** Every object of the answers by what it is: a group by program and id, anything else by id. */
function identities(results: unknown[]): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.__typename === 'string' && o.id !== undefined) {
      const identity = o.__typename === 'Group' ? [o.__typename, o.programId, o.id] : [o.__typename, o.id];
      found.set(JSON.stringify(identity), o);
    }
    Object.values(o).forEach(walk);
  };
  walk(results);
  return found;
}

/** Distinct objects that the cache would store under one key. */
function mergedObjects(cache: InMemoryCache, results: unknown[]): string[][] {
  const byCacheId = new Map<string, string[]>();
  for (const [identity, object] of identities(results)) {
    const id = cache.identify(object as never) ?? `unnormalized ${identity}`;
    byCacheId.set(id, [...(byCacheId.get(id) ?? []), identity]);
  }
  return [...byCacheId.values()].filter((list) => list.length > 1);
}

describe('InMemoryCache with schema/client/type-policies.ts', () => {
  it('#14: merges no two objects and caches for every object what a direct query of it returns', async () => {
    expect(shared.enrollments.map((e) => e.id)).toHaveLength(2);
    const cache = new InMemoryCache({ typePolicies });
    const results = await fillCache(cache);

    expect(mergedObjects(cache, results)).toEqual([]);
    const extracted = cache.extract() as Record<string, Record<string, unknown>>;
    const betaTesters = Object.keys(extracted).filter(
      (id) => id.startsWith('Group:') && id.includes('"beta-testers"'),
    );
    expect(betaTesters.sort()).toEqual(
      [programIds[0], programIds[1]]
        .map((programId) => `Group:${JSON.stringify({ programId, id: 'beta-testers' })}`)
        .sort(),
    );
    // The shared site is one object listing both enrollments, however it was reached.
    const site = extracted[`Site:${JSON.stringify({ id: shared.siteId })}`]!;
    expect(site.enrollments).toEqual(
      shared.enrollments.map((e) => ({ __ref: `Enrollment:${JSON.stringify({ id: e.id })}` })),
    );

    const { compared, mismatches } = await compareWithDirectQueries({
      extracted,
      identify: (object) => cache.identify(object as never),
      keyOf: (cacheId) => JSON.parse(cacheId.slice(cacheId.indexOf(':') + 1)) as Record<string, unknown>,
      query: async (document) => {
        const res = await svc.gql(document);
        expect(res.body.errors).toBeUndefined();
        return res.body.data ?? {};
      },
    });
    expect(compared).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });

  it("#14: without the policies, Apollo's default keys merge the two beta-testers groups (the check above can fail)", async () => {
    const cache = new InMemoryCache();
    const results = await fillCache(cache);
    expect(mergedObjects(cache, results).map((list) => list.sort())).toEqual([
      [programIds[0], programIds[1]].map((p) => JSON.stringify(['Group', p, 'beta-testers'])).sort(),
    ]);
  });
});
