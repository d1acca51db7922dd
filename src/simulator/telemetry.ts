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

export function drivingEvents(
  all: readonly EventRec[],
  device: DeviceRec,
  enrollment: EnrollmentRec,
): EventRec[] {
  return all.filter((e) => drivesDevice(e, device, enrollment));
}

/** The newest point: the current five-minute interval, values as of `now`. */
export function latestPoint(ctx: DeviceContext, now: number): WireTelemetryPoint {
  return point(ctx, Math.floor(now / INTERVAL_MS) * INTERVAL_MS, now);
}

/** One point per five-minute interval starting in [from, to), none past `now`. */
export function historicalPoints(
  ctx: DeviceContext,
  from: number,
  to: number,
  now: number,
): WireTelemetryPoint[] {
  const out: WireTelemetryPoint[] = [];
  for (let t = Math.ceil(from / INTERVAL_MS) * INTERVAL_MS; t < to && t <= now; t += INTERVAL_MS) {
    out.push(point(ctx, t, Math.min(t + INTERVAL_MS, now)));
  }
  return out;
}

function point(ctx: DeviceContext, start: number, at: number): WireTelemetryPoint {
  const { device } = ctx;
  const base = { device_id: device.id, start_time: iso(start), duration_s: INTERVAL_S };
  if (device.isOffline) return { ...base, ...OFFLINE };
  const hour = localHour(ctx, at);
  const noise = hash01(device.n, Math.floor(at / INTERVAL_MS));
  const solarW = Math.round(
    device.solarPeakW * Math.max(0, Math.sin((Math.PI * (hour - 6)) / 12)) * (0.85 + 0.15 * noise),
  );
  const homeW = Math.round(700 + 900 * noise + (hour >= 17 && hour < 22 ? 1200 : 0));
  const days = Math.max(0, (at - device.installDate) / DAY_MS);
  const totals = {
    home_total_energy_wh: Math.round(days * 19_000),
    solar_total_energy_wh: Math.round(days * device.solarPeakW * 4.5),
  };
  if (device.type === 'EV_CHARGER')
    return { ...base, ...evCharger(ctx, at, hour, homeW, solarW, days), ...totals };
  const b = battery(ctx, at, hour, noise);
  const gridW = homeW - solarW - b.dischargeW + b.chargeW;
  return {
    ...base,
    battery_state_of_charge_percentage: round1(b.soc),
    battery_last_backup_reserve_percentage: b.floor,
    battery_power_charge_w: b.chargeW,
    battery_power_discharge_w: b.dischargeW,
    battery_total_energy_charge_wh: Math.round(days * device.capacityWh * 0.45 + b.chargedWh),
    battery_total_energy_discharge_wh: Math.round(days * device.capacityWh * 0.42 + b.dischargedWh),
    grid_power_w: gridW,
    grid_total_energy_wh: Math.round(days * 9_000),
    home_power_w: homeW,
    solar_power_w: solarW,
    ...totals,
    last_is_online: true,
    last_mode: b.mode,
  };
}

interface BatteryState {
  soc: number;
  floor: number;
  chargeW: number;
  dischargeW: number;
  chargedWh: number;
  dischargedWh: number;
  mode: string;
}

function battery(ctx: DeviceContext, at: number, hour: number, noise: number): BatteryState {
  const { device } = ctx;
  const phase = hash01(device.n, 1) * 2 - 1;
  const angle = (2 * Math.PI * (hour - 10 + phase)) / 24;
  const reserve = device.reservePercentage ?? 0;
  let soc = 55 + 30 * Math.sin(angle) + (noise - 0.5) * 2;
  // d(soc)/dt of the daily curve, in %/h, turned into the power that moves it.
  const baseW = Math.round(((30 * 2 * Math.PI) / 24) * Math.cos(angle) * (device.capacityWh / 100));
  let active: { action: ActionRec; powerW: number } | undefined;
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
      if (at < stop) active = { action, powerW };
    }
  }
  const floor = Math.max(reserve, active?.action.backupReservePercentage ?? 0);
  soc = Math.min(100, Math.max(floor, soc));
  if (!active) {
    return {
      soc,
      floor,
      chargeW: Math.max(0, baseW),
      dischargeW: Math.max(0, -baseW),
      chargedWh,
      dischargedWh,
      mode: 'SELF_CONSUMPTION',
    };
  }
  const { action, powerW } = active;
  const discharging = action.mode === 'DISCHARGE' && soc > floor + 0.5;
  const charging = (action.mode === 'CHARGE' || action.mode === 'BACKUP') && soc < 99.5;
  return {
    soc,
    floor,
    chargeW: charging ? powerW : 0,
    dischargeW: discharging ? powerW : 0,
    chargedWh,
    dischargedWh,
    mode: action.mode,
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

/** EV chargers: no battery fields; charging in the evening unless an event curtails them. */
function evCharger(
  ctx: DeviceContext,
  at: number,
  hour: number,
  homeW: number,
  solarW: number,
  days: number,
) {
  const active = ctx.events.flatMap((e) =>
    e.actions.filter(
      (a) => at >= a.startsAt && at < Math.min(a.startsAt + a.durationS * 1000, effectiveEnd(e)),
    ),
  )[0];
  const scheduled = hour >= 19 || hour < 1 ? Math.round(ctx.device.powerInputW * 0.9) : 0;
  const chargingW = active ? (active.mode === 'CHARGE' ? ctx.device.powerInputW : 0) : scheduled;
  return {
    ...BATTERY_NULLS,
    grid_power_w: homeW + chargingW - solarW,
    grid_total_energy_wh: Math.round(days * 14_000),
    home_power_w: homeW + chargingW,
    solar_power_w: solarW,
    last_is_online: true,
    last_mode: active ? active.mode : chargingW > 0 ? 'CHARGE' : 'STANDBY',
  };
}

function localHour(ctx: DeviceContext, at: number): number {
  const offset = UTC_OFFSET_H[ctx.enrollment.site.stateCode ?? ''] ?? -6;
  return (((at / HOUR_MS + offset) % 24) + 24) % 24;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

const BATTERY_NULLS = {
  battery_state_of_charge_percentage: null,
  battery_last_backup_reserve_percentage: null,
  battery_power_charge_w: null,
  battery_power_discharge_w: null,
  battery_total_energy_charge_wh: null,
  battery_total_energy_discharge_wh: null,
};

const OFFLINE = {
  ...BATTERY_NULLS,
  grid_power_w: null,
  grid_total_energy_wh: null,
  home_power_w: null,
  home_total_energy_wh: null,
  solar_power_w: null,
  solar_total_energy_wh: null,
  last_is_online: false,
  last_mode: null,
};
