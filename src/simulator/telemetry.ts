import type { WireTelemetryPoint } from '../flip/wire.js';
import { drivesDevice, effectiveEnd } from './events.js';
import type { ActionRec, DeviceRec, EnrollmentRec, EventRec } from './model.js';
import { hash01 } from './prng.js';
import { iso } from './render.js';

/**
 * Telemetry as a pure function of (device, time, events): no stored series, so 100,000 devices
 * cost nothing until asked, and the same question always gets the same answer. State of charge
 * follows a daily curve, falls while a DISCHARGE action drives the device (rises on CHARGE),
 * never goes below the reserve, and drifts back to the curve after the event.
 */

export const INTERVAL_S = 300;
const INTERVAL_MS = INTERVAL_S * 1000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** After an action ends, its effect on state of charge fades over this long. */
const RECOVERY_MS = 3 * HOUR_MS;
const UTC_OFFSET_H: Record<string, number> = { TX: -6, CA: -8, AZ: -7 };

export interface DeviceContext {
  device: DeviceRec;
  enrollment: EnrollmentRec;
  /** Only the events that drive this device (see drivingEvents). */
  events: EventRec[];
}

/**
 * The events that drive the device through any of its enrollments, in creation order: a
 * device's telemetry is its own, moved by the events of every program it is enrolled in.
 */
export function drivingEvents(
  all: readonly EventRec[],
  device: DeviceRec,
  enrollments: readonly EnrollmentRec[],
): EventRec[] {
  return all.filter((e) => enrollments.some((enrollment) => drivesDevice(e, device, enrollment)));
}

/** The newest point: the current five-minute interval, values as of `now`. */
export function latestPoint(ctx: DeviceContext, now: number): WireTelemetryPoint {
  return point(ctx, Math.floor(now / INTERVAL_MS) * INTERVAL_MS, now);
}

/**
 * One point per five-minute interval starting in [from, to), none past `now`. Values are those
 * at the interval's last millisecond, so an action starting on the next boundary is not in it.
 */
export function historicalPoints(
  ctx: DeviceContext,
  from: number,
  to: number,
  now: number,
): WireTelemetryPoint[] {
  const out: WireTelemetryPoint[] = [];
  for (let t = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS; t < to && t <= now; t += INTERVAL_MS) {
    out.push(point(ctx, t, Math.min(t + INTERVAL_MS - 1, now)));
  }
  return out;
}

/** The battery half of a point; all null for EV chargers and offline devices. */
interface BatteryState {
  soc: number | null;
  floor: number | null;
  chargeW: number | null;
  dischargeW: number | null;
  chargedWh: number | null;
  dischargedWh: number | null;
  mode: string | null;
}

const NO_BATTERY: BatteryState = {
  soc: null,
  floor: null,
  chargeW: null,
  dischargeW: null,
  chargedWh: null,
  dischargedWh: null,
  mode: null,
};

function point(ctx: DeviceContext, start: number, at: number): WireTelemetryPoint {
  const { device } = ctx;
  if (device.isOffline) return offlinePoint(device.id, start);
  const hour = localHour(ctx, at);
  const noise = hash01(device.n, Math.floor(at / INTERVAL_MS));
  const sun = Math.max(0, Math.sin((Math.PI * (hour - 6)) / 12));
  const solarW = Math.round(device.solarPeakW * sun * (0.85 + 0.15 * noise));
  let homeW = Math.round(700 + 900 * noise + (hour >= 17 && hour < 22 ? 1200 : 0));
  const days = Math.max(0, (at - device.installDate) / DAY_MS);
  const isBattery = device.type === 'BATTERY';
  const b = isBattery ? battery(ctx, at, hour, noise) : NO_BATTERY;
  let mode = b.mode;
  if (!isBattery) {
    const ev = evCharging(ctx, at, hour);
    homeW += ev.chargingW;
    mode = ev.mode;
  }
  const cap = device.capacityWh;
  return {
    device_id: device.id,
    start_time: iso(start),
    duration_s: INTERVAL_S,
    battery_state_of_charge_percentage: b.soc === null ? null : Math.round(b.soc * 10) / 10,
    battery_last_backup_reserve_percentage: b.floor,
    battery_power_charge_w: b.chargeW,
    battery_power_discharge_w: b.dischargeW,
    battery_total_energy_charge_wh: isBattery ? Math.round(days * cap * 0.45 + (b.chargedWh ?? 0)) : null,
    battery_total_energy_discharge_wh: isBattery
      ? Math.round(days * cap * 0.42 + (b.dischargedWh ?? 0))
      : null,
    grid_power_w: homeW - solarW - (b.dischargeW ?? 0) + (b.chargeW ?? 0),
    grid_total_energy_wh: Math.round(days * 9_000),
    home_power_w: homeW,
    home_total_energy_wh: Math.round(days * 19_000),
    solar_power_w: solarW,
    solar_total_energy_wh: Math.round(days * device.solarPeakW * 4.5),
    last_is_online: true,
    last_mode: mode,
  };
}

