import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../../src/simulator/types.js';
import { startService, type StartedService } from '../support/start.js';

/** Small bounds so that every fault resolves within a test's time. */
const FAST_ENV = {
  FLIP_CONNECT_TIMEOUT_MS: '300',
  FLIP_HEADERS_TIMEOUT_MS: '300',
  FLIP_BODY_TIMEOUT_MS: '300',
  FLIP_RETRY_MAX_ATTEMPTS: '3',
  FLIP_RETRY_BASE_DELAY_MS: '1',
  FLIP_RETRY_MAX_TOTAL_MS: '1500',
  GRAPHQL_API_KEYS: 'caller-key-0123456789abcdef:admin',
};
const AS_CALLER = { authorization: 'Bearer caller-key-0123456789abcdef' };

// Groups are fetched per program by path, so a fault on one program's path fails only it.
const DASHBOARD = /* GraphQL */ `
  query Dashboard {
    programs {
      id
      groups {
        id
      }
    }
  }
`;

type Dashboard = { programs: { id: string; groups: { id: string }[] | null }[] };

/** Everything the service wrote or answered must be free of Flip's and callers' secrets. */
function expectNoSecrets(service: StartedService, answers: unknown[]): void {
  const text = JSON.stringify(answers) + service.logText();
  expect(text).not.toContain(service.sim.utilityApiKey);
  expect(text).not.toContain(service.sim.cloudApiKey);
  expect(text).not.toContain(service.sim.oauthClient.clientSecret);
  expect(text).not.toContain('caller-key-0123456789abcdef');
}

async function dashboardUnder(rule: Omit<FaultRule, 'route'>) {
  const service = await startService({ env: FAST_ENV });
  const [failing, ...healthy] = service.sim.programs;
  service.sim.faults.add({ route: `/v1/programs/${failing!.id}/groups`, ...rule });
  const res = await service.gql<Dashboard>(DASHBOARD, undefined, AS_CALLER);
  const after = await service.gql('{ programs { id } }', undefined, AS_CALLER);
  expect(after.status).toBe(200);
  expectNoSecrets(service, [res.body]);
  return { service, res, failing: failing!, healthy };
}

describe('reads under upstream faults', () => {
  it('rides out a latency spike below the timeouts', async () => {
    const { res } = await dashboardUnder({ kind: 'latency', latencyMs: 100 });
    expect(res.body.errors).toBeUndefined();
  });

  it('retries a 5xx burst and answers in full', async () => {
    const { res, service, failing } = await dashboardUnder({ kind: 'status', status: 503, times: 2 });
    expect(res.body.errors).toBeUndefined();
    const calls = service.sim.journal.entries().filter((e) => e.path.includes(failing.id));
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it.each([
    ['a lasting 5xx', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 502 }],
    ['a 429 storm with Retry-After', 'RATE_LIMITED', { kind: 'status', status: 429, retryAfterS: 1 }],
    ['a hang', 'UPSTREAM_UNAVAILABLE', { kind: 'hang' }],
    ['connection resets', 'UPSTREAM_UNAVAILABLE', { kind: 'reset' }],
    ['malformed JSON', 'UPSTREAM_UNAVAILABLE', { kind: 'malformed' }],
    ['a refused key', 'UPSTREAM_AUTH_FAILED', { kind: 'status', status: 401 }],
  ] as const)('answers %s with partial data and %s at the failing path', async (_name, code, rule) => {
    const { res, failing, healthy } = await dashboardUnder(rule);
    expect(res.status).toBe(200);
    const programs = res.body.data?.programs ?? [];
    expect(programs.map((p) => p.id)).toEqual([failing.id, ...healthy.map((p) => p.id)]);
    expect(programs[0]?.groups).toBeNull();
    expect(programs.slice(1).every((p) => Array.isArray(p.groups))).toBe(true);
    expect(res.body.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }))).toEqual([
      { path: ['programs', 0, 'groups'], code },
    ]);
    expect(JSON.stringify(res.body.errors)).not.toMatch(/\bat \S+\.(ts|js):\d+/);
  });
});

const DISPATCH = /* GraphQL */ `
  mutation Dispatch($input: DispatchEventInput!, $key: String!) {
    dispatchEvent(input: $input, idempotencyKey: $key) {
      id
    }
  }
`;

describe('writes under upstream faults', () => {
  function dispatchInput(programId: string) {
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    return {
      input: {
        programId,
        targetType: 'PROGRAM',
        targetIds: [programId],
        actions: [{ mode: 'DISCHARGE', startsAt, durationS: 3600 }],
      },
      key: `fault-test-${Math.random()}`,
    };
  }

  // 'recovered': the write reached Flip before the answer was lost, and the read-back found it.
  it.each([
    ['a hang before Flip applied it', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'hang' }],
    ['a hang after Flip applied it', 'recovered', { kind: 'hang', applyFirst: true }],
    ['a reset', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'reset' }],
    ['malformed JSON after Flip applied it', 'recovered', { kind: 'malformed', applyFirst: true }],
    ['a 503', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 503 }],
    ['a 429 storm', 'RATE_LIMITED', { kind: 'status', status: 429, retryAfterS: 1 }],
  ] as const)('sends POST /v1/events once under %s and answers %s', async (_name, outcome, rule) => {
    const service = await startService({ env: FAST_ENV });
    service.sim.faults.add({ method: 'POST', route: '/v1/events', ...rule });
    const res = await service.gql<{ dispatchEvent: { id: string } | null }>(
      DISPATCH,
      dispatchInput(service.sim.programs[0]!.id),
      AS_CALLER,
    );
    if (outcome === 'recovered') {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.dispatchEvent?.id).toEqual(expect.any(String));
    } else {
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
    }
    expect(service.sim.journal.counts()['POST /v1/events']).toBe(1);
    expect((await service.gql('{ programs { id } }', undefined, AS_CALLER)).status).toBe(200);
    expectNoSecrets(service, [res.body]);
  });
});
