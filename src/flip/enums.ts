import {
  ACTION_MODES,
  type ActionMode,
  DEVICE_TYPES,
  type DeviceType,
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  POWER_MODES,
  type PowerMode,
  TARGET_TYPES,
  type TargetType,
} from './wire.js';

/**
 * Upstream enum strings -> known values. An unknown value never fails a response: it maps to the
 * fallback documented here (README "Unknowns") and is logged once per (field, value).
 * Matching ignores case: the older Utility getting-started page uses lower-case values.
 */

/** Receives each unknown (field, value) once. */
export type UnknownEnumReporter = (field: string, value: string, fallback: string | null) => void;

/** The logger shape the clients need: pino's `warn(obj, msg)`. */
export interface WarnLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

const MAX_LOGGED_VALUE_CHARS = 64;

/** Logs each unknown (field, value) pair once for the lifetime of the clients. */
export function createUnknownEnumReporter(logger: WarnLogger | undefined): UnknownEnumReporter {
  const seen = new Set<string>();
  return (field, value, fallback) => {
    const key = `${field}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    logger?.warn(
      { field, value: value.slice(0, MAX_LOGGED_VALUE_CHARS), fallback },
      'Flip sent an enum value this service does not know; using the documented fallback',
    );
  };
}

function known<T extends string>(values: readonly T[], raw: string): T | undefined {
  const upper = raw.trim().toUpperCase();
  return values.find((v) => v === upper);
}

/**
 * Unknown enrollment status -> PENDING: "waiting for a decision" is the state that makes a person
 * look at it, and it is never counted as ACTIVE (capacity) nor as finished (REJECTED/UNENROLLED).
 */
export function enrollmentStatusOf(raw: string, report: UnknownEnumReporter, field = 'enrollment.status') {
  const v = known<EnrollmentStatus>(ENROLLMENT_STATUSES, raw);
  if (v) return v;
  report(field, raw, 'PENDING');
  return 'PENDING' satisfies EnrollmentStatus;
}

/**
 * Unknown device type -> EV_CHARGER: fleet sums count BATTERY devices as dispatchable capacity,
 * so a device of a new kind must never inflate them. The device stays visible (counted in
 * deviceCount) instead of being dropped.
 */
export function deviceTypeOf(raw: string, report: UnknownEnumReporter): DeviceType {
  const v = known<DeviceType>(DEVICE_TYPES, raw);
  if (v) return v;
  report('device.type', raw, 'EV_CHARGER');
  return 'EV_CHARGER';
}

/** For lists (a program's eligible device types): unknown values are dropped, not guessed. */
export function deviceTypesOf(raws: string[], report: UnknownEnumReporter): DeviceType[] {
  return raws.flatMap((raw) => {
    const v = known<DeviceType>(DEVICE_TYPES, raw);
    if (v) return [v];
    report('program.eligible_device_types', raw, null);
    return [];
  });
}

/**
 * Unknown event target type -> PROGRAM: an operator reading the event then assumes the widest
 * reach (the whole program) rather than believing a site was left out.
 */
export function targetTypeOf(raw: string, report: UnknownEnumReporter): TargetType {
  const v = known<TargetType>(TARGET_TYPES, raw);
  if (v) return v;
  report('event.target_type', raw, 'PROGRAM');
  return 'PROGRAM';
}

/**
 * Unknown action mode -> undefined: the action is skipped. Inventing a mode (say STANDBY) would
 * tell an operator a battery idles while it may be discharging; the event keeps its own times.
 */
export function actionModeOf(raw: string, report: UnknownEnumReporter, field = 'event.actions.mode') {
  const v = known<ActionMode>(ACTION_MODES, raw);
  if (v) return v;
  report(field, raw, null);
  return undefined;
}

/** Unknown power mode -> null (the field is nullable: "not known"). */
export function powerModeOf(raw: string | null | undefined, report: UnknownEnumReporter): PowerMode | null {
  if (raw === null || raw === undefined) return null;
  const v = known<PowerMode>(POWER_MODES, raw);
  if (v) return v;
  report('event.actions.power_mode', raw, null);
  return null;
}
