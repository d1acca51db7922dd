import { composeServices } from '@apollo/composition';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEnrollment } from '../../src/flip/wire.js';
import { startService, type StartedService } from '../support/start.js';
import { enrollmentListCalls, seedEnrollments, sortCalls, sortedCalls } from './helpers.js';

const VIEWER_KEY = 'viewer-key-0123456789abcdef';

/** A second, tiny subgraph: customers, each extending our Site (by key) and naming an Enrollment. */
const CUSTOMERS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Customer @key(fields: "id") {
    id: ID!
    name: String!
    site: Site!
    enrollment: Enrollment!
  }

  type Site @key(fields: "id") {
    id: ID!
    customer: Customer
  }

  type Enrollment @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Query {
    customers: [Customer!]!
  }
`;

interface Customer {
  id: string;
  name: string;
  siteId: string;
  enrollmentId: string;
}

async function startCustomersSubgraph(customers: Customer[]) {
  const bySite = new Map(customers.map((c) => [c.siteId, c]));
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(CUSTOMERS_SDL),
      resolvers: {
        Query: { customers: () => customers },
        Customer: {
          site: (c: Customer) => ({ id: c.siteId }),
          enrollment: (c: Customer) => ({ id: c.enrollmentId }),
        },
        Site: {
          __resolveReference: (site: { id: string }) => ({ id: site.id }),
          customer: (site: { id: string }) => bySite.get(site.id) ?? null,
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}

/** Forwards the caller's Authorization header to the subgraphs and counts their requests. */
class ForwardingDataSource extends RemoteGraphQLDataSource<{ authorization?: string }> {
  static requests: { url: string; query: string }[] = [];
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<{ authorization?: string }>) {
    ForwardingDataSource.requests.push({ url: this.url ?? '', query: request.query ?? '' });
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

describe('a supergraph of flip-graphql (FEDERATION=true) and a customers subgraph', () => {
  let flip: StartedService;
  let customers: { url: string; close(): Promise<void> };
  let gateway: ApolloServer<{ authorization?: string }>;
  let programId: string;
  let seeded: WireEnrollment[];

  beforeAll(async () => {
    flip = await startService({
      env: { FEDERATION: 'true', GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer` },
      autoClose: false,
    });
    programId = flip.sim.programs[0]!.id;
    seeded = seedEnrollments(flip.sim, programId);
    customers = await startCustomersSubgraph(
      seeded.map((e, i) => ({ id: `c${i}`, name: `Customer ${i}`, siteId: e.site.id, enrollmentId: e.id })),
    );
    const flipSdl = await flip.gql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, {
      authorization: `Bearer ${VIEWER_KEY}`,
    });
    const composed = composeServices([
      { name: 'flip', url: flip.graphqlUrl, typeDefs: parse(flipSdl.body.data!._service.sdl) },
      { name: 'customers', url: customers.url, typeDefs: parse(CUSTOMERS_SDL) },
    ]);
    expect(composed.errors).toBeUndefined();
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: composed.supergraphSdl!,
        buildService: ({ url }) => new ForwardingDataSource({ url }),
      }),
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await customers?.close();
    await flip?.close();
  });
  beforeEach(() => {
    flip.sim.journal.clear();
    ForwardingDataSource.requests = [];
  });

  async function query(document: string, variables?: Record<string, unknown>, authorization?: string) {
    const res = await gateway.executeOperation(
      { query: document, variables },
      { contextValue: { authorization } },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult;
  }
  const viewer = `Bearer ${VIEWER_KEY}`;
  const requestsToFlip = () =>
    ForwardingDataSource.requests.filter((r) => r.url === flip.graphqlUrl).map((r) => r.query);

  it('resolves every customer site in one _entities request to flip-graphql, one list call per program', async () => {
    const res = await query('{ customers { name site { id city zipCode } } }', {}, viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      customers: seeded.map((e, i) => ({
        name: `Customer ${i}`,
        site: { id: e.site.id, city: e.site.city ?? null, zipCode: e.site.zip_code ?? null },
      })),
    });
    expect(requestsToFlip()).toEqual([
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Site{city zipCode}}}',
    ]);
    // Sites have no by-id endpoint (REFERENCE.md 1.3): each configured program is read once.
    expect(sortedCalls(flip.sim)).toEqual(sortCalls(enrollmentListCalls(flip.sim.programs.map((p) => p.id))));
  });

  it('resolves every customer enrollment in one _entities request and one list call once the program was read', async () => {
    const document = '{ customers { enrollment { id status } } }';
    const expected = { customers: seeded.map((e) => ({ enrollment: { id: e.id, status: e.status } })) };
    // The first read of the program (here, or an earlier test's) tells where its enrollments live.
    expect((await query(document, {}, viewer)).data).toEqual(expected);
    flip.sim.journal.clear();
    ForwardingDataSource.requests = [];

    const res = await query(document, {}, viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual(expected);
    expect(requestsToFlip()).toEqual([
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Enrollment{status}}}',
    ]);
    expect(flip.sim.journal.calls()).toEqual(enrollmentListCalls([programId]));
  });

  it('reaches the customers subgraph from flip-graphql with one list call', async () => {
    const res = await query(
      /* GraphQL */ `
        query ($id: ID!) {
          program(id: $id) {
            enrollments(first: 3) {
              nodes {
                id
                site {
                  id
                  customer {
                    name
                  }
                }
              }
            }
          }
        }
      `,
      { id: programId },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    const firstThree = [...seeded]
      .sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.id.localeCompare(b.id))
      .slice(0, 3);
    expect(res.data).toEqual({
      program: {
        enrollments: {
          nodes: firstThree.map((e) => ({
            id: e.id,
            site: { id: e.site.id, customer: { name: `Customer ${seeded.indexOf(e)}` } },
          })),
        },
      },
    });
    expect(flip.sim.journal.calls()).toEqual(enrollmentListCalls([programId]));
  });

  it('gets no flip-graphql data for a caller without a token, and Flip is not called', async () => {
    const res = await query('{ customers { name site { city } } }');
    expect(res.data).toEqual({
      customers: seeded.map((_, i) => ({ name: `Customer ${i}`, site: { city: null } })),
    });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(flip.sim.journal.calls()).toEqual([]);
  });
});
