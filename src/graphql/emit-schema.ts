import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSubgraphSdl } from './federation/subgraph.js';
import { createSchema } from './index.js';
import { printSortedSchema } from './print.js';

// Run by `npm run codegen` from dist/graphql/ (two levels below the repository root, like src/graphql/).
const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
// The same schema as a Federation 2 subgraph (FEDERATION=true): what `_service { sdl }` answers.
const subgraphTarget = fileURLToPath(new URL('../../schema/subgraph.graphql', import.meta.url));

await writeFile(target, printSortedSchema(await createSchema()), 'utf8');
console.log(`wrote ${target}`);
await writeFile(subgraphTarget, await printSubgraphSdl(), 'utf8');
console.log(`wrote ${subgraphTarget}`);
