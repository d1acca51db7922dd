/**
 * The write layer: one service per domain, built once by app.ts from explicit dependencies
 * (clients, config, programs, store, audit and invalidation hooks, clock) and called with the
 * caller's WriteCall (its id, the request id, the request's loaders, the request's instant).
 * Validation, idempotency and recovery live here; GraphQL resolvers only parse arguments and call.
 */
import { createCommissioningWrites, type CommissioningWrites } from './commissioning.js';
import { createDispatchWrites, type DispatchWrites } from './dispatch/index.js';
import { createEnrollmentWrites, type EnrollmentWrites } from './enrollments.js';
import { createGroupWrites, type GroupWrites } from './groups.js';
import type { WriteDeps } from './types.js';

export { createAuditRecovery, type AuditRecovery, type AuditRecoveryOptions } from './audit-recovery.js';

export interface WriteServices {
  enrollments: EnrollmentWrites;
  groups: GroupWrites;
  dispatch: DispatchWrites;
  commissioning: CommissioningWrites;
}

/** Builds every write service once; they keep no per-request state. */
export function createWriteServices(deps: WriteDeps): WriteServices {
  return {
    enrollments: createEnrollmentWrites(deps),
    groups: createGroupWrites(deps),
    dispatch: createDispatchWrites(deps),
    commissioning: createCommissioningWrites(deps),
  };
}

export type { AuditEntry, InvalidationScope, WriteHooks } from './hooks.js';
export type { BulkItemError, DispatchRequest, EventActionRequest, WriteCall, WriteDeps } from './types.js';
export type { BulkEnrollmentOutcome, EnrollmentChange, EnrollmentWrites } from './enrollments.js';
export type { MembershipChange } from './group-membership.js';
export type { GroupWrites } from './groups.js';
export type { CommissionRequest, CommissioningWrites } from './commissioning.js';
export { MAX_IDEMPOTENCY_KEY_CHARS, type DispatchWrites, type EventPreview } from './dispatch/index.js';
/** EventPreview.issues: one entry per thing to know, with its code, count and first ids. */
export { MAX_ISSUE_IDS, type PreviewIssue, type PreviewIssueCode } from './dispatch/preview-issues.js';
export { asInputError, Violations } from './violations.js';