function battery(ctx: DeviceContext, at: number, hour: number, noise: number): BatteryState {
  const { device } = ctx;
  const phase = hash01(device.n, 1) * 2 - 1;
  const angle = (2 * Math.PI * (hour - 10 + phase)) / 24;
  let soc = 55 + 30 * Math.sin(angle) + (noise - 0.5) * 2;
  // d(soc)/dt of the daily curve, in %/h, turned into the power that moves it.
  const baseW = Math.round(((30 * 2 * Math.PI) / 24) * Math.cos(angle) * (device.capacityWh / 100));
  let active: ActionRec | undefined;
  let activeW = 0;
  let chargedWh = 0;
  let dischargedWh = 0;
  for (const event of ctx.events) {
    const end = effectiveEnd(event);
    for (const action of event.actions) {
      const stop = Math.min(action.startsAt + action.durationS * 1000, end);
      if (stop <= action.startsAt || at < action.startsAt) continue;
      const powerW = actionPowerW(action, device);
      const energyWh = (powerW * (Math.min(at, stop) - action.startsAt)) / HOUR_MS;
      const fade = at > stop ? Math.max(0, 1 - (at - stop) / RECOVERY_MS) : 1;
      const pct = (energyWh / device.capacityWh) * 100 * fade;
      if (action.mode === 'DISCHARGE') {
        soc -= pct;
        dischargedWh += energyWh;
      } else if (action.mode === 'CHARGE' || action.mode === 'BACKUP') {
        soc += pct;
        chargedWh += energyWh;
      }
      if (at < stop) {
        active = action;
        activeW = powerW;
      }
    }
  }
  const floor = Math.max(device.reservePercentage ?? 0, active?.backupReservePercentage ?? 0);
  soc = Math.min(100, Math.max(floor, soc));
  if (!active) {
    const chargeW = Math.max(0, baseW);
    const dischargeW = Math.max(0, -baseW);
    return { soc, floor, chargeW, dischargeW, chargedWh, dischargedWh, mode: 'SELF_CONSUMPTION' };
  }
  const discharging = active.mode === 'DISCHARGE' && soc > floor + 0.5;
  const charging = (active.mode === 'CHARGE' || active.mode === 'BACKUP') && soc < 99.5;
  return {
    soc,
    floor,
    chargeW: charging ? activeW : 0,
    dischargeW: discharging ? activeW : 0,
    chargedWh,
    dischargedWh,
    mode: active.mode,
  };
}

/** The power an action asks of this device, within its ratings. */
export function actionPowerW(action: ActionRec, device: DeviceRec): number {
  switch (action.mode) {
    case 'DISCHARGE':
      return Math.min(action.setpointW ?? device.powerOutputW, device.powerOutputW);
    case 'CHARGE':
      return Math.min(action.setpointW ?? device.powerInputW, device.powerInputW);
    case 'BACKUP':
      return Math.round(device.powerInputW / 2);
    default:
      return 0;
  }
}

/** EV chargers charge in the evening unless an event drives them (CHARGE on, anything else off). */
function evCharging(ctx: DeviceContext, at: number, hour: number): { chargingW: number; mode: string } {
  for (const e of ctx.events) {
    const end = effectiveEnd(e);
    for (const a of e.actions) {
      if (at >= a.startsAt && at < Math.min(a.startsAt + a.durationS * 1000, end)) {
        return { chargingW: a.mode === 'CHARGE' ? ctx.device.powerInputW : 0, mode: a.mode };
      }
    }
  }
  const evening = hour >= 19 || hour < 1;
  return evening
    ? { chargingW: Math.round(ctx.device.powerInputW * 0.9), mode: 'CHARGE' }
    : { chargingW: 0, mode: 'STANDBY' };
}

function offlinePoint(deviceId: string, start: number): WireTelemetryPoint {
  return {
    device_id: deviceId,
    start_time: iso(start),
    duration_s: INTERVAL_S,
    battery_state_of_charge_percentage: null,
    battery_last_backup_reserve_percentage: null,
    battery_power_charge_w: null,
    battery_power_discharge_w: null,
    battery_total_energy_charge_wh: null,
    battery_total_energy_discharge_wh: null,
    grid_power_w: null,
    grid_total_energy_wh: null,
    home_power_w: null,
    home_total_energy_wh: null,
    solar_power_w: null,
    solar_total_energy_wh: null,
    last_is_online: false,
    last_mode: null,
  };
}

function localHour(ctx: DeviceContext, at: number): number {
  const offset = UTC_OFFSET_H[ctx.enrollment.site.stateCode ?? ''] ?? -6;
  return (((at / HOUR_MS + offset) % 24) + 24) % 24;
}
