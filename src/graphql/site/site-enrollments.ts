import {
  toDeviceEntries,
  type DeviceEntry,
  type EnrollmentEntry,
  type GroupEntry,
} from '../../loaders/index.js';
import type { GraphQLContext } from '../context.js';

// A site may be enrolled in several programs (Flip keys it by the OEM's site id), so its fields
// must not depend on the program it was reached through: a normalized client cache (Apollo's
// `Site:<id>`) keeps one object per site and would otherwise mix the answers of two paths
// (issue 14). These read every configured program, each once per request.

/**
 * The site's enrollments in every configured program: configuration order, then upstream order.
 * Rejects with a program's error when one cannot be read (the list would be incomplete).
 */
export async function enrollmentsOfSite(ctx: GraphQLContext, siteId: string): Promise<EnrollmentEntry[]> {
  const indexes = await Promise.all(ctx.deps.programs.map((p) => ctx.loaders.programIndex(p.id)));
  return indexes.flatMap((index) => index.enrollmentsBySiteId.get(siteId) ?? []);
}

/** The union of the site's groups over its enrollments, each with its program, once each. */
export async function groupsOfSite(ctx: GraphQLContext, siteId: string): Promise<GroupEntry[]> {
  const groups = new Map<string, GroupEntry>();
  for (const enrollment of await enrollmentsOfSite(ctx, siteId)) {
    const programId = enrollment.programId as string;
    for (const g of enrollment.site.groups)
      groups.set(JSON.stringify([programId, g.id]), { id: g.id, name: g.name, programId });
  }
  return [...groups.values()];
}

/** The union of the devices of the site's enrollments, once each (as its first program lists it). */
export async function devicesOfSite(ctx: GraphQLContext, siteId: string): Promise<DeviceEntry[]> {
  const devices = new Map<string, DeviceEntry>();
  for (const enrollment of await enrollmentsOfSite(ctx, siteId))
    for (const device of toDeviceEntries(enrollment))
      if (!devices.has(device.id)) devices.set(device.id, device);
  return [...devices.values()];
}
