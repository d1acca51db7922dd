import { registerEnumType } from 'type-graphql';
import {
  ACTION_MODES,
  DEVICE_TYPES,
  ENROLLMENT_STATUSES,
  POWER_MODES,
  TARGET_TYPES,
  type ActionMode,
  type DeviceType,
  type EnrollmentStatus,
  type PowerMode,
  type TargetType,
} from '../flip/wire.js';

/** A GraphQL enum object from one of Flip's value lists (flip/wire.ts): the names are the values. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

// The enums mirror Flip's values exactly; a value Flip adds later is mapped to a documented
// fallback by flip/map.ts before it reaches GraphQL.
export const EnrollmentStatusEnum = enumOf<EnrollmentStatus>(ENROLLMENT_STATUSES);
registerEnumType(EnrollmentStatusEnum, {
  name: 'EnrollmentStatus',
  description:
    "An enrollment's status in its program, as Flip reports it (REFERENCE.md: Flip does not define CREATED, SUBMITTED and PAUSED or the allowed transitions).",
  valuesConfig: {
    CREATED: {
      description:
        "Flip's status for a newly created enrollment (its Utility API example); Flip does not define it further.",
    },
    SUBMITTED: { description: 'Submitted for review, as Flip reports it; Flip does not define it further.' },
    PENDING: {
      description:
        "Awaiting the utility's decision; where new Cloud API enrollments start. A status Flip adds later also reads as PENDING.",
    },
    ACTIVE: { description: 'Approved: the site takes part in events and counts in the ACTIVE fleet sums.' },
    NEEDS_ACTION: {
      description: 'The homeowner must act (Flip emails them) before the enrollment can proceed.',
    },
    PAUSED: {
      description:
        'Paused by the utility (pauseEnrollment sets it); Flip does not define its effect on events.',
    },
    REJECTED: { description: 'Refused by the utility; Flip allows no re-application.' },
    UNENROLLED: { description: 'Left the program; unenrolledAt says when.' },
  },
});

export const DeviceTypeEnum = enumOf<DeviceType>(DEVICE_TYPES);
registerEnumType(DeviceTypeEnum, {
  name: 'DeviceType',
  description: 'The kind of device at a site, as Flip types it.',
  valuesConfig: {
    BATTERY: { description: 'A home battery (stationary storage).' },
    EV_CHARGER: {
      description:
        'An electric-vehicle charger. A device type Flip adds later also reads as EV_CHARGER, so it never counts as dispatchable battery capacity.',
    },
  },
});

export const EventTargetTypeEnum = enumOf<TargetType>(TARGET_TYPES);
registerEnumType(EventTargetTypeEnum, {
  name: 'EventTargetType',
  description: "What an event's targetIds name: devices, groups, the program, or sites.",
  valuesConfig: {
    DEVICE: { description: "targetIds are device ids of the event's program." },
    GROUP: {
      description: "targetIds are group ids of the event's program; every site in one of them is targeted.",
    },
    PROGRAM: {
      description:
        "targetIds is the program's own id: every enrolled site is targeted. A target type Flip adds later also reads as PROGRAM.",
    },
    SITE: { description: "targetIds are site ids (the OEM's) of the event's program." },
  },
});

export const ActionModeEnum = enumOf<ActionMode>(ACTION_MODES);
registerEnumType(ActionModeEnum, {
  name: 'ActionMode',
  description:
    "What a battery is told to do during an action, or (TelemetryPoint.mode) the mode it last reported; Flip's command vocabulary.",
  valuesConfig: {
    BACKUP: {
      description: 'Keep the battery charged for backup power in an outage.',
    },
    CHARGE: {
      description: 'Charge the battery (from solar, or from the grid when enableGridImport allows).',
    },
    DISCHARGE: { description: 'Discharge the battery.' },
    SAVINGS: { description: "The device's own bill-savings (time-of-use) behaviour." },
    SELF_CONSUMPTION: {
      description:
        "Cover the home's load from solar and the battery, drawing as little from the grid as possible.",
    },
    STANDBY: { description: 'Neither charge nor discharge: hold the current state of charge.' },
  },
});

export const PowerModeEnum = enumOf<PowerMode>(POWER_MODES);
registerEnumType(PowerModeEnum, {
  name: 'PowerMode',
  description: 'How much power a CHARGE or DISCHARGE action moves (null for other modes).',
  valuesConfig: {
    FOLLOW_LOAD: {
      description:
        "Follow the home's load rather than a fixed power (e.g. discharge just enough to cover it).",
    },
    SETPOINT: { description: 'At a fixed power: setpointW watts, spread over the devices by setpointMode.' },
  },
});
