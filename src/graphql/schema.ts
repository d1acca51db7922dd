import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditLogResolver, EnrollmentHistoryResolver, EventAuditResolver } from './audit/audit.resolver.js';
import { CommissionResolver } from './commissioning/commission.resolver.js';
import { CommissioningResolver } from './commissioning/commissioning.resolver.js';
import { DeviceResolver } from './device/device.resolver.js';
import { EnrollmentMutationResolver } from './enrollment/enrollment.mutations.js';
import { EnrollmentResolver } from './enrollment/enrollment.resolver.js';
import { DispatchResolver } from './event/dispatch.resolver.js';
import { EventResolver, EventSiteParticipationResolver } from './event/event.resolver.js';
import { GroupMutationResolver } from './group/group.mutations.js';
import { GroupResolver } from './group/group.resolver.js';
import { ProgramResolver } from './program/program.resolver.js';
import { DateTimeScalar } from './scalars.js';
import { SiteResolver } from './site/site.resolver.js';

/** Every resolver class of the schema; issue 6's write resolvers are added here. */
export const RESOLVERS = [
  ProgramResolver,
  EnrollmentResolver,
  SiteResolver,
  DeviceResolver,
  GroupResolver,
  EventResolver,
  EventSiteParticipationResolver,
  CommissioningResolver,
  // The durable audit trail (issue 19).
  AuditLogResolver,
  EnrollmentHistoryResolver,
  EventAuditResolver,
  // Writes (issue 6), and previewEvent, which shares dispatchEvent's validation.
  EnrollmentMutationResolver,
  GroupMutationResolver,
  DispatchResolver,
  CommissionResolver,
] as const;

/**
 * The executable schema (code-first, type-graphql). No file is written here: emit-schema.ts
 * prints it to schema/schema.graphql for review and codegen, and a test keeps the two equal.
 */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Arguments are checked by hand where the contract asks (BAD_USER_INPUT with fieldPaths);
    // class-validator is not used.
    validate: false,
  });
}
