import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/schema/ is two levels below it). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The GraphQL contract frontends are written against: the project's own copy, so a clone alone
 * can test against it. contract-copy.test.ts compares it with the shared original when present.
 */
export const contractPath = path.resolve(repoRoot, 'schema', 'contract.graphql');

/** Where the contract is maintained, beside the repository (absent in a clone alone). */
export const sharedContractPath = path.resolve(
  repoRoot,
  '..',
  'shared',
  'contract',
  'schema-contract.graphql',
);

export const emittedSchemaPath = path.resolve(repoRoot, 'schema', 'schema.graphql');

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The same schema as a Federation 2 subgraph (FEDERATION=true), as `_service { sdl }` answers it. */
export const subgraphSchemaPath = path.resolve(repoRoot, 'schema', 'subgraph.graphql');
