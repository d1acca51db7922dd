import type { CreateEventInput, EventRecord } from '../../flip/index.js';
import { ENROLLMENT_STATUSES } from '../../flip/wire.js';
import type { DeviceEntry, EnrollmentEntry, ProgramIndex } from '../../loaders/index.js';
import { resolveTargets } from './targets.js';

/** What a preview issue is about; the GraphQL enum PreviewIssueCode has these values. */
export type PreviewIssueCode =
  'ENROLLMENTS_NOT_ACTIVE' | 'EV_CHARGERS_LEFT_OUT' | 'NO_ACTIVE_BATTERY' | 'DEVICES_IN_OVERLAPPING_EVENTS';

/** One thing a dispatcher should know before dispatching, with the ids it concerns. */
export interface PreviewIssue {
  code: PreviewIssueCode;
  /** The sentence also listed in EventPreview.warnings. */
  message: string;
  /** How many items (enrollments or devices, by code) the issue concerns. */
  count: number;
  /** The first MAX_ISSUE_IDS of those items' ids. */
  ids: string[];
}

/** Ids an issue lists at most (a UI table's first page; count says how many there are). */
export const MAX_ISSUE_IDS = 20;
/** How many example ids a message names. */
const EXAMPLES = 3;

function issueOf(code: PreviewIssueCode, message: string, ids: readonly string[]): PreviewIssue {
  return { code, message, count: ids.length, ids: ids.slice(0, MAX_ISSUE_IDS) };
}

export function inactiveIssue(enrollments: readonly EnrollmentEntry[]): PreviewIssue[] {
  const inactive = enrollments.filter((e) => e.status !== 'ACTIVE');
  if (inactive.length === 0) return [];
  const byStatus = ENROLLMENT_STATUSES.flatMap((status) => {
    const n = inactive.filter((e) => e.status === status).length;
    return n === 0 ? [] : [`${n} ${status}`];
  });
  const verb = inactive.length === 1 ? 'is' : 'are';
  const ids = inactive.map((e) => e.id);
  const message =
    `${inactive.length} of ${plural(enrollments.length, 'targeted enrollment')} ${verb} not ACTIVE ` +
    `(${byStatus.join(', ')}), e.g. ${examples(ids)}: ` +
    'their devices are left out of dispatchable power and energy.';
  return [issueOf('ENROLLMENTS_NOT_ACTIVE', message, ids)];
}

export function evChargerIssue(devices: readonly DeviceEntry[]): PreviewIssue[] {
  const ids = devices.filter((d) => d.type === 'EV_CHARGER').map((d) => d.id);
  if (ids.length === 0) return [];
  const what = ids.length === 1 ? 'targeted device is an EV charger' : 'targeted devices are EV chargers';
  const message = `${ids.length} ${what}, e.g. ${examples(ids)}: left out of dispatchable power and energy.`;
  return [issueOf('EV_CHARGERS_LEFT_OUT', message, ids)];
}

/** No battery of an ACTIVE enrollment: ids are the batteries reached (all in other statuses). */
export function noActiveBatteryIssue(
  devices: readonly DeviceEntry[],
  activeBatteries: readonly DeviceEntry[],
): PreviewIssue[] {
  if (activeBatteries.length > 0) return [];
  const message = 'No targeted battery belongs to an ACTIVE enrollment: the event moves no battery power.';
  return [
    issueOf(
      'NO_ACTIVE_BATTERY',
      message,
      devices.filter((d) => d.type === 'BATTERY').map((d) => d.id),
    ),
  ];
}

/** Targeted devices already in an overlapping event of the program: ids are those devices. */
export function overlapIssue(
  index: ProgramIndex,
  event: CreateEventInput,
  devices: readonly DeviceEntry[],
  overlapping: readonly EventRecord[],
): PreviewIssue[] {
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
  const message =
    `${plural(busyIds.length, 'targeted device')} ${verb} already in ` +
    `${plural(clashing.length, 'overlapping event')} of program ${event.programId} (${clashing.join(', ')}), ` +
    `e.g. ${examples(busyIds)}.`;
  return [issueOf('DEVICES_IN_OVERLAPPING_EVENTS', message, busyIds)];
}

function examples(ids: readonly string[]): string {
  return ids.slice(0, EXAMPLES).join(', ') + (ids.length > EXAMPLES ? ', …' : '');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
