import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/schema/ is two levels below it). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The GraphQL contract frontends are written against, beside the repository. */
export const contractPath = path.resolve(repoRoot, '..', 'shared', 'contract', 'schema-contract.graphql');

export const emittedSchemaPath = path.resolve(repoRoot, 'schema', 'schema.graphql');

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
