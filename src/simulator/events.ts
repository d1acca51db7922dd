import type { WireCreateEventBody } from '../flip/wire.js';
import { badRequest } from './http.js';
import type { ActionRec, DeviceRec, EnrollmentRec, EventRec } from './model.js';
import { hash01, hashString } from './prng.js';
import type { Store } from './store.js';

/**
 * Events: target validation and resolution, and who takes part. Participation is one rule shared
 * by GET /v1/events/{id}/sites and telemetry, so the two always agree.
 */

/** Share of targeted sites that opt out of an event (deterministic per event and site). */
const OPT_OUT_SHARE = 0.1;

export interface ResolvedTargets {
  /** null = the whole program (no 50,000-entry set per PROGRAM event). */
  siteIds: Set<string> | null;
  deviceIds: Set<string> | null;
}

/** Checks every target id against the program; unknown ones answer 400 with their paths. */
export function resolveTargets(store: Store, body: WireCreateEventBody): ResolvedTargets {
  const p = store.program(body.program_id);
  if (!p) badRequest([{ message: `program ${body.program_id} not found`, path: 'program_id' }]);
  const unknown = (ok: (id: string) => boolean) =>
    body.target_ids.flatMap((id, i) =>
      ok(id)
        ? []
        : [{ message: `${body.target_type} ${id} is not in the program`, path: `target_ids[${i}]` }],
    );
  switch (body.target_type) {
    case 'DEVICE': {
      const errors = unknown((id) => p.devices.has(id));
      if (errors.length > 0) badRequest(errors);
      const siteIds = new Set(body.target_ids.map((id) => p.devices.get(id)?.enrollment.site.id as string));
      return { siteIds, deviceIds: new Set(body.target_ids) };
    }
    case 'SITE': {
      const errors = unknown((id) => p.sites.has(id));
      if (errors.length > 0) badRequest(errors);
      return { siteIds: new Set(body.target_ids), deviceIds: null };
    }
    case 'GROUP': {
      const errors = unknown((id) => p.groups.has(id));
      if (errors.length > 0) badRequest(errors);
      return { siteIds: store.sitesInGroups(p.def.id, body.target_ids), deviceIds: null };
    }
    case 'PROGRAM': {
      const errors = unknown((id) => id === p.def.id);
      if (errors.length > 0) badRequest(errors);
      return { siteIds: null, deviceIds: null };
    }
  }
}

export function toActionRecs(body: WireCreateEventBody): ActionRec[] {
  return body.actions.map((a) => ({
    mode: a.mode,
    startsAt: Date.parse(a.starts_at),
    durationS: a.duration_s,
    powerMode: a.power_mode,
    setpointMode: a.setpoint_mode,
    setpointW: a.setpoint_w,
    backupReservePercentage: a.backup_reserve_percentage,
    enableGridImport: a.enable_grid_import,
  }));
}

/** Builds the event record; starts_at/ends_at span all actions. */
export function buildEvent(
  store: Store,
  input: { programId: string; targetType: EventRec['targetType']; targetIds: string[]; actions: ActionRec[] },
  targets: ResolvedTargets,
): EventRec {
  const at = store.now();
  return {
    id: store.newId(),
    programId: input.programId,
    targetType: input.targetType,
    targetIds: [...input.targetIds],
    actions: input.actions,
    startsAt: Math.min(...input.actions.map((a) => a.startsAt)),
    endsAt: Math.max(...input.actions.map((a) => a.startsAt + a.durationS * 1000)),
    createdAt: at,
    updatedAt: at,
    siteIds: targets.siteIds,
    deviceIds: targets.deviceIds,
    canceledAt: null,
  };
}

/** Whether a site takes part: enrolled ACTIVE, and not among the deterministic opt-outs. */
export function isParticipating(event: EventRec, enrollment: EnrollmentRec): boolean {
  if (enrollment.status !== 'ACTIVE') return false;
  return hash01(hashString(event.id), enrollment.site.n) >= OPT_OUT_SHARE;
}

/** Whether this event drives this device (telemetry). */
export function drivesDevice(event: EventRec, device: DeviceRec, enrollment: EnrollmentRec): boolean {
  if (event.programId !== enrollment.programId) return false;
  if (event.deviceIds ? !event.deviceIds.has(device.id) : event.siteIds?.has(device.siteId) === false) {
    return false;
  }
  return !device.isOffline && isParticipating(event, enrollment);
}

/** The instant an event's effects stop (its end, or when it was canceled). */
export function effectiveEnd(event: EventRec): number {
  return event.canceledAt === null ? event.endsAt : Math.min(event.endsAt, event.canceledAt);
}
