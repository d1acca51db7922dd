import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  graphqlSync,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { createSchema } from '../schema.js';
import { ENTITIES, parseRepresentations } from './entities.js';

/** @apollo/subgraph's resolver map (its type is not exported by name). */
type ResolverMap = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']
>;

/** Federation 2 (v2.3; only `@key` is used, which every Federation 2 router and gateway composes). */
const FEDERATION_LINK = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
`;

/**
 * The same schema as createSchema(), served as an Apollo Federation 2 subgraph (FEDERATION=true):
 * the type-graphql schema is printed, its entity types get their `@key` (entities.ts), and
 * @apollo/subgraph adds `_service { sdl }` and `_entities` over the same resolvers. Without the
 * flag none of this is built: createSchema()'s printed schema stays exactly as it was.
 */
export async function createSubgraphSchema(): Promise<GraphQLSchema> {
  const schema = await createSchema();
  // type-graphql's resolver map: every field resolver, the DateTime scalar and the enum values.
  const resolvers = createResolversMap(schema) as unknown as ResolverMap;
  for (const [typeName, entity] of Object.entries(ENTITIES)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as Record<string, GraphQLFieldResolver<unknown, GraphQLContext>>),
      // @apollo/subgraph calls it as (representation, context, info), once per representation.
      __resolveReference: async (representation: Record<string, string>, ctx: GraphQLContext) =>
        detached(await entity.resolveReference(representation, ctx)),
    };
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: subgraphTypeDefs(schema),
    resolvers,
  });
  checkRepresentationsFirst(subgraph);
  return subgraph;
}

/** The printed schema (sorted, as schema/schema.graphql) with the federation link and the keys. */
function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const document = parse(`${printSchema(lexicographicSortSchema(schema))}\n${FEDERATION_LINK}`);
  return visit(document, {
    ObjectTypeDefinition(node) {
      const entity = Object.hasOwn(ENTITIES, node.name.value) ? ENTITIES[node.name.value] : undefined;
      if (!entity) return undefined;
      return { ...node, directives: [...(node.directives ?? []), ...entity.keys.map(keyDirective)] };
    },
  });
}

function keyDirective(fields: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'key' },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'fields' },
        value: { kind: Kind.STRING, value: fields },
      },
    ],
  };
}

/**
 * `_entities` checks all representations before resolving any (parseRepresentations): an unknown
 * `__typename` or a missing key is the caller's BAD_USER_INPUT, not an internal error, and a
 * non-entity type can never be used to run field resolvers on a root the caller made up.
 */
function checkRepresentationsFirst(subgraph: GraphQLSchema): void {
  const field = subgraph.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve as GraphQLFieldResolver<unknown, GraphQLContext> | undefined;
  if (!field || !resolve) throw new Error('the subgraph schema has no _entities resolver');
  field.resolve = (source, args: { representations?: unknown }, ctx, info) =>
    resolve(source, { representations: parseRepresentations(args.representations) }, ctx, info);
}

/**
 * @apollo/subgraph marks each result with its `__typename` in place; loader entries may be shared
 * (the cross-request cache, the request's indexes), so it marks a shallow copy instead.
 */
function detached(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? { ...value } : value;
}

/** What `_service { sdl }` answers: the subgraph schema as a supergraph composes it. */
export async function printSubgraphSdl(): Promise<string> {
  const result = graphqlSync({ schema: await createSubgraphSchema(), source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== 'string') throw new Error('the subgraph schema printed no SDL');
  return `${sdl}\n`;
}
