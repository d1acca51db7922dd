import type { ActionMode } from '../flip/wire.js';
import { buildEvent } from './events.js';
import type { ActionRec } from './model.js';
import { type Rng, uuidFrom } from './prng.js';
import type { Store } from './store.js';

const HOUR_MS = 3_600_000;
const FIVE_MIN_MS = 300_000;

/**
 * Per program: two past events, one ongoing, one upcoming, placed around `now` (rounded to
 * five minutes) so every start has events of every phase.
 */
export function seedEvents(store: Store, rng: Rng, now: number): void {
  const base = Math.floor(now / FIVE_MIN_MS) * FIVE_MIN_MS;
  for (const def of store.programDefs()) {
    const p = store.program(def.id);
    if (!p) continue;
    const firstGroup = def.groups[0]?.id as string;
    const someSites = p.enrollments.slice(0, 5).map((e) => e.site.id);
    const plans: { type: 'PROGRAM' | 'GROUP' | 'SITE'; ids: string[]; actions: ActionRec[] }[] = [
      { type: 'PROGRAM', ids: [def.id], actions: [act('DISCHARGE', base - 50 * HOUR_MS, 2, 3000)] },
      {
        type: 'GROUP',
        ids: [firstGroup],
        actions: [act('CHARGE', base - 27 * HOUR_MS, 1), act('DISCHARGE', base - 26 * HOUR_MS, 2, 4000)],
      },
      { type: 'GROUP', ids: [firstGroup], actions: [act('DISCHARGE', base - HOUR_MS / 2, 2, 3000)] },
      { type: 'SITE', ids: someSites, actions: [act('DISCHARGE', base + 20 * HOUR_MS, 3)] },
    ];
    for (const plan of plans) {
      if (plan.ids.length === 0) continue;
      const siteIds =
        plan.type === 'GROUP'
          ? store.sitesInGroups(def.id, plan.ids)
          : plan.type === 'SITE'
            ? new Set(plan.ids)
            : null;
      const event = buildEvent(
        store,
        { programId: def.id, targetType: plan.type, targetIds: plan.ids, actions: plan.actions },
        { siteIds, deviceIds: null },
      );
      // Seeded ids come from the seed stream; created a day before start, like a real schedule.
      event.id = uuidFrom(rng);
      event.createdAt = Math.min(event.startsAt, base) - 24 * HOUR_MS;
      event.updatedAt = event.createdAt;
      store.addEvent(event);
    }
  }
}

function act(mode: ActionMode, startsAt: number, hours: number, setpointW?: number): ActionRec {
  return setpointW === undefined
    ? { mode, startsAt, durationS: hours * 3600 }
    : { mode, startsAt, durationS: hours * 3600, powerMode: 'SETPOINT', setpointMode: 'EVEN', setpointW };
}
