import { loadavg } from 'node:os';
import { afterAll, expect, it } from 'vitest';
import { driveDirect, driveGraphql, percentile, timeOne, type Measured } from './drive.js';
import {
  killAll,
  startServiceProcess,
  startSimProcess,
  type ServiceProcess,
  type SimProcess,
} from './processes.js';
import { AUDIT_TRAIL, runAuditTrail } from './audit-trail.js';
import { BULK_MEMBERSHIP, runBulkMembership } from './bulk-membership.js';
import { startOtlpSink, type OtlpSink } from './otlp-sink.js';
import { LIVE_FANOUT, runLiveFanout } from './live-fanout.js';
import { PATCH_STREAM, runPatchStream } from './patch-stream.js';
import { PLAIN_HTTP_VARIANT, startPlainHttp } from './plain-http.js';
import { describeLatestProfile } from './profile-summary.js';
import { printTable, withRatios, writeReport, type Row } from './report.js';
import {
  createGroupOf,
  dashboard,
  DASHBOARD_200,
  dashboardOfIssue20,
  enrollmentDetail,
  eventPreview,
  largeProgramPage,
  latestTelemetry,
  readFacts,
  statusWrites,
  type Scenario,
} from './scenarios.js';

/**
 * `npm run bench`: the built simulator (with upstream latency) and the built service in their
 * own processes, driven by autocannon from this one. Every scenario runs against the direct REST
 * calls a frontend would make, the service with its cross-request cache warm, the service with
 * the cache off, and the naive service (no batching, no cache: per-field fetching).
 * Prints a markdown table and writes .artifacts/bench/latest.json. Tunables (env):
 * BENCH_DURATION_S (10), BENCH_WARMUP_S (2), BENCH_CONNECTIONS (10), BENCH_LATENCY_MS (25),
 * BENCH_SITES (2000), BENCH_DASHBOARD_SITES (400: dashboard-200's simulator, its first program has
 * half), BENCH_DASHBOARD_CONNECTIONS (16: dashboard-200's connections), BENCH_LARGE_SITES (100000: its first program has half), BENCH_COLD_SAMPLES (3),
 * BENCH_BULK_SAMPLES (4: bulk-membership writes, add and remove in turn),
 * BENCH_AUDIT_SAMPLES (500: audit-trail writes, each one INSERT and one UPDATE on PGlite),
 * BENCH_PATCH_INTERVAL_MS (250: patch-stream, one status write this often during the reads),
 * BENCH_SCENARIOS (e.g. "dashboard,large-program,bulk-membership"; all by default), BENCH_NAIVE (true),
 * BENCH_CPU_PROF (false: true writes a V8 CPU profile of every service process under
 * .artifacts/bench/profiles/, for chrome://inspect or speedscope), BENCH_NODE_ARGS (node flags
 * of the service processes, e.g. "--max-semi-space-size=64": see test/bench/README.md),
 * BENCH_TRACING (true: the dashboard also runs with its cache warm and tracing on, exporting
 * over OTLP to a local sink at the default sampling; see README, Observability).
 */

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? value : fallback;
};
const SETTINGS = {
  durationS: num('BENCH_DURATION_S', 10),
  warmupS: num('BENCH_WARMUP_S', 2),
  connections: num('BENCH_CONNECTIONS', 10),
  latencyMs: num('BENCH_LATENCY_MS', 25),
  sites: num('BENCH_SITES', 2000),
  dashboardSites: num('BENCH_DASHBOARD_SITES', 400),
  dashboardConnections: num('BENCH_DASHBOARD_CONNECTIONS', 16),
  largeSites: num('BENCH_LARGE_SITES', 100_000),
  coldSamples: num('BENCH_COLD_SAMPLES', 3),
  bulkSamples: num('BENCH_BULK_SAMPLES', 4),
  auditSamples: num('BENCH_AUDIT_SAMPLES', 500),
  patchIntervalMs: num('BENCH_PATCH_INTERVAL_MS', 250),
  scenarios: process.env.BENCH_SCENARIOS?.split(',').filter(Boolean) ?? null,
  naive: process.env.BENCH_NAIVE !== 'false',
  cpuProf: process.env.BENCH_CPU_PROF === 'true',
  nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
  tracing: process.env.BENCH_TRACING !== 'false',
};
const GROUP_SIZE = 1_000;

