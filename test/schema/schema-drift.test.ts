import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { printSubgraphSdl } from '../../src/graphql/federation/subgraph.js';
import { createSchema } from '../../src/graphql/index.js';
import { printSortedSchema } from '../../src/graphql/print.js';
import { emittedSchemaPath, readText, subgraphSchemaPath } from './paths.js';

describe('schema/schema.graphql', () => {
  it('equals the schema the code builds (run `npm run codegen` after changing the schema)', async () => {
    const printed = printSortedSchema(await createSchema());
    // `npm run codegen` formats schema/ with prettier; format the in-process print the same way.
    const options = { ...(await resolveConfig(emittedSchemaPath)), filepath: emittedSchemaPath };
    const expected = await format(printed, options);
    expect(
      readText(emittedSchemaPath) === expected,
      'schema/schema.graphql is stale: run `npm run codegen` and commit the result',
    ).toBe(true);
  });
});

describe('schema/subgraph.graphql', () => {
  it('equals the subgraph SDL the code builds (run `npm run codegen` after changing the schema)', async () => {
    const options = { ...(await resolveConfig(subgraphSchemaPath)), filepath: subgraphSchemaPath };
    const expected = await format(await printSubgraphSdl(), options);
    expect(
      readText(subgraphSchemaPath) === expected,
      'schema/subgraph.graphql is stale: run `npm run codegen` and commit the result',
    ).toBe(true);
  });
});
