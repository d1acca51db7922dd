import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { repoRoot } from './paths.js';

describe('schema/client (GraphQL Code Generator output)', () => {
  it('matches what codegen.ts generates from schema/schema.graphql and test/operations (else `npm run codegen`)', async () => {
    const outputs = await generate({ ...config, cwd: repoRoot }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const file = path.resolve(repoRoot, output.filename);
      // `npm run codegen` formats schema/ with prettier after generating; do the same here.
      const expected = await format(output.content, { ...(await resolveConfig(file)), filepath: file });
      const committed = readFileSync(file, 'utf8');
      expect(committed === expected, `${output.filename} is stale: run \`npm run codegen\``).toBe(true);
    }
  });
});
