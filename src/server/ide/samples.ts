/**
 * Values for the example tabs' variables, taken from the running data: by variable name for every
 * tab, and by operation name where one tab needs its own (the enrollment Approve moves, the event
 * CancelEvent cancels). A variable neither names starts as null, as without samples.
 */
export interface ExampleSamples {
  byVariable: Record<string, unknown>;
  byOperation: Record<string, Record<string, unknown>>;
}

/** Called when the page is rendered; the page is rendered again when its answer changes. */
export type ExampleSampleProvider = () => ExampleSamples | undefined;

const HOUR_MS = 3_600_000;
/** The group CreateGroup creates and RenameGroup/DeleteGroup then change; it does not exist before. */
const NEW_GROUP_ID = 'ide-example-group';
/** The site CommissionSite creates (commissioning again updates it). */
const NEW_SITE_ID = 'ide-example-site';

/** What the samples read: the embedded simulator's state view (`Simulator.state`), wire-shaped. */
export interface SampleSource {
  enrollments(programId: string): unknown[];
  groups(programId: string): { id: string; name: string }[];
  events(): unknown[];
}

interface WireEnrollmentLike {
  id: string;
  status: string;
  site: { id: string };
  devices: { id: string }[];
}
interface WireEventLike {
  id: string;
  program_id: string;
  ends_at: string;
}

/**
 * Samples from the embedded simulator's state, for its first program: an enrollment in review
 * (Approve, then Pause, then UpdateEnrollment(s) on the same one, in the tabs' order), its site and
 * device, an event that has not ended (CancelEvent), a group id no group has yet, and a `startsAt`
 * one to two hours ahead (the next full hour plus one, so the page stays the same within the hour).
 * Undefined when the program has no enrollments to sample.
 */
export function simulatorSamples(
  state: SampleSource,
  programIds: readonly string[],
  now: () => number = Date.now,
): ExampleSampleProvider {
  return () => {
    const programId = programIds[0];
    if (programId === undefined) return undefined;
    const enrollments = state.enrollments(programId) as WireEnrollmentLike[];
    const any = enrollments.find((e) => e.devices.length > 0) ?? enrollments[0];
    if (any === undefined) return undefined;
    const inReview = enrollments.find((e) => ['PENDING', 'SUBMITTED', 'CREATED'].includes(e.status)) ?? any;
    const groups = state.groups(programId);
    const events = (state.events() as WireEventLike[]).filter((e) => e.program_id === programId);
    const at = now();
    const open = events.find((e) => Date.parse(e.ends_at) > at + HOUR_MS) ?? events[0];
    const hour = Math.ceil(at / HOUR_MS) * HOUR_MS;
    const startsAt = new Date(hour + HOUR_MS).toISOString();
    let newGroupId = NEW_GROUP_ID;
    for (let n = 2; groups.some((g) => g.id === newGroupId); n++) newGroupId = `${NEW_GROUP_ID}-${n}`;
    const dispatch = {
      programId,
      targetType: 'SITE',
      targetIds: [inReview.site.id],
      actions: [{ mode: 'DISCHARGE', startsAt, durationS: 3600 }],
    };
    return {
      byVariable: {
        id: any.id,
        siteId: any.site.id,
        deviceId: any.devices[0]?.id ?? null,
        groupId: newGroupId,
        enrollmentIds: [any.id],
        ids: [inReview.id],
        from: new Date(hour - 7 * HOUR_MS).toISOString(),
        to: new Date(hour - HOUR_MS).toISOString(),
        deviceType: 'BATTERY',
        totalCapacityWh: 13500,
        totalPowerW: 5000,
      },
      byOperation: {
        EventDetail: { id: open?.id ?? null },
        EventResults: { id: open?.id ?? null },
        EventProgress: { id: open?.id ?? null },
        CancelEvent: { id: open?.id ?? null },
        ApproveEnrollment: { id: inReview.id, reason: 'Reviewed in the IDE' },
        PauseEnrollment: { id: inReview.id, reason: 'Paused from the IDE' },
        UpdateEnrollment: {
          input: { id: inReview.id, status: 'ACTIVE', statusReason: 'Resumed from the IDE' },
        },
        UpdateEnrollments: { status: 'ACTIVE' },
        CreateGroup: { input: { programId, id: newGroupId, name: 'IDE example group' } },
        RenameGroup: { id: newGroupId, name: 'IDE example group (renamed)' },
        DeleteGroup: { id: newGroupId },
        PreviewEvent: { input: dispatch },
        DispatchEvent: { input: dispatch, idempotencyKey: `ide-example-${startsAt}` },
        CommissionSite: {
          input: {
            site: {
              id: NEW_SITE_ID,
              firstName: 'Ida',
              lastName: 'Example',
              streetAddress: '123 Main St',
              city: 'San Francisco',
              stateCode: 'CA',
              zipCode: '94105',
            },
            devices: [
              {
                id: `${NEW_SITE_ID}-battery`,
                type: 'BATTERY',
                manufacturerName: 'DeviceMaker',
                productName: 'Model 1',
                serialNumber: 'IDE-0001',
                batteryCapacityWh: 13500,
                batteryPowerInputW: 5000,
                batteryPowerOutputW: 5000,
                installDate: '2022-02-22',
              },
            ],
          },
        },
      },
    };
  };
}
