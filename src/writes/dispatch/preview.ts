import type { CreateEventInput, EventRecord } from '../../flip/index.js';
import { ENROLLMENT_STATUSES } from '../../flip/wire.js';
import type { DeviceEntry, EnrollmentEntry, ProgramIndex } from '../../loaders/index.js';
import type { DispatchRequest, WriteCall, WriteDeps } from '../types.js';
import { validateDispatch } from './plan.js';
import { resolveTargets } from './targets.js';

/** What dispatchEvent would do with an input (the EventPreview type of the schema). */
export interface EventPreview {
  targetEnrollmentCount: number;
  targetSiteCount: number;
  targetDeviceCount: number;
  dispatchablePowerW: number;
  dispatchableEnergyWh: number;
  warnings: string[];
}

/** How many example ids a warning names. */
const EXAMPLES = 3;

/**
 * previewEvent: the validation of dispatchEvent, then what the targets reach, from the request's
 * loaders (the program's enrollments, its groups for GROUP targets, and GET /v1/events for
 * overlaps). Nothing is written. The program's minimum reserve is not checked: it lives in the
 * Cloud API's programs, which are not keyed by the Utility program id (README, Unknowns).
 */
export async function previewEvent(
  deps: WriteDeps,
  call: WriteCall,
  input: DispatchRequest,
): Promise<EventPreview> {
  const event = await validateDispatch(deps, call, input, { summary: 'The event cannot be previewed' });
  const [index, events] = await Promise.all([
    call.loaders.programIndex(event.programId),
    call.loaders.events(),
  ]);
  const reached = resolveTargets(index, event.targetType, event.targetIds);
  const isActive = (d: DeviceEntry) => index.enrollmentById.get(d.enrollmentId)?.status === 'ACTIVE';
  const batteries = reached.devices.filter((d) => d.type === 'BATTERY' && isActive(d));
  return {
    targetEnrollmentCount: reached.enrollments.length,
    targetSiteCount: reached.siteIds.size,
    targetDeviceCount: reached.devices.length,
    dispatchablePowerW: powerOf(batteries, event),
    dispatchableEnergyWh: energyOf(batteries, event),
    warnings: [
      ...inactiveWarning(reached.enrollments),
      ...evChargerWarning(reached.devices),
      ...(batteries.length === 0
        ? ['No targeted battery belongs to an ACTIVE enrollment: the event moves no battery power.']
        : []),
      // A cancelled event (kept by cancelEvent, see loaders) moves no device: it overlaps nothing.
      ...overlapWarning(
        index,
        event,
        reached.devices,
        otherEventsOverlapping(
          events.filter((e) => !e.canceledAt),
          event,
        ),
      ),
    ],
  };
}

function powerOf(batteries: readonly DeviceEntry[], event: CreateEventInput): number {
  const perAction = event.actions.map((a) =>
    batteries.reduce((sum, d) => {
      if (a.mode === 'DISCHARGE') return sum + (d.batteryPowerOutputW ?? 0);
      if (a.mode === 'CHARGE') return sum + (d.batteryPowerInputW ?? 0);
      return sum;
    }, 0),
  );
  return Math.max(0, ...perAction);
}

function energyOf(batteries: readonly DeviceEntry[], event: CreateEventInput): number {
  const reserves = event.actions.flatMap((a) =>
    a.backupReservePercentage === undefined ? [] : [a.backupReservePercentage],
  );
  const eventReserve = reserves.length > 0 ? Math.max(...reserves) : null;
  return batteries.reduce((sum, d) => {
    const reserve = eventReserve ?? d.reservePercentage ?? 0;
    return sum + (d.batteryCapacityWh ?? 0) * (1 - reserve / 100);
  }, 0);
}

function inactiveWarning(enrollments: readonly EnrollmentEntry[]): string[] {
  const inactive = enrollments.filter((e) => e.status !== 'ACTIVE');
  if (inactive.length === 0) return [];
  const byStatus = ENROLLMENT_STATUSES.flatMap((status) => {
    const n = inactive.filter((e) => e.status === status).length;
    return n === 0 ? [] : [`${n} ${status}`];
  });
  const verb = inactive.length === 1 ? 'is' : 'are';
  return [
    `${inactive.length} of ${plural(enrollments.length, 'targeted enrollment')} ${verb} not ACTIVE ` +
      `(${byStatus.join(', ')}), e.g. ${examples(inactive.map((e) => e.id))}: ` +
      'their devices are left out of dispatchable power and energy.',
  ];
}

function evChargerWarning(devices: readonly DeviceEntry[]): string[] {
  const chargers = devices.filter((d) => d.type === 'EV_CHARGER');
  if (chargers.length === 0) return [];
  const what =
    chargers.length === 1 ? 'targeted device is an EV charger' : 'targeted devices are EV chargers';
  return [
    `${chargers.length} ${what}, e.g. ${examples(chargers.map((d) => d.id))}: ` +
      'left out of dispatchable power and energy.',
  ];
}

function overlapWarning(
  index: ProgramIndex,
  event: CreateEventInput,
  devices: readonly DeviceEntry[],
  overlapping: readonly EventRecord[],
): string[] {
  const busy = new Set<string>();
  const clashing: string[] = [];
  for (const other of overlapping) {
    const theirs = new Set(resolveTargets(index, other.targetType, other.targetIds).devices.map((d) => d.id));
    const shared = devices.filter((d) => theirs.has(d.id));
    if (shared.length === 0) continue;
    clashing.push(other.id);
    for (const d of shared) busy.add(d.id);
  }
  if (busy.size === 0) return [];
  const busyIds = devices.filter((d) => busy.has(d.id)).map((d) => d.id);
  const verb = busyIds.length === 1 ? 'is' : 'are';
  return [
    `${plural(busyIds.length, 'targeted device')} ${verb} already in ` +
      `${plural(clashing.length, 'overlapping event')} of program ${event.programId} (${clashing.join(', ')}), ` +
      `e.g. ${examples(busyIds)}.`,
  ];
}

/** Events of the same program whose time span meets the new one's, earliest first. */
function otherEventsOverlapping(events: readonly EventRecord[], event: CreateEventInput): EventRecord[] {
  const start = Math.min(...event.actions.map((a) => a.startsAt.getTime()));
  const end = Math.max(...event.actions.map((a) => a.startsAt.getTime() + a.durationS * 1000));
  return events
    .filter((e) => e.programId === event.programId && e.startsAt.getTime() < end && endOf(e) > start)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/** An event's end: endsAt, else start + duration, else open-ended (REFERENCE.md 3). */
function endOf(e: EventRecord): number {
  if (e.endsAt) return e.endsAt.getTime();
  if (e.durationS !== null) return e.startsAt.getTime() + e.durationS * 1000;
  return Number.POSITIVE_INFINITY;
}

function examples(ids: readonly string[]): string {
  return ids.slice(0, EXAMPLES).join(', ') + (ids.length > EXAMPLES ? ', …' : '');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
