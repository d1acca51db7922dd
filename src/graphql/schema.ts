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
import {
  DeviceEventsResolver,
  EnrollmentEventsResolver,
  EventConnectionResolver,
  SiteEventsResolver,
} from './event/event-history.resolver.js';
import { EventResultsResolver } from './event/event-results.resolver.js';
import { EventResolver, EventSiteParticipationResolver } from './event/event.resolver.js';
import { GroupMutationResolver } from './group/group.mutations.js';
import { GroupResolver } from './group/group.resolver.js';
import { LiveResolver } from './live/live.resolver.js';
import { EligibleProgramLinkResolver, ProgramCloudResolver } from './program/program-cloud.resolver.js';
import { ProgramResolver } from './program/program.resolver.js';
import { leanResolvers } from './lean-resolvers.js';
import { DateTimeScalar } from './scalars.js';
import { SiteResolver } from './site/site.resolver.js';

/** Every resolver class of the schema; issue 6's write resolvers are added here. */
export const RESOLVERS = [
  ProgramResolver,
  ProgramCloudResolver,
  EligibleProgramLinkResolver,
  EnrollmentResolver,
  SiteResolver,
  DeviceResolver,
  GroupResolver,
  EventResolver,
  EventSiteParticipationResolver,
  EventResultsResolver,
  EventConnectionResolver,
  SiteEventsResolver,
  DeviceEventsResolver,
  EnrollmentEventsResolver,
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
  // Subscriptions (issue 15).
  LiveResolver,
] as const;

/**
 * type-graphql insists on a PubSub when a schema has subscriptions, though ours all bring their
 * own `subscribe` (live/ is the hub): this one is never used.
 */
const UNUSED_PUB_SUB = {
  publish(): void {
    throw new Error('subscriptions publish through live/, not type-graphql');
  },
  subscribe(): never {
    throw new Error('subscriptions subscribe through live/, not type-graphql');
  },
};

/**
 * The executable schema (code-first, type-graphql). No file is written here: emit-schema.ts
 * prints it to schema/schema.graphql for review and codegen, and a test keeps the two equal.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Arguments are checked by hand where the contract asks (BAD_USER_INPUT with fieldPaths);
    // class-validator is not used.
    validate: false,
    pubSub: UNUSED_PUB_SUB,
  });
  leanResolvers(schema);
  describeRootTypes(schema);
  return schema;
}

/**
 * type-graphql builds Query, Mutation and Subscription itself and takes no description for them; issue 14 §4
 * wants every type described, so they get theirs here (a description changes no behaviour).
 */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) {
    query.description =
      "Reads over Flip's Utility API for the configured programs, and over its Cloud API where configured.";
  }
  if (mutation) {
    mutation.description =
      'Writes to Flip: enrollment status and groups, group management, event dispatch and cancellation, commissioning. Each is validated before anything is sent.';
  }
  const subscription = schema.getSubscriptionType();
  if (subscription) {
    subscription.description =
      'Live updates over graphql-ws (WebSocket) or graphql-sse on /graphql: event progress, device telemetry and program changes, the current state first where there is one.';
  }
}
