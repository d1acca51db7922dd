import { createUnionType } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import { assertNever } from '../../errors.js';
import type { DeviceEntry, EventEntry, GroupEntry, SiteEntry } from '../../loaders/index.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { Device } from '../device/device.type.js';
import { Group } from '../group/group.type.js';
import { Program } from '../program/program.type.js';
import { Site } from '../site/site.type.js';

// Which GraphQL type a target is: the entries are plain records (a site and a device both carry
// programId and enrollmentId), so each resolved target is tagged with the kind it was looked up as.
const KIND = Symbol('EventTarget kind');
type Kind = 'Program' | 'Group' | 'Site' | 'Device';
export type EventTargetValue = (ProgramConfig | GroupEntry | SiteEntry | DeviceEntry) & { [KIND]: Kind };

export const EventTarget = createUnionType({
  name: 'EventTarget',
  description: "One of an event's targets, of the kind its targetType names.",
  types: () => [Program, Group, Site, Device] as const,
  resolveType: (value) => (value as unknown as EventTargetValue)[KIND],
});

/**
 * The event's targets in targetIds order, each found where the event's program lists it (the
 * program from configuration, groups from one groups call per program, sites and devices from the
 * program's enrollments, each once per request); a target that no longer exists is left out.
 */
export async function targetsOf(ctx: GraphQLContext, event: EventEntry): Promise<EventTargetValue[]> {
  const found = await Promise.all(event.targetIds.map((id) => targetOf(ctx, event, id)));
  return found.filter((t): t is EventTargetValue => t !== null);
}

async function targetOf(
  ctx: GraphQLContext,
  event: EventEntry,
  id: string,
): Promise<EventTargetValue | null> {
  const tag = <T extends object>(value: T | null | undefined, kind: Kind) =>
    value ? ({ ...value, [KIND]: kind } as T & { [KIND]: Kind }) : null;
  switch (event.targetType) {
    case 'PROGRAM':
      return tag(id === event.programId ? configuredProgram(ctx, id) : null, 'Program');
    case 'GROUP':
      return tag(await ctx.loaders.group(event.programId, id), 'Group');
    case 'SITE':
      return tag((await ctx.loaders.programIndex(event.programId)).siteById.get(id), 'Site');
    case 'DEVICE':
      return tag((await ctx.loaders.programIndex(event.programId)).deviceById.get(id), 'Device');
    default:
      return assertNever(event.targetType);
  }
}