/** The cross-request cache warm, the response cache off: rows stay comparable with earlier runs. */
const WARM = { CACHE_TTL_S: '30', RESPONSE_CACHE_TTL_S: '0' };

const VARIANTS: { name: string; env: Record<string, string> }[] = [
  { name: 'service, cache warm', env: WARM },
  { name: 'service, cache off', env: { CACHE_TTL_S: '0', RESPONSE_CACHE_TTL_S: '0' } },
  ...(SETTINGS.naive
    ? [
        {
          name: 'naive (no batching, no cache)',
          env: { CACHE_TTL_S: '0', RESPONSE_CACHE_TTL_S: '0', DISABLE_BATCHING: 'true' },
        },
      ]
    : []),
];

/** Issue 20: the dashboard repeated, answered by the response cache (its default TTL). */
const RESPONSE_CACHE_VARIANT = {
  name: 'service, response cache on',
  env: { CACHE_TTL_S: '30', RESPONSE_CACHE_TTL_S: '2' },
};

const isSelected = (id: string) => SETTINGS.scenarios === null || SETTINGS.scenarios.includes(id);

const PROFILE_DIR = '.artifacts/bench/profiles';
const slugOf = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);

/** Node flags of a service process: BENCH_NODE_ARGS, and a CPU profile named after what it runs. */
function profiled(name: string): string[] {
  if (!SETTINGS.cpuProf) return SETTINGS.nodeArgs;
  return [
    ...SETTINGS.nodeArgs,
    '--cpu-prof',
    `--cpu-prof-dir=${PROFILE_DIR}`,
    `--cpu-prof-name=${slugOf(name)}-${Date.now()}.cpuprofile`,
  ];
}

/** After a profiled service exited: where its CPU went. */
function logProfile(name: string): void {
  if (SETTINGS.cpuProf) log(`CPU of "${name}":\n${describeLatestProfile(PROFILE_DIR, slugOf(name))}`);
}

afterAll(() => killAll());

function log(line: string): void {
  process.stdout.write(`[bench] ${line}\n`);
}

const totalCalls = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The first answer of each measured service (the plain node:http row serves the warm one). */
const answers = new WeakMap<ServiceProcess, string>();

/** Checks one answer, warms up, then measures; calls per op from the simulator's journal. */
async function measureService(
  sim: SimProcess,
  svc: ServiceProcess,
  scenario: Scenario,
  connections = SETTINGS.connections,
) {
  const first = await timeOne(svc.graphqlUrl, scenario.next());
  scenario.check(JSON.parse(first.text) as { data?: unknown; errors?: unknown[] });
  answers.set(svc, first.text);
  const drive = (durationS: number) =>
    driveGraphql({ url: svc.graphqlUrl, connections, durationS, next: scenario.next });
  if (SETTINGS.warmupS > 0) await drive(SETTINGS.warmupS);
  const before = totalCalls(await sim.counts());
  const cpuBefore = svc.cpuMs();
  const measured = await drive(SETTINGS.durationS);
  const cpuMs = svc.cpuMs() - cpuBefore;
  const calls = totalCalls(await sim.counts()) - before;
  const ops = Math.max(1, measured.ops);
  const cpuMsPerOp = cpuMs / ops;
  return { measured, callsPerOp: calls / ops, peakRssMb: svc.peakRssMb(), cpuMsPerOp };
}

