/**
 * The GraphQL boundary: what the server imports. The schema is built once per process; a
 * context is created per request (fresh loaders, so batching and caching never cross requests).
 */
export { createSchema } from './schema.js';
export { createSubgraphSchema } from './federation/subgraph.js';
export { createContext, type ContextDeps, type GraphQLContext, type RequestInfo } from './context.js';
export { checkOperationInputs, inputPathOf, MAX_ID_CHARS, MAX_NAME_CHARS } from './input-checks.js';
export { parseDateTime, parseDateTimeInput } from './date-time.js';
