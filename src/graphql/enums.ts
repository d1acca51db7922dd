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
  description: "An enrollment's status in its program, as Flip reports it.",
});

export const DeviceTypeEnum = enumOf<DeviceType>(DEVICE_TYPES);
registerEnumType(DeviceTypeEnum, { name: 'DeviceType' });

export const EventTargetTypeEnum = enumOf<TargetType>(TARGET_TYPES);
registerEnumType(EventTargetTypeEnum, {
  name: 'EventTargetType',
  description: "What an event's targetIds name: devices, groups, the program, or sites.",
});

export const ActionModeEnum = enumOf<ActionMode>(ACTION_MODES);
registerEnumType(ActionModeEnum, { name: 'ActionMode' });

export const PowerModeEnum = enumOf<PowerMode>(POWER_MODES);
registerEnumType(PowerModeEnum, { name: 'PowerMode' });
