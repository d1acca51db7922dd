import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { afterAll, expect, it } from 'vitest';

/**
 * `npm run loadtest`: the built simulator and the built service, each in its own process (as in
 * production, with caller auth on), driven by autocannon with a mix of reads and writes for a
 * fixed time. Reports requests, gateway-originated 5xx (must be 0), latency and the service's
 * memory before and after; writes the figures to .artifacts/loadtest.json.
 * Tunables: LOADTEST_DURATION_S (30), LOADTEST_CONNECTIONS (32), LOADTEST_SITES (2000).
 */

const DURATION_S = Number(process.env.LOADTEST_DURATION_S ?? 30);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 32);
const SITES = process.env.LOADTEST_SITES ?? '2000';
const WARMUP_S = 5;
/** The stated bound: resident memory may grow at most this much over the measured run. */
const MAX_RSS_GROWTH_MB = 150;
const API_KEY = 'loadtest-key-0123456789abcdef';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Spawns a built entry point and resolves with the first stdout line matching `ready`. */
function start(entry: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let buffered = '';
  const match = new Promise<RegExpExecArray>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
    // Keep reading to the end, or a full pipe would block the child's logging.
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered = (buffered + chunk.toString('utf8')).slice(-65_536);
      const found = ready.exec(buffered);
      if (found) resolve(found);
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, match, exited };
}

async function gql(url: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function memoryOf(baseUrl: string) {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const read = (name: string) =>
    Number(new RegExp(`^flip_graphql_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rssMb: read('process_resident_memory_bytes') / 1e6,
    heapMb: read('nodejs_heap_size_used_bytes') / 1e6,
  };
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

const DASHBOARD = /* GraphQL */ `
  query Dashboard($id: ID!) {
    program(id: $id) {
      stats {
        enrollmentCount
        activeBatteryCapacityWh
        byStatus {
          status
          count
        }
      }
      enrollments(first: 50) {
        nodes {
          id
          status
          site {
            id
            city
            groups {
              id
            }
            devices {
              id
              type
            }
          }
        }
      }
    }
  }
`;
const DETAIL = /* GraphQL */ `
  query Detail($id: ID!) {
    enrollment(id: $id) {
      id
      status
      site {
        id
      }
      devices {
        id
        latestTelemetry {
          batteryStateOfChargePercentage
        }
      }
    }
  }
`;
const EVENTS = /* GraphQL */ `
  query Events {
    events {
      id
      status
      targetType
      program {
        id
      }
    }
  }
`;
const WRITE = /* GraphQL */ `
  mutation Touch($input: UpdateEnrollmentInput!) {
    updateEnrollment(input: $input) {
      id
      statusReason
    }
  }
`;

function requestMix(programIds: string[], enrollmentIds: string[], codes: Map<string, number>) {
  let n = 0;
  const next = () => enrollmentIds[n++ % enrollmentIds.length]!;
  const tally = (_status: number, text: string) => {
    for (const e of (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []) {
      const code = e.extensions?.code ?? 'UNKNOWN';
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  };
  const post = (make: () => string): autocannon.Request => ({
    method: 'POST',
    setupRequest: (req) => ({ ...req, body: make() }),
    onResponse: tally,
  });
  // 10 requests per cycle: 8 reads, 2 writes (a status reason PATCH each).
  return [
    post(() => body(DASHBOARD, { id: programIds[n++ % programIds.length] })),
    post(() => body(DETAIL, { id: next() })),
    post(() => body(DETAIL, { id: next() })),
    post(() => body(EVENTS)),
    post(() => body(WRITE, { input: { id: next(), statusReason: `loadtest ${n}` } })),
    post(() => body(DASHBOARD, { id: programIds[n++ % programIds.length] })),
    post(() => body(DETAIL, { id: next() })),
    post(() => body('{ programs { id name groups { id name } } }')),
    post(() => body(DETAIL, { id: next() })),
    post(() => body(WRITE, { input: { id: next(), statusReason: `loadtest ${n}` } })),
  ];
}

function drive(url: string, requests: autocannon.Request[], durationS: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    requests,
  });
}

it('serves a read/write mix with no gateway 5xx and bounded memory', async () => {
  const sim = start(
    'dist/simulator/main.js',
    { SIM_PORT: '0', SIM_SITES: SITES },
    /FLIP_UTILITY_API_URL=(\S+) FLIP_UTILITY_API_KEY=(\S+) FLIP_CLOUD_API_URL=(\S+) FLIP_CLOUD_API_KEY=(\S+) FLIP_PROGRAMS="([^"]+)"/,
  );
  const [, utilityUrl, utilityKey, cloudUrl, cloudKey, programs] = await sim.match;
  const service = start(
    'dist/main.js',
    {
      NODE_ENV: 'production',
      // One process: the load test reads its listening line (production would fork one per core).
      WORKERS: '1',
      PORT: '0',
      LOG_LEVEL: 'info',
      GRAPHQL_API_KEYS: `${API_KEY}:admin`,
      FLIP_UTILITY_API_URL: utilityUrl!,
      FLIP_UTILITY_API_KEY: utilityKey!,
      FLIP_CLOUD_API_URL: cloudUrl!,
      FLIP_CLOUD_API_KEY: cloudKey!,
      FLIP_PROGRAMS: programs!,
    },
    /listening at (http:\/\/[^\s"]+)/,
  );
  const graphqlUrl = (await service.match)[1]!;
  const baseUrl = graphqlUrl.replace(/\/graphql$/, '');

  const programIds = programs!.split(',').map((p) => p.split('=')[0]!);
  const seed = await gql(graphqlUrl, '{ programs { enrollments(first: 100) { nodes { id } } } }');
  const enrollmentIds = (
    (seed.data?.programs ?? []) as { enrollments: { nodes: { id: string }[] } }[]
  ).flatMap((p) => p.enrollments.nodes.map((e) => e.id));
  expect(enrollmentIds.length).toBeGreaterThan(0);

  const codes = new Map<string, number>();
  await drive(graphqlUrl, requestMix(programIds, enrollmentIds, new Map()), WARMUP_S);
  const before = await memoryOf(baseUrl);
  const result = await drive(graphqlUrl, requestMix(programIds, enrollmentIds, codes), DURATION_S);
  const after = await memoryOf(baseUrl);

  service.child.kill('SIGTERM');
  const exitCode = await service.exited;
  sim.child.kill('SIGTERM');
  await sim.exited;

  const report = {
    durationS: DURATION_S,
    connections: CONNECTIONS,
    sites: Number(SITES),
    mix: '8 reads : 2 writes (PATCH /v1/enrollments/{id})',
    requests: result.requests.total,
    requestsPerS: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    status: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrorCodes: Object.fromEntries(codes),
    memoryMb: { before, after, rssGrowth: after.rssMb - before.rssMb },
    shutdownExitCode: exitCode,
  };
  mkdirSync('.artifacts', { recursive: true });
  writeFileSync('.artifacts/loadtest.json', JSON.stringify(report, null, 2) + '\n');
  console.log(`loadtest\n${JSON.stringify(report, null, 2)}`);

  expect(report.status['5xx']).toBe(0);
  expect(report.socketErrors).toBe(0);
  expect(report.memoryMb.rssGrowth).toBeLessThan(MAX_RSS_GROWTH_MB);
  expect(exitCode).toBe(0);
});