async function measureDirect(sim: SimProcess, scenario: Scenario, connections = SETTINGS.connections) {
  const drive = (durationS: number) =>
    driveDirect({ utilityUrl: sim.utilityUrl, connections, durationS, op: scenario.direct });
  if (SETTINGS.warmupS > 0) await drive(Math.min(1, SETTINGS.warmupS));
  const measured = await drive(SETTINGS.durationS);
  return { measured, callsPerOp: scenario.directCalls, peakRssMb: NaN };
}

/**
 * The dashboard also runs with the response cache on (issue 20) and, with BENCH_TRACING, warm
 * with tracing on (issue 16): its spans exported over OTLP.
 */
async function variantsOf(scenario: Scenario, sink: () => Promise<OtlpSink>) {
  // Issue 20's dashboard: warm and cache off, and the response cache to set beside node:http.
  if (scenario.id === DASHBOARD_200) return [...VARIANTS.slice(0, 2), RESPONSE_CACHE_VARIANT];
  if (scenario.id !== 'dashboard') return VARIANTS;
  if (!SETTINGS.tracing) return [VARIANTS[0]!, RESPONSE_CACHE_VARIANT, ...VARIANTS.slice(1)];
  const env = { ...WARM, OTEL_EXPORTER_OTLP_ENDPOINT: (await sink()).url };
  return [VARIANTS[0]!, RESPONSE_CACHE_VARIANT, { name: TRACING_VARIANT, env }, ...VARIANTS.slice(1)];
}

const TRACING_VARIANT = 'service, cache warm, tracing on (OTLP)';

/** The tracing row against the untraced warm row: throughput and CPU per operation (logged, and a note). */
function noteTracingCost(rows: Row[]): void {
  const off = rows.find((r) => r.variant === VARIANTS[0]!.name);
  const on = rows.find((r) => r.variant === TRACING_VARIANT);
  if (off?.cpuMsPerOp === undefined || on?.cpuMsPerOp === undefined) return;
  const opsChange = (on.measured.opsPerS / off.measured.opsPerS - 1) * 100;
  const cpuMs = on.cpuMsPerOp - off.cpuMsPerOp;
  on.note = `${opsChange.toFixed(1)} % ops/s, ${cpuMs >= 0 ? '+' : ''}${cpuMs.toFixed(2)} ms CPU/op against tracing off`;
  log(`  tracing on: ${on.note}`);
}

async function runScenario(sim: SimProcess, scenario: Scenario): Promise<Row[]> {
  log(scenario.title);
  const rows: Row[] = [
    {
      scenario: scenario.title,
      variant: 'direct REST',
      ...(await measureDirect(sim, scenario, scenario.connections)),
    },
  ];
  let sink: OtlpSink | undefined;
  const variants = await variantsOf(scenario, async () => (sink ??= await startOtlpSink()));
  try {
    await measureVariants(sim, scenario, variants, rows);
  } finally {
    await sink?.close();
  }
  if (sink) log(`  OTLP sink received ${JSON.stringify(sink.exports())}`);
  noteTracingCost(rows);
  return rows;
}

async function measureVariants(
  sim: SimProcess,
  scenario: Scenario,
  variants: { name: string; env: Record<string, string> }[],
  rows: Row[],
): Promise<void> {
  for (const variant of variants) {
    const name = `${scenario.id} ${variant.name}`;
    const svc = await startServiceProcess(sim, variant.env, profiled(name));
    let answer: string | undefined;
    try {
      rows.push({
        scenario: scenario.title,
        variant: variant.name,
        ...(await measureService(sim, svc, scenario, scenario.connections)),
      });
      answer = answers.get(svc);
    } finally {
      await svc.close();
    }
    logProfile(name);
    log(`  ${variant.name}: ${rows.at(-1)!.measured.opsPerS.toFixed(1)} ops/s`);
    if (scenario.plainBaseline && variant === VARIANTS[0] && answer !== undefined)
      rows.push(await measurePlainHttp(sim, scenario, answer));
  }
}

