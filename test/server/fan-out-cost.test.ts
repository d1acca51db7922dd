import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
} from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/index.js';
import { startService, type StartedService } from '../support/start.js';

/** Per item of a mutation's list argument (limits.ts COST_PER_WRITTEN_ID); MAX_COST below. */
const MAX_COST = 1000;
const ITEMS_OVER_MAX = 101;

interface ListArgument {
  mutation: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
}

/** Every list-typed argument of every mutation of the built schema. */
async function mutationListArguments(): Promise<ListArgument[]> {
  const mutations = (await createSchema()).getMutationType()?.getFields() ?? {};
  return Object.values(mutations).flatMap((mutation) =>
    mutation.args.filter((arg) => isListType(getNullableType(arg.type))).map((arg) => ({ mutation, arg })),
  );
}

/** A value for a required scalar or enum argument; input objects are not expected beside a list. */
function sampleValue(arg: GraphQLArgument): unknown {
  const named = getNamedType(arg.type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isScalarType(named)) {
    return ({ ID: 'x', String: 'x', Int: 1, Float: 1, Boolean: true } as Record<string, unknown>)[named.name];
  }
  if (isInputObjectType(named)) throw new Error(`add a sample for ${arg.name}: ${String(arg.type)}`);
  return undefined;
}

function operationFor({ mutation, arg }: ListArgument, items: number) {
  const required = mutation.args.filter((a) => a !== arg && isNonNullType(a.type));
  const params = [arg, ...required].map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = [arg, ...required].map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isScalarType(getNamedType(mutation.type)) ? '' : '{ __typename }';
  const variables: Record<string, unknown> = {
    [arg.name]: Array.from({ length: items }, (_, i) =>
      String(getNamedType(arg.type)) === 'ID' ? `id-${i}` : i,
    ),
  };
  for (const a of required) variables[a.name] = sampleValue(a);
  return { query: `mutation Priced(${params}) { ${mutation.name}(${args}) ${selection} }`, variables };
}

let svc: StartedService;
let listArguments: ListArgument[];
beforeAll(async () => {
  svc = await startService({ autoClose: false, env: { MAX_COST: String(MAX_COST) } });
  listArguments = await mutationListArguments();
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

describe('the cost of a mutation fan-out', () => {
  it('finds the list arguments of the schema (the walk below is not empty)', () => {
    expect(listArguments.map(({ mutation, arg }) => `${mutation.name}.${arg.name}`)).toEqual(
      expect.arrayContaining([
        'addEnrollmentsToGroup.enrollmentIds',
        'removeEnrollmentsFromGroup.enrollmentIds',
        'updateEnrollments.ids',
      ]),
    );
  });

  it('#13: prices every list argument of every mutation per item, refusing a long one before any call', async () => {
    const unpriced: string[] = [];
    for (const listArgument of listArguments) {
      const name = `${listArgument.mutation.name}.${listArgument.arg.name}`;
      // One item first, then the same document with many: a cost cached for the short list must
      // not let the long one through.
      const short = operationFor(listArgument, 1);
      const shortRes = await svc.gql(short.query, short.variables);
      expect(shortRes.body.errors?.map((e) => e.message) ?? [], name).not.toContainEqual(
        expect.stringMatching(/^Query cost/),
      );
      svc.sim.journal.clear();
      const long = operationFor(listArgument, ITEMS_OVER_MAX);
      const longRes = await svc.gql(long.query, long.variables);
      const refused =
        longRes.status === 400 && /^Query cost \d+ exceeds/.test(longRes.body.errors?.[0]?.message ?? '');
      if (!refused || svc.sim.journal.calls().length > 0) unpriced.push(name);
    }
    expect(unpriced).toEqual([]);
  });
});
