import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Role } from '../config.js';
import { ServiceError } from '../errors.js';
import { withHttpStatus } from './format-error.js';
import { requestInfoOf } from './request-info.js';

/**
 * The role each mutation needs: the one place writes are classified. A mutation missing here
 * needs admin (safe default), and test/server/roles.test.ts fails until it is classified.
 * Queries need viewer, which every role includes, except those of QUERY_ROLES.
 */
export const MUTATION_ROLES: Readonly<Record<string, Role>> = Object.freeze({
  updateEnrollment: 'operator',
  approveEnrollment: 'operator',
  pauseEnrollment: 'operator',
  rejectEnrollment: 'operator',
  unenrollEnrollment: 'operator',
  updateEnrollments: 'operator',
  createGroup: 'operator',
  deleteGroup: 'operator',
  renameGroup: 'operator',
  addEnrollmentsToGroup: 'operator',
  removeEnrollmentsFromGroup: 'operator',
  commissionSite: 'operator',
  dispatchEvent: 'dispatcher',
  cancelEvent: 'dispatcher',
});

/** Queries that need more than viewer: the audit log says who did what (issue 19). */
export const QUERY_ROLES: Readonly<Record<string, Role>> = Object.freeze({
  auditLog: 'dispatcher',
});

/**
 * The role a root field needs. Subscriptions only read (live updates of what queries read), so
 * they need viewer, like queries.
 */
export function requiredRole(operation: OperationDefinitionNode['operation'], field: string): Role {
  if (field === '__typename') return 'viewer';
  if (operation === 'query') return Object.hasOwn(QUERY_ROLES, field) ? QUERY_ROLES[field]! : 'viewer';
  if (operation === 'subscription') return 'viewer';
  if (operation === 'mutation')
    return Object.hasOwn(MUTATION_ROLES, field) ? MUTATION_ROLES[field]! : 'admin';
  return 'admin';
}

/** admin may do everything; viewer rights come with every role; operator and dispatcher are siblings. */
export function roleAllows(role: Role, required: Role): boolean {
  return role === 'admin' || required === 'viewer' || role === required;
}

/**
 * Enforces roles before execution (didResolveOperation), so a forbidden operation runs no
 * resolver and makes no upstream call. With auth off (`enabled: false`) everything is allowed.
 * Answers FORBIDDEN with HTTP 403, naming the first root field the caller may not use.
 */
export function authorizationPlugin<TContext extends BaseContext>(options: {
  enabled: boolean;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      if (!options.enabled) return;
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const caller = requestInfoOf(contextValue)?.caller;
          if (!caller) {
            throw withHttpStatus(new ServiceError('UNAUTHENTICATED', 'Authentication required.'), 401);
          }
          const refusal = roleRefusal(caller.role, document, operation);
          if (refusal) throw withHttpStatus(refusal, 403);
        },
      };
    },
  };
}

/** FORBIDDEN naming the first root field the role may not use, or null (also for subscriptions). */
export function roleRefusal(
  role: Role,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ServiceError | null {
  for (const field of rootFields(document, operation.selectionSet)) {
    const required = requiredRole(operation.operation, field);
    if (!roleAllows(role, required)) {
      return new ServiceError('FORBIDDEN', `Role ${role} may not use ${field} (needs ${required}).`);
    }
  }
  return null;
}

/** Root field names, through inline fragments and fragment spreads; @skip/@include are ignored (stricter). */
function rootFields(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
  seen = new Set<string>(),
): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      names.push(...rootFields(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        names.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return names;
}
