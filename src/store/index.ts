/**
 * The key-value boundary: small JSON records that must outlive one request and, once the service
 * runs on several processes, be shared by them (idempotency keys of dispatchEvent). In memory
 * now (createMemoryStore); a Redis implementation of the same interface comes with issue 9.
 */

export type { JsonValue, KeyValueStore } from './types.js';
export { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
