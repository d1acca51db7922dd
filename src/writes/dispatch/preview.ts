import type { CreateEventInput, EventRecord } from '../../flip/index.js';
import type { DeviceEntry } from '../../loaders/index.js';
import type { DispatchRequest, WriteCall, WriteDeps } from '../types.js';
import { validateDispatch } from './plan.js';
import {
  evChargerIssue,
  inactiveIssue,
  noActiveBatteryIssue,
  overlapIssue,
  type PreviewIssue,
} from './preview-issues.js';
import { resolveTargets } from './targets.js';

/** What dispatchEvent would do with an input (the EventPreview type of the schema). */
export interface EventPreview {
  targetEnrollmentCount: number;
  targetSiteCount: number;
  targetDeviceCount: number;
  dispatchablePowerW: number;
  dispatchableEnergyWh: number;
  /** The messages of issues, in the same order. */
  warnings: string[];
  issues: PreviewIssue[];
}

/**
 * previewEvent: the validation of dispatchEvent, then what the targets reach, from the request's
 * loaders (the program's enrollments, its groups for GROUP targets, and GET /v1/events for
 * overlaps). Nothing is written. The program's minimum reserve is not checked: it lives in the
 * Cloud API's programs, which are not keyed by the Utility program id (src/flip/README.md, Unknowns).
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
  // A cancelled event (kept by cancelEvent, see loaders) moves no device: it overlaps nothing.
  const overlapping = otherEventsOverlapping(
    events.filter((e) => !e.canceledAt),
    event,
  );
  const issues = [
    ...inactiveIssue(reached.enrollments),
    ...evChargerIssue(reached.devices),
    ...noActiveBatteryIssue(reached.devices, batteries),
    ...overlapIssue(index, event, reached.devices, overlapping),
  ];
  return {
    targetEnrollmentCount: reached.enrollments.length,
    targetSiteCount: reached.siteIds.size,
    targetDeviceCount: reached.devices.length,
    dispatchablePowerW: powerOf(batteries, event),
    dispatchableEnergyWh: energyOf(batteries, event),
    warnings: issues.map((issue) => issue.message),
    issues,
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
