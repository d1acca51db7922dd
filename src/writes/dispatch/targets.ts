import type { TargetType } from '../../flip/index.js';
import type { DeviceEntry, EnrollmentEntry, ProgramIndex } from '../../loaders/index.js';

/** What an event's targets reach in its program, each listed once, in the program's order. */
export interface ReachedTargets {
  enrollments: EnrollmentEntry[];
  siteIds: Set<string>;
  devices: DeviceEntry[];
}

/**
 * Resolves targets the way Flip applies them (REFERENCE.md 1.3): DEVICE names devices (and so
 * their sites and enrollments); SITE and GROUP name sites, with every device and enrollment of
 * them; PROGRAM reaches the whole program. Ids the program does not hold reach nothing.
 * Group membership is today's (the site's groups now), not the one at dispatch time.
 */
export function resolveTargets(
  index: ProgramIndex,
  targetType: TargetType,
  targetIds: readonly string[],
): ReachedTargets {
  if (targetType === 'DEVICE') return reachedByDevices(index, targetIds);
  const siteIds = new Set<string>();
  switch (targetType) {
    case 'SITE':
      for (const id of targetIds) if (index.siteById.has(id)) siteIds.add(id);
      break;
    case 'GROUP':
      for (const id of targetIds)
        for (const siteId of index.siteIdsByGroupId.get(id) ?? []) siteIds.add(siteId);
      break;
    case 'PROGRAM':
      if (targetIds.includes(index.programId))
        for (const siteId of index.siteById.keys()) siteIds.add(siteId);
      break;
  }
  // In the program's site order, through the index (a device's own site_id may be absent upstream).
  const ordered = [...index.siteById.keys()].filter((id) => siteIds.has(id));
  return {
    enrollments: ordered.flatMap((id) => index.enrollmentsBySiteId.get(id) ?? []),
    siteIds,
    devices: ordered.flatMap((id) => index.devicesBySiteId.get(id) ?? []),
  };
}

function reachedByDevices(index: ProgramIndex, deviceIds: readonly string[]): ReachedTargets {
  const wanted = new Set(deviceIds);
  const devices = [...index.deviceById.values()].filter((d) => wanted.has(d.id));
  const enrollmentIds = new Set(devices.map((d) => d.enrollmentId));
  return {
    enrollments: index.enrollments.filter((e) => enrollmentIds.has(e.id)),
    siteIds: new Set(devices.flatMap((d) => index.enrollmentById.get(d.enrollmentId)?.site.id ?? [])),
    devices,
  };
}
