import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSharedSubscribe } from '../../src/server/shared-execution.js';

/** A schema whose one subscription hands every subscriber the same payload objects, counting executions. */
function counted(payloads: object[]) {
  const seen: unknown[] = [];
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      name: {
        type: GraphQLString,
        resolve: (tick: { name: string }) => {
          seen.push(tick);
          return tick.name;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: Tick,
          subscribe: async function* () {
            yield* payloads;
          },
          resolve: (payload: unknown) => payload,
        },
      },
    }),
  });
  return { schema, seen };
}

async function all(stream: unknown): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for await (const result of stream as AsyncIterable<ExecutionResult>) results.push(result);
  return results;
}

describe('createSharedSubscribe', () => {
  it('executes a payload once for subscribers with the same key and again for another key', async () => {
    const payloads = [{ name: 'a' }, { name: 'b' }];
    const { schema, seen } = counted(payloads);
    const keys = new Map<object, string>();
    const subscribe = createSharedSubscribe((args) => keys.get(args.contextValue as object));
    const document = parse('subscription { tick { name } }');
    const contexts = [{}, {}, {}];
    keys.set(contexts[0]!, 'viewer').set(contexts[1]!, 'viewer').set(contexts[2]!, 'admin');
    const streams = await Promise.all(
      contexts.map((contextValue) => subscribe({ schema, document, contextValue })),
    );
    const results = await Promise.all(streams.map(all));
    const expected = [{ data: { tick: { name: 'a' } } }, { data: { tick: { name: 'b' } } }];
    expect(results).toEqual([expected, expected, expected]);
    // Two keys, two payloads: four executions for six deliveries.
    expect(seen).toHaveLength(4);
  });

  it('without a key, executes for every subscriber as graphql-js does', async () => {
    const { schema, seen } = counted([{ name: 'a' }]);
    const subscribe = createSharedSubscribe(() => undefined);
    const document = parse('subscription { tick { name } }');
    const results = await Promise.all(
      [{}, {}].map(async (contextValue) => all(await subscribe({ schema, document, contextValue }))),
    );
    expect(results).toEqual([[{ data: { tick: { name: 'a' } } }], [{ data: { tick: { name: 'a' } } }]]);
    expect(seen).toHaveLength(2);
  });
});
