import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeviceTelemetryDocument, DispatchEventDocument } from '../../schema/client/graphql.js';
import { parseDateTime } from '../../src/graphql/index.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments } from './helpers.js';
import { errorsOf } from './mutations/helpers.js';

/** The reference: days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function monthLength(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  t: string;
  offset: { sign: '+' | '-'; hours: number; minutes: number } | 'Z' | 'z';
}

function text(p: Parts): string {
  const offset =
    typeof p.offset === 'string'
      ? p.offset
      : `${p.offset.sign}${pad(p.offset.hours)}:${pad(p.offset.minutes)}`;
  const fraction = p.fraction === '' ? '' : `.${p.fraction}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}${p.t}${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${offset}`;
}

function referenceMs(p: Parts): number {
  const offsetMin =
    typeof p.offset === 'string'
      ? 0
      : (p.offset.sign === '-' ? -1 : 1) * (p.offset.hours * 60 + p.offset.minutes);
  const ms = Number(p.fraction.padEnd(3, '0').slice(0, 3));
  return (
    daysFromCivil(p.year, p.month, p.day) * 86_400_000 +
    ((p.hour * 60 + p.minute - offsetMin) * 60 + p.second) * 1000 +
    ms
  );
}

function validParts(years = { min: 0, max: 9999 }): fc.Arbitrary<Parts> {
  return fc
    .record({
      year: fc.integer(years),
      month: fc.integer({ min: 1, max: 12 }),
      dayIndex: fc.nat(),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,9}$/)),
      t: fc.constantFrom('T', 't'),
      offset: fc.oneof(
        fc.constantFrom('Z' as const, 'z' as const),
        fc.record({
          sign: fc.constantFrom('+' as const, '-' as const),
          hours: fc.integer({ min: 0, max: 23 }),
          minutes: fc.integer({ min: 0, max: 59 }),
        }),
      ),
    })
    .map(({ dayIndex, ...p }) => ({ ...p, day: (dayIndex % monthLength(p.year, p.month)) + 1 }));
}

/** Valid parts with exactly one component pushed out of its range. */
const impossibleParts: fc.Arbitrary<Parts> = fc
  .tuple(
    validParts(),
    fc.constantFrom('day', 'day0', 'month', 'hour', 'minute', 'second', 'offsetHours', 'offsetMinutes'),
    fc.nat(),
  )
  .map(([p, which, n]) => {
    const offset = typeof p.offset === 'string' ? { sign: '+' as const, hours: 0, minutes: 0 } : p.offset;
    switch (which) {
      case 'day': {
        const len = monthLength(p.year, p.month);
        return { ...p, day: len + 1 + (n % (100 - len - 1)) };
      }
      case 'day0':
        return { ...p, day: 0 };
      case 'month':
        return { ...p, month: n % 2 === 0 ? 0 : 13 + (n % 87) };
      case 'hour':
        return { ...p, hour: 24 + (n % 76) };
      case 'minute':
        return { ...p, minute: 60 + (n % 40) };
      case 'second':
        return { ...p, second: 60 + (n % 40) };
      case 'offsetHours':
        return { ...p, offset: { ...offset, hours: 24 + (n % 76) } };
      default:
        return { ...p, offset: { ...offset, minutes: 60 + (n % 40) } };
    }
  });

describe('the strict date-time parser', () => {
  it('reads every valid RFC 3339 date-time as the reference instant', () => {
    fc.assert(
      fc.property(validParts(), (p) => {
        expect(parseDateTime(text(p))?.getTime()).toBe(referenceMs(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every date-time with one component out of its calendar range', () => {
    fc.assert(
      fc.property(impossibleParts, (p) => {
        expect(parseDateTime(text(p))).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses Feb 29 outside leap years and accepts it in them', () => {
    expect(parseDateTime('2100-02-29T00:00:00Z')).toBeNull();
    expect(parseDateTime('2023-02-29T00:00:00Z')).toBeNull();
    expect(parseDateTime('2000-02-29T00:00:00Z')?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(parseDateTime('2024-02-29T23:59:59.999-23:59')?.toISOString()).toBe('2024-03-01T23:58:59.999Z');
  });
});

let svc: StartedService;
let deviceId: string;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
  deviceId = seedEnrollments(svc.sim, svc.sim.programs[0]!.id)[0]!.devices![0]!.id;
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const historicalBodies = () =>
  svc.sim.journal
    .calls()
    .filter((c) => c.route === '/v1/telemetry/historical')
    .map((c) => c.body as { start_time: string; end_time: string });

describe('DateTime inputs over GraphQL', () => {
  it('sends the instant a valid date-time names, whatever its offset and fraction', async () => {
    await fc.assert(
      fc.asyncProperty(validParts({ min: 2000, max: 2099 }), async (p) => {
        svc.sim.journal.clear();
        const from = new Date(referenceMs(p));
        const to = new Date(from.getTime() + 3_600_000).toISOString();
        await svc.gql(DeviceTelemetryDocument, { deviceId, from: text(p), to });
        expect(historicalBodies()).toEqual([
          expect.objectContaining({ start_time: from.toISOString(), end_time: to }),
        ]);
      }),
      { numRuns: 25 },
    );
  });

  it('#13: refuses an impossible date-time variable with BAD_USER_INPUT at its path, sending nothing', async () => {
    await fc.assert(
      fc.asyncProperty(impossibleParts, async (p) => {
        svc.sim.journal.clear();
        const res = await svc.gql(DeviceTelemetryDocument, {
          deviceId,
          from: text(p),
          to: '2030-01-01T00:00:00Z',
        });
        expect(res.status).toBe(400);
        expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['from'] }]);
        expect(svc.sim.journal.calls()).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    '2030-02-30T00:00:00Z',
    '2030-04-31T10:00:00Z',
    '2030-05-01T24:00:00Z',
    '2016-12-31T23:59:60Z',
    '2030-05-01T10:00:00+24:00',
    '2030-05-01T10:00:00-12:60',
  ])('#13: refuses the literal %s at its argument path, sending nothing', async (value) => {
    const res = await svc.gql(/* GraphQL */ `
      { device(id: "${deviceId}") { telemetry(from: "2030-01-01T00:00:00Z", to: "${value}") { startTime } } }
    `);
    expect(res.status).toBe(400);
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['to'] }]);
    expect(res.body.errors?.[0]?.message).not.toContain('Did you mean');
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('#13: refuses an impossible action start deep in a dispatch input, sending nothing', async () => {
    const programId = svc.sim.programs[0]!.id;
    const action = { mode: 'DISCHARGE', durationS: 3600, powerMode: 'SETPOINT', setpointW: 3000 };
    const res = await svc.gql(DispatchEventDocument, {
      idempotencyKey: randomUUID(),
      input: {
        programId,
        targetType: 'PROGRAM',
        targetIds: [programId],
        actions: [
          { ...action, startsAt: '2030-05-01T10:00:00Z' },
          { ...action, startsAt: '2030-02-30T00:00:00Z' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['input.actions[1].startsAt'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});