/** The plain node:http row (plain-http.ts): the same requests answered with the service's bytes. */
async function measurePlainHttp(sim: SimProcess, scenario: Scenario, answer: string): Promise<Row> {
  const name = `${scenario.id} plain node-http`;
  const plain = await startPlainHttp(answer, profiled(name));
  try {
    const row: Row = {
      scenario: scenario.title,
      variant: PLAIN_HTTP_VARIANT,
      ...(await measureService(sim, plain, scenario, scenario.connections)),
      note: `${Buffer.byteLength(answer)} bytes an answer`,
    };
    log(`  ${PLAIN_HTTP_VARIANT}: ${row.measured.opsPerS.toFixed(1)} ops/s (${row.note})`);
    return row;
  } finally {
    await plain.close();
  }
}

/**
 * What the service adds to Flip's latency, without load: one connection, the direct calls
 * against the service with its cache off (same upstream calls, in the same order).
 */
async function runLatencyProbe(sim: SimProcess, scenario: Scenario): Promise<Row[]> {
  const title = `${scenario.title}, 1 connection`;
  log(title);
  const rows: Row[] = [
    { scenario: title, variant: 'direct REST', ...(await measureDirect(sim, scenario, 1)) },
  ];
  const name = `${scenario.id} 1 connection cache off`;
  const svc = await startServiceProcess(sim, { CACHE_TTL_S: '0' }, profiled(name));
  try {
    rows.push({
      scenario: title,
      variant: 'service, cache off',
      ...(await measureService(sim, svc, scenario, 1)),
    });
  } finally {
    await svc.close();
  }
  logProfile(name);
  return rows;
}

/** Scenario 3: cold = the first request of a fresh process; warm = the cache after it. */
async function runLargeProgram(sim: SimProcess, scenario: Scenario): Promise<Row[]> {
  log(scenario.title);
  const rows: Row[] = [
    { scenario: scenario.title, variant: 'direct REST', ...(await measureDirect(sim, scenario, 2)) },
  ];
  const coldMs: number[] = [];
  let warm: ServiceProcess | undefined;
  let coldRss = NaN;
  for (let i = 0; i < SETTINGS.coldSamples; i++) {
    warm = await startServiceProcess(sim, WARM, profiled(`${scenario.id} cold ${i + 1}`));
    const before = totalCalls(await sim.counts());
    const cold = await timeOne(warm.graphqlUrl, scenario.next());
    scenario.check(JSON.parse(cold.text) as { data?: unknown; errors?: unknown[] });
    coldMs.push(cold.ms);
    coldRss = warm.peakRssMb();
    rows.push(
      single(scenario, `cold: first request of a fresh process (#${i + 1})`, [cold.ms], {
        calls: totalCalls(await sim.counts()) - before,
        peakRssMb: coldRss,
      }),
    );
    if (i < SETTINGS.coldSamples - 1) await warm.close();
  }
  try {
    rows.push({
      scenario: scenario.title,
      variant: 'service, cache warm',
      ...(await measureService(sim, warm!, scenario)),
      note: `cold median ${percentile(
        [...coldMs].sort((a, b) => a - b),
        50,
      ).toFixed(0)} ms`,
    });
  } finally {
    await warm?.close();
  }
  logProfile(`${scenario.id} cold ${SETTINGS.coldSamples}`);
  const off = await startServiceProcess(sim, { CACHE_TTL_S: '0' }, profiled(`${scenario.id} cache off`));
  try {
    const samples: number[] = [];
    const before = totalCalls(await sim.counts());
    for (let i = 0; i < SETTINGS.coldSamples; i++)
      samples.push((await timeOne(off.graphqlUrl, scenario.next())).ms);
    rows.push(
      single(scenario, 'service, cache off (sequential)', samples, {
        calls: (totalCalls(await sim.counts()) - before) / samples.length,
        peakRssMb: off.peakRssMb(),
      }),
    );
  } finally {
    await off.close();
  }
  logProfile(`${scenario.id} cache off`);
  return rows;
}

