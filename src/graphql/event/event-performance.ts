import type { EventSiteRecord } from '../../flip/index.js';
import type { EventPerformance } from './event-performance.type.js';

type Participation = Pick<
  EventSiteRecord,
  'isParticipating' | 'expectedPowerW' | 'actualPowerW' | 'expectedEnergyWh' | 'actualEnergyWh'
>;

/**
 * An event's performance from its participation rows (GET /v1/events/{id}/sites): counts of
 * listed and participating sites, and each power and energy summed over every row (a null value,
 * not yet measured, counts as 0). Pure, so a subscription can recompute it from fresh rows.
 */
export function eventPerformanceOf(rows: readonly Participation[]): EventPerformance {
  const performance: EventPerformance = {
    targetedSiteCount: rows.length,
    participatingSiteCount: 0,
    expectedPowerW: 0,
    actualPowerW: 0,
    expectedEnergyWh: 0,
    actualEnergyWh: 0,
  };
  for (const row of rows) {
    if (row.isParticipating) performance.participatingSiteCount += 1;
    performance.expectedPowerW += row.expectedPowerW ?? 0;
    performance.actualPowerW += row.actualPowerW ?? 0;
    performance.expectedEnergyWh += row.expectedEnergyWh ?? 0;
    performance.actualEnergyWh += row.actualEnergyWh ?? 0;
  }
  return performance;
}
