import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator (run by `npm run codegen` after the schema is emitted): typed documents
 * for the example operations in test/operations/, in schema/client/, which is what a frontend
 * imports and what the tests use; the persisted-documents manifest of those operations
 * (schema/client/persisted-documents.json, sha256 hash -> document: what TRUSTED_DOCUMENTS=only
 * executes); and Apollo Client type policies (schema/client/type-policies.ts, from the local
 * plugin codegen/type-policies.js). test/schema/codegen.test.ts fails when the output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/*.graphql'],
  generates: {
    'schema/client/': {
      preset: 'client',
      // persistedDocuments: each document carries its hash (`__meta__.hash`, "sha256:<hex>" of
      // the printed document) and the manifest lists them; the service reads the manifest.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        // DateTime travels as an ISO-8601 string.
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        // ESM with NodeNext resolution: relative imports need their .js extension.
        emitLegacyCommonJSImports: false,
      },
    },
    'schema/client/type-policies.ts': {
      plugins: [
        {
          './codegen/type-policies.js': {
            keyFields: {
              // A group id is unique only inside its program (issue 14).
              Group: ['programId', 'id'],
              // Its id is the enrollment's that failed, not its own: kept inside its bulk result.
              BulkItemError: false,
            },
          },
        },
      ],
    },
  },
  silent: true,
};

export default config;
