import { assertNever } from '../../errors.js';
import type { EnrollmentEntry, EventEntry } from '../../loaders/index.js';

/** What an event may name of one enrollment: its program, its site's groups there, site, devices. */
export interface EventSubject {
  enrollment: EnrollmentEntry;
  /** The devices that count (a device's history: that device only). Default: all the enrollment's. */
  deviceIds?: readonly string[];
}

/**
 * Whether the event targets the subject: an event of the enrollment's program that targets the
 * program, one of the site's groups in that program, the site, or one of the devices.
 */
export function isEventOf(event: EventEntry, { enrollment, deviceIds }: EventSubject): boolean {
  if (event.programId !== enrollment.programId) return false;
  const ids = new Set(event.targetIds);
  switch (event.targetType) {
    case 'PROGRAM':
      return true;
    case 'GROUP':
      return enrollment.site.groups.some((g) => ids.has(g.id));
    case 'SITE':
      return ids.has(enrollment.site.id);
    case 'DEVICE':
      return (deviceIds ?? enrollment.devices.map((d) => d.id)).some((id) => ids.has(id));
    default:
      return assertNever(event.targetType);
  }
}

/** The events (already newest first) targeting any of the subjects, in the same order. */
export function eventsOfSubjects<T extends EventEntry>(
  events: readonly T[],
  subjects: readonly EventSubject[],
): T[] {
  return events.filter((event) => subjects.some((subject) => isEventOf(event, subject)));
}
