import { ENROLLMENT_STATUSES } from '../../flip/wire.js';
import type { DeviceRecord } from '../../flip/index.js';
import type { EnrollmentEntry } from '../../loaders/index.js';
import type { FleetStats } from './stats.type.js';

/**
 * FleetStats of a set of enrollments. Sites and devices are counted once even when several
 * enrollments list them; the battery sums cover distinct BATTERY devices of ACTIVE enrollments.
 */
export function computeFleetStats(entries: readonly EnrollmentEntry[]): FleetStats {
  const siteIds = new Set<string>();
  const deviceIds = new Set<string>();
  const counts = new Map(ENROLLMENT_STATUSES.map((s) => [s, 0]));
  const activeBatteries = new Map<string, DeviceRecord>();
  for (const e of entries) {
    siteIds.add(e.site.id);
    counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
    for (const d of e.devices) {
      deviceIds.add(d.id);
      if (e.status === 'ACTIVE' && d.type === 'BATTERY') activeBatteries.set(d.id, d);
    }
  }
  const batteries = [...activeBatteries.values()];
  const sum = (pick: (d: DeviceRecord) => number | null) =>
    batteries.reduce((total, d) => total + (pick(d) ?? 0), 0);
  return {
    enrollmentCount: entries.length,
    siteCount: siteIds.size,
    deviceCount: deviceIds.size,
    byStatus: ENROLLMENT_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    activeBatteryCount: batteries.length,
    activeBatteryCapacityWh: sum((d) => d.batteryCapacityWh),
    activeBatteryPowerInputW: sum((d) => d.batteryPowerInputW),
    activeBatteryPowerOutputW: sum((d) => d.batteryPowerOutputW),
  };
}
