import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createSchema } from './index.js';
import { printSortedSchema } from './print.js';

// Run by `npm run codegen` from dist/graphql/ (two levels below the repository root, like src/graphql/).
const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

await writeFile(target, printSortedSchema(await createSchema()), 'utf8');
console.log(`wrote ${target}`);
