import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireDevice, WireEnrollment } from '../../../src/flip/wire.js';
import {
  DispatchEventDocument,
  PreviewEventDocument,
  type DispatchEventMutation,
  type PreviewEventQuery,
} from '../../../schema/client/graphql.js';
import { startService, type StartedService } from '../../support/start.js';
import { errorsOf, firstProgram, inMinutes } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

/** The figures of a preview recomputed from the simulator's state, independently of the service. */
function expectedFigures(enrollments: WireEnrollment[], mode: 'CHARGE' | 'DISCHARGE', reservePct?: number) {
  const devices = new Map<string, { device: WireDevice; status: string }>();
  for (const e of enrollments)
    for (const d of e.devices ?? [])
      if (!devices.has(d.id)) devices.set(d.id, { device: d, status: e.status });
  const batteries = [...devices.values()]
    .filter((x) => x.device.type === 'BATTERY' && x.status === 'ACTIVE')
    .map((x) => x.device);
  const rating = mode === 'DISCHARGE' ? 'battery_power_output_w' : 'battery_power_input_w';
  return {
    targetEnrollmentCount: enrollments.length,
    targetSiteCount: new Set(enrollments.map((e) => e.site.id)).size,
    targetDeviceCount: devices.size,
    dispatchablePowerW: batteries.reduce((s, d) => s + (d.attributes?.[rating] ?? 0), 0),
    dispatchableEnergyWh: batteries.reduce((s, d) => {
      const reserve = reservePct ?? d.configuration?.reserve_percentage ?? 0;
      return s + (d.attributes?.battery_capacity_wh ?? 0) * (1 - reserve / 100);
    }, 0),
  };
}

function preview(input: unknown) {
  return svc.gql<PreviewEventQuery>(PreviewEventDocument, { input });
}

