import { WireHistoricalTelemetryBody, WireLatestTelemetryBody } from '../../flip/wire.js';
import { ok, parseBody, type Route, unprocessable } from '../http.js';
import type { Store } from '../store.js';
import { drivingEvents, historicalPoints, latestPoint, type DeviceContext } from '../telemetry.js';

/** Longest historical window (REFERENCE.md Unknown 5; our choice, src/flip/README.md "Unknowns we decided"). */
export const MAX_HISTORY_WINDOW_S = 7 * 86_400;

/**
 * The devices of a program (those of `deviceIds` when given) with the events that drive them.
 * Like enrollments: an unknown program has no devices; unknown device ids are simply absent.
 */
export function devicesOfProgram(
  store: Store,
  programId: string,
  deviceIds: string[] | undefined,
): DeviceContext[] {
  const p = store.program(programId);
  if (!p) return [];
  const pairs = deviceIds
    ? deviceIds.flatMap((id) => {
        const hit = p.devices.get(id);
        return hit ? [hit] : [];
      })
    : [...p.devices.values()];
  // Every program's events move the device, whichever program the question names.
  const events = store.allEvents();
  const enrollmentsOf = (deviceId: string) =>
    store.programDefs().flatMap((d) => store.program(d.id)?.devices.get(deviceId)?.enrollment ?? []);
  return pairs.map((x) => ({ ...x, events: drivingEvents(events, x.device, enrollmentsOf(x.device.id)) }));
}

export function telemetryRoutes(store: Store): Route[] {
  const devicesOf = (programId: string, deviceIds: string[] | undefined) =>
    devicesOfProgram(store, programId, deviceIds);
  return [
    {
      method: 'POST',
      template: '/v1/telemetry/latest',
      handler: (req) => {
        const body = parseBody(req, WireLatestTelemetryBody);
        const now = store.now();
        return ok({
          telemetry: devicesOf(body.program_id, body.device_ids).map((ctx) => latestPoint(ctx, now)),
        });
      },
    },
    {
      method: 'POST',
      template: '/v1/telemetry/historical',
      handler: (req) => {
        const body = parseBody(req, WireHistoricalTelemetryBody);
        const { from, to } = window(body.start_time, body.end_time);
        const now = store.now();
        const telemetry = devicesOf(body.program_id, body.device_ids).flatMap((ctx) =>
          historicalPoints(ctx, from, to, now),
        );
        return ok({ telemetry });
      },
    },
  ];
}

function window(start: string, end: string): { from: number; to: number } {
  const from = Date.parse(start);
  const to = Date.parse(end);
  const invalid = (field: string) => ({
    loc: ['body', field],
    msg: 'Input should be a valid datetime',
    type: 'datetime_parsing',
  });
  if (Number.isNaN(from)) unprocessable([invalid('start_time')]);
  if (Number.isNaN(to)) unprocessable([invalid('end_time')]);
  if (to <= from)
    unprocessable([
      { loc: ['body', 'end_time'], msg: 'end_time must be after start_time', type: 'value_error' },
    ]);
  if (to - from > MAX_HISTORY_WINDOW_S * 1000) {
    unprocessable([{ loc: ['body', 'end_time'], msg: 'window must not exceed 7 days', type: 'value_error' }]);
  }
  return { from, to };
}