/** A row from a few sequential samples (no load generator). */
function single(
  scenario: Scenario,
  variant: string,
  samplesMs: number[],
  facts: { calls: number; peakRssMb: number },
): Row {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const totalS = sorted.reduce((a, b) => a + b, 0) / 1000;
  const measured: Measured = {
    ops: sorted.length,
    durationS: totalS,
    opsPerS: sorted.length / totalS,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    failures: 0,
  };
  return { scenario: scenario.title, variant, measured, callsPerOp: facts.calls, peakRssMb: facts.peakRssMb };
}

it('benchmarks the scenarios against direct REST and the naive service', async () => {
  const startedLoad = loadavg();
  log(`settings ${JSON.stringify(SETTINGS)}`);
  const rows: Row[] = [];

  const sim = await startSimProcess({ sites: SETTINGS.sites, latencyMs: SETTINGS.latencyMs });
  try {
    const programId = sim.programIds[0]!;
    let facts = await readFacts(sim, programId);
    if (isSelected('preview')) {
      await createGroupOf(sim, facts, 'bench-group', Math.min(GROUP_SIZE, facts.enrollments.length));
      facts = await readFacts(sim, programId);
    }
    const scenarios = [
      dashboard(sim, facts),
      enrollmentDetail(sim, facts),
      eventPreview(sim, facts, 'bench-group', Math.min(GROUP_SIZE, facts.enrollments.length)),
      latestTelemetry(sim, facts),
      statusWrites(sim, facts),
    ];
    for (const scenario of scenarios) {
      if (!isSelected(scenario.id)) continue;
      rows.push(...(await runScenario(sim, scenario)));
      if (scenario.id === 'detail') rows.push(...(await runLatencyProbe(sim, scenario)));
    }
    if (isSelected(LIVE_FANOUT)) rows.push(...(await runLiveFanout(sim, profiled(LIVE_FANOUT))));
  } finally {
    await sim.close();
  }

  if (isSelected(DASHBOARD_200)) {
    const small = await startSimProcess({ sites: SETTINGS.dashboardSites, latencyMs: SETTINGS.latencyMs });
    try {
      const facts = await readFacts(small, small.programIds[0]!);
      rows.push(
        ...(await runScenario(small, dashboardOfIssue20(small, facts, SETTINGS.dashboardConnections))),
      );
    } finally {
      await small.close();
    }
  }

  if (isSelected('large-program') || isSelected(BULK_MEMBERSHIP) || isSelected(PATCH_STREAM)) {
    const large = await startSimProcess({ sites: SETTINGS.largeSites, latencyMs: SETTINGS.latencyMs });
    try {
      // Reading the facts also makes the simulator render its body once: cold is the service's.
      const facts = await readFacts(large, large.programIds[0]!);
      if (isSelected('large-program'))
        rows.push(...(await runLargeProgram(large, largeProgramPage(large, facts))));
      if (isSelected(BULK_MEMBERSHIP)) {
        const options = { samples: SETTINGS.bulkSamples, nodeArgs: profiled(BULK_MEMBERSHIP) };
        rows.push(...(await runBulkMembership(large, facts, options)));
        logProfile(BULK_MEMBERSHIP);
      }
      if (isSelected(PATCH_STREAM)) {
        const options = {
          durationS: SETTINGS.durationS,
          connections: SETTINGS.connections,
          intervalMs: SETTINGS.patchIntervalMs,
          nodeArgs: profiled(PATCH_STREAM),
        };
        rows.push(...(await runPatchStream(large, facts, options)));
        logProfile(PATCH_STREAM);
      }
    } finally {
      await large.close();
    }
  }

  if (isSelected(AUDIT_TRAIL)) rows.push(...(await runAuditTrail({ samples: SETTINGS.auditSamples })));

  const withDirect = withRatios(rows);
  const file = writeReport(withDirect, SETTINGS, startedLoad);
  process.stdout.write(`\n${printTable(withDirect)}\n\nwritten to ${file}\n`);
  expect(rows.length).toBeGreaterThan(0);
});