describe('Query.previewEvent', () => {
  it('counts a PROGRAM event from the program enrollments, with the reserve of the actions', async () => {
    const { programId, enrollments } = firstProgram(svc.sim);
    const action = {
      mode: 'DISCHARGE',
      startsAt: inMinutes(60 * 24 * 30),
      durationS: 3600,
      backupReservePercentage: 30,
    };
    const res = await preview({
      programId,
      targetType: 'PROGRAM',
      targetIds: [programId],
      actions: [action],
    });
    const got = res.body.data?.previewEvent;
    const want = expectedFigures(enrollments, 'DISCHARGE', 30);
    expect({ ...got, dispatchableEnergyWh: undefined, warnings: undefined, issues: undefined }).toEqual({
      ...want,
      dispatchableEnergyWh: undefined,
      warnings: undefined,
      issues: undefined,
    });
    expect(got?.dispatchableEnergyWh).toBeCloseTo(want.dispatchableEnergyWh, 3);
    const inactive = enrollments.filter((e) => e.status !== 'ACTIVE').length;
    expect(got?.warnings[0]).toMatch(
      new RegExp(`^${inactive} of ${enrollments.length} targeted enrollments are not ACTIVE \\(`),
    );
    // #14: the same as data, the ids capped at 20 in target order, count saying how many.
    const notActive = enrollments.filter((e) => e.status !== 'ACTIVE').map((e) => e.id);
    expect(notActive.length).toBeGreaterThan(20);
    expect(got?.issues[0]).toEqual({
      code: 'ENROLLMENTS_NOT_ACTIVE',
      message: got?.warnings[0],
      count: notActive.length,
      ids: notActive.slice(0, 20),
    });
    expect(got?.issues.map((i) => i.message)).toEqual(got?.warnings);
    expect(
      svc.sim.journal
        .calls()
        .map((c) => `${c.method} ${c.route}`)
        .sort(),
    ).toEqual(['GET /v1/enrollments', 'GET /v1/events']);
  });

  it('counts a GROUP event over the sites in the group, with each device reserve, for CHARGE', async () => {
    const { programId, enrollments } = firstProgram(svc.sim);
    const members = enrollments.filter((e) => (e.site.groups ?? []).some((g) => g.id === 'LZ_SOUTH'));
    const action = { mode: 'CHARGE', startsAt: inMinutes(60 * 24 * 30), durationS: 3600 };
    const res = await preview({ programId, targetType: 'GROUP', targetIds: ['LZ_SOUTH'], actions: [action] });
    const got = res.body.data?.previewEvent;
    const want = expectedFigures(members, 'CHARGE');
    expect(got).toMatchObject({ ...want, dispatchableEnergyWh: expect.any(Number) });
    expect(got?.dispatchableEnergyWh).toBeCloseTo(want.dispatchableEnergyWh, 3);
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': 1,
      'GET /v1/events': 1,
      'GET /v1/programs/{programId}/groups': 1,
    });
  });

  it('warns about enrollments that are not ACTIVE and about EV chargers, in fixed words', async () => {
    const { programId, enrollments } = firstProgram(svc.sim);
    const paused = enrollments.find((e) => e.status === 'PAUSED' && (e.devices ?? []).length > 0)!;
    const withCharger = enrollments.find(
      (e) => e.status === 'ACTIVE' && (e.devices ?? []).some((d) => d.type === 'EV_CHARGER'),
    )!;
    const charger = withCharger.devices!.find((d) => d.type === 'EV_CHARGER')!;
    const targetIds = [paused.devices![0]!.id, charger.id];
    const action = { mode: 'DISCHARGE', startsAt: inMinutes(60 * 24 * 40), durationS: 600 };
    const res = await preview({ programId, targetType: 'DEVICE', targetIds, actions: [action] });
    expect(res.body.data?.previewEvent).toEqual({
      targetEnrollmentCount: 2,
      targetSiteCount: 2,
      targetDeviceCount: 2,
      dispatchablePowerW: 0,
      dispatchableEnergyWh: 0,
      warnings: [
        `1 of 2 targeted enrollments is not ACTIVE (1 PAUSED), e.g. ${paused.id}: their devices are left out of dispatchable power and energy.`,
        `1 targeted device is an EV charger, e.g. ${charger.id}: left out of dispatchable power and energy.`,
        'No targeted battery belongs to an ACTIVE enrollment: the event moves no battery power.',
      ],
      issues: [
        {
          code: 'ENROLLMENTS_NOT_ACTIVE',
          message: `1 of 2 targeted enrollments is not ACTIVE (1 PAUSED), e.g. ${paused.id}: their devices are left out of dispatchable power and energy.`,
          count: 1,
          ids: [paused.id],
        },
        {
          code: 'EV_CHARGERS_LEFT_OUT',
          message: `1 targeted device is an EV charger, e.g. ${charger.id}: left out of dispatchable power and energy.`,
          count: 1,
          ids: [charger.id],
        },
        {
          code: 'NO_ACTIVE_BATTERY',
          message: 'No targeted battery belongs to an ACTIVE enrollment: the event moves no battery power.',
          count: 1,
          ids: [paused.devices![0]!.id],
        },
      ],
    });
  });

  it('warns about devices already in an event that overlaps in time', async () => {
    const { programId, enrollments } = firstProgram(svc.sim);
    const active = enrollments.filter((e) => e.status === 'ACTIVE').at(-1)!;
    const battery = active.devices!.find((d) => d.type === 'BATTERY')!;
    const startsAt = inMinutes(60 * 24 * 50);
    const event = {
      programId,
      targetType: 'SITE',
      targetIds: [active.site.id],
      actions: [{ mode: 'DISCHARGE', startsAt, durationS: 3600 }],
    };
    const dispatched = await svc.gql<DispatchEventMutation>(DispatchEventDocument, {
      input: event,
      idempotencyKey: randomUUID(),
    });
    const eventId = dispatched.body.data?.dispatchEvent.id;
    const later = new Date(Date.parse(startsAt) + 1_800_000).toISOString();
    const res = await preview({
      programId,
      targetType: 'DEVICE',
      targetIds: [battery.id],
      actions: [{ mode: 'CHARGE', startsAt: later, durationS: 3600 }],
    });
    expect(res.body.data?.previewEvent.warnings).toEqual([
      `1 targeted device is already in 1 overlapping event of program ${programId} (${eventId}), e.g. ${battery.id}.`,
    ]);
    expect(res.body.data?.previewEvent.issues.map((i) => [i.code, i.count, i.ids])).toEqual([
      ['DEVICES_IN_OVERLAPPING_EVENTS', 1, [battery.id]],
    ]);
    // #13: once cancelled (and still listed as CANCELED), the event overlaps nothing.
    await svc.gql(`mutation ($id: ID!) { cancelEvent(id: $id) }`, { id: eventId });
    const after = await preview({
      programId,
      targetType: 'DEVICE',
      targetIds: [battery.id],
      actions: [{ mode: 'CHARGE', startsAt: later, durationS: 3600 }],
    });
    expect(after.body.data?.previewEvent.warnings).toEqual([]);
    expect(after.body.data?.previewEvent.issues).toEqual([]);
  });

  it('validates like dispatchEvent and writes nothing', async () => {
    const { programId } = firstProgram(svc.sim);
    const res = await preview({
      programId,
      targetType: 'PROGRAM',
      targetIds: [programId],
      actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(-60), durationS: 600 }],
    });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['input.actions[0].startsAt'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});
