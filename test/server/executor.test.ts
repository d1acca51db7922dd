import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';

// GRAPHQL_EXECUTOR=jit runs operations on graphql-jit (src/server/jit-executor.ts, issue 9). It
// may only change speed: every answer must be the one graphql-js's execute (the default) gives,
// byte for byte, errors included. Both services run on one simulator and read the same data.

const operation = (name: string) => readFileSync(`test/operations/${name}.graphql`, 'utf8');

describe('GRAPHQL_EXECUTOR=jit against graphql-js (the default)', () => {
  it('answers the example read operations, bad input and missing ids identically', async () => {
    const jit = await startService({ env: { SIM_SITES: '200', GRAPHQL_EXECUTOR: 'jit' } });
    expect(jit.config.executor).toBe('jit');
    const plain = await startService({ upstream: jit.sim });
    expect(plain.config.executor).toBe('graphql-js');
    const program = jit.sim.programs[0]!;
    const enrollments = jit.sim.state.enrollments(program.id) as {
      id: string;
      site: { id: string; groups?: { id: string }[] };
      devices?: { id: string }[];
    }[];
    const withDevice = enrollments.find((e) => (e.devices ?? []).length > 0)!;
    const event = (jit.sim.state.events() as { id: string }[])[0];
    const startsAt = new Date(Date.now() + 6 * 3_600_000).toISOString();
    const cases: [string, string, Record<string, unknown>][] = [
      ['dashboard', operation('program-dashboard'), { programId: program.id, first: 7 }],
      [
        'dashboard, second page',
        operation('program-dashboard'),
        { programId: program.id, first: 3, after: 'bad' },
      ],
      ['fleet overview', operation('fleet-overview'), {}],
      ['enrollment detail', operation('enrollment-detail'), { id: withDevice.id }],
      ['unknown enrollment', operation('enrollment-detail'), { id: '00000000-0000-4000-8000-000000000000' }],
      ['site detail', operation('site-detail'), { siteId: withDevice.site.id }],
      ['review queue', operation('enrollment-review-queue'), { programId: program.id }],
      ['groups', operation('group-management'), { programId: program.id }],
      ['events', operation('events-list'), { programId: program.id }],
      ['event detail', operation('event-detail'), { id: event?.id ?? 'none' }],
      [
        'telemetry',
        operation('device-telemetry'),
        { deviceId: withDevice.devices![0]!.id, from: '2024-05-01T00:00:00Z', to: '2024-05-01T06:00:00Z' },
      ],
      [
        'preview',
        operation('preview-event'),
        {
          input: {
            programId: program.id,
            targetType: 'PROGRAM',
            targetIds: [program.id],
            actions: [
              { mode: 'DISCHARGE', startsAt, durationS: 3600, powerMode: 'SETPOINT', setpointW: 3000 },
            ],
          },
        },
      ],
      [
        'a variable of the wrong type',
        operation('program-dashboard'),
        { programId: program.id, first: 'ten' },
      ],
      ['a missing variable', operation('enrollment-detail'), {}],
      ['a bad date-time', operation('device-telemetry'), { deviceId: 'd', from: 'yesterday', to: 'today' }],
      [
        'a dispatch refused before any call',
        operation('dispatch-event'),
        {
          idempotencyKey: 'executor-test',
          input: {
            programId: program.id,
            targetType: 'GROUP',
            targetIds: [],
            actions: [
              { mode: 'DISCHARGE', startsAt: '2020-01-01T00:00:00Z', durationS: -5, powerMode: 'SETPOINT' },
            ],
          },
        },
      ],
    ];
    jit.sim.journal.clear();
    for (const [name, query, variables] of cases) {
      const [a, b] = await Promise.all([jit.gql(query, variables), plain.gql(query, variables)]);
      expect({ name, status: a.status, body: a.body }).toEqual({ name, status: b.status, body: b.body });
      expect(JSON.stringify(a.body), name).toBe(JSON.stringify(b.body));
    }
    expect(
      jit.sim.journal.calls().filter((c) => c.method !== 'GET' && !c.route.includes('telemetry')),
    ).toEqual([]);
  });
});
