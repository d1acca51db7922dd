import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractPath, readText, sharedContractPath } from './paths.js';

// The project tests against its own copy of the contract (schema/contract.graphql), so a clone
// alone passes `npm test`. Where the contract is maintained beside it (../shared/contract/), the
// copy must be that file byte for byte: update it with
// `cp ../shared/contract/schema-contract.graphql schema/contract.graphql`.
const hasShared = existsSync(sharedContractPath);

describe(
  'schema/contract.graphql',
  {
    skip: !hasShared,
    meta: { skipReason: 'no ../shared/contract/ beside the repository: the contract copy is not compared' },
  },
  () => {
    it('is a byte-identical copy of ../shared/contract/schema-contract.graphql', () => {
      expect(readText(contractPath)).toBe(readText(sharedContractPath));
    });
  },
);
