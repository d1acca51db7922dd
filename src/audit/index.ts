/**
 * The durable audit trail (issue 19): one append-only table of write entries in PostgreSQL, or
 * in PGlite (embedded) without DATABASE_URL; migrations applied at open; the same queries on both.
 * writes/ stores entries through it, loaders/ reads them (batched) for GraphQL.
 */
export { createAuditStore, openAuditBackend, type AuditStore, type AuditStoreOptions } from './store.js';
export { MIGRATIONS } from './migrations.js';
export type { SqlBackend } from './backend.js';
export type {
  AuditCompletion,
  AuditFilter,
  AuditIntent,
  AuditPosition,
  AuditRecovery,
  AuditRow,
  AuditSettlement,
  EnrollmentChangeFacts,
  EnrollmentHistoryRow,
} from './types.js';
