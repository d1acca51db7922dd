import { WireCreateEventBody, type WireEventSite } from '../../flip/wire.js';
import { buildEvent, effectiveEnd, isParticipating, resolveTargets, toActionRecs } from '../events.js';
import { fail, noContent, notFound, ok, parseBody, type Route, unprocessable } from '../http.js';
import type { EnrollmentRec, EventRec } from '../model.js';
import { hash01, hashString } from '../prng.js';
import { renderEvent } from '../render.js';
import type { Store } from '../store.js';
import { actionPowerW } from '../telemetry.js';

const HOUR_MS = 3_600_000;

export function eventRoutes(store: Store): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/events',
      handler: () => ok(store.listEvents().map(renderEvent)),
    },
    {
      method: 'POST',
      template: '/v1/events',
      handler: (req) => {
        const body = parseBody(req, WireCreateEventBody);
        const badDates = body.actions.flatMap((a, i) =>
          Number.isNaN(Date.parse(a.starts_at))
            ? [
                {
                  loc: ['body', 'actions', i, 'starts_at'],
                  msg: 'Input should be a valid datetime',
                  type: 'datetime_parsing',
                },
              ]
            : [],
        );
        if (badDates.length > 0) unprocessable(badDates);
        const targets = resolveTargets(store, body);
        const event = buildEvent(
          store,
          {
            programId: body.program_id,
            targetType: body.target_type,
            targetIds: body.target_ids,
            actions: toActionRecs(body),
          },
          targets,
        );
        store.addEvent(event);
        return ok(renderEvent(event));
      },
    },
    {
      method: 'DELETE',
      template: '/v1/events/{id}',
      handler: (req) => {
        const event = store.event(req.params.id as string) ?? notFound('event', req.params.id as string);
        // REFERENCE.md: only an event that has not completed can be canceled.
        if (event.endsAt <= store.now()) fail(409, `event ${event.id} has already ended`);
        store.cancelEvent(event);
        return noContent;
      },
    },
    {
      method: 'GET',
      template: '/v1/events/{id}/sites',
      handler: (req) => {
        const event = store.event(req.params.id as string) ?? notFound('event', req.params.id as string);
        const p = store.program(event.programId);
        const targeted = event.siteIds
          ? [...event.siteIds].flatMap((id) => p?.sites.get(id) ?? [])
          : (p?.enrollments ?? []);
        return ok(
          targeted.map((enrollment): WireEventSite => sitePerformance(event, enrollment, store.now())),
        );
      },
    },
  ];
}

/** Expected figures from the site's batteries and the actions; actual ones for the elapsed part. */
function sitePerformance(event: EventRec, enrollment: EnrollmentRec, now: number): WireEventSite {
  const devices = enrollment.devices.filter(
    (d) => d.type === 'BATTERY' && (event.deviceIds === null || event.deviceIds.has(d.id)),
  );
  const participating = isParticipating(event, enrollment);
  let expectedPowerW = 0;
  let expectedEnergyWh = 0;
  let elapsedEnergyWh = 0;
  const end = effectiveEnd(event);
  for (const action of event.actions) {
    const powerW = devices.reduce((s, d) => s + actionPowerW(action, d), 0);
    expectedPowerW = Math.max(expectedPowerW, powerW);
    expectedEnergyWh += (powerW * action.durationS) / 3600;
    const stop = Math.min(action.startsAt + action.durationS * 1000, end, now);
    if (stop > action.startsAt) elapsedEnergyWh += (powerW * (stop - action.startsAt)) / HOUR_MS;
  }
  const started = now >= event.startsAt;
  const online = devices.filter((d) => !d.isOffline).length / Math.max(1, devices.length);
  const factor = participating
    ? (0.85 + 0.2 * hash01(hashString(event.id), enrollment.site.n, 7)) * online
    : 0;
  return {
    site_id: enrollment.site.id,
    is_participating: participating,
    performance_expected_power_w: Math.round(expectedPowerW),
    performance_actual_power_w: started ? Math.round(expectedPowerW * factor) : null,
    performance_expected_energy_wh: Math.round(expectedEnergyWh),
    performance_actual_energy_wh: started ? Math.round(elapsedEnergyWh * factor) : null,
  };
}
