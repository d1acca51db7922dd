import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { ProgramDashboardDocument } from '../../schema/client/graphql.js';
import { startService, type StartOptions } from '../support/start.js';

/**
 * Issue 16: spans through the service's public surface. Each service gets its own tracer
 * provider with an in-memory exporter (AppOptions.tracerProvider); upstream propagation is read
 * from the simulator's journal.
 */

const OPERATOR_KEY = 'tracing-test-operator-key-0001';
/** Only I/O and failures make resolver spans: wall-clock time never decides a tree below. */
const NEVER_SLOW = { TRACE_SLOW_RESOLVER_MS: '600000' };
const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

async function startTraced(options: StartOptions = {}) {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const svc = await startService({
    ...options,
    env: { GRAPHQL_API_KEYS: `${OPERATOR_KEY}:operator`, ...NEVER_SLOW, ...options.env },
    tracerProvider,
  });
  const programId = svc.sim.programs[0]!.id;
  const headers = { authorization: `Bearer ${OPERATOR_KEY}` };
  return { svc, programId, headers, spans: () => exporter.getFinishedSpans() };
}

interface Node {
  name: string;
  children?: Node[];
}

const idOf = (s: ReadableSpan) => s.spanContext().spanId;
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
const startOf = (s: ReadableSpan) => s.startTime[0] * 1e9 + s.startTime[1];

/** The tree under `root` by names, children in start order (leaves without `children`). */
function treeOf(spans: ReadableSpan[], root: ReadableSpan): Node {
  const children = spans.filter((s) => parentOf(s) === idOf(root)).sort((a, b) => startOf(a) - startOf(b));
  return children.length
    ? { name: root.name, children: children.map((c) => treeOf(spans, c)) }
    : { name: root.name };
}

/** Spans whose parent is not among them: the operation spans (their parent is the caller's). */
const rootsOf = (spans: ReadableSpan[]) => spans.filter((s) => !spans.some((p) => idOf(p) === parentOf(s)));
const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);

const TELEMETRY = /* GraphQL */ `
  query FirstDevices($programId: ID!) {
    program(id: $programId) {
      enrollments(first: 3) {
        nodes {
          devices {
            id
            latestTelemetry {
              batteryStateOfChargePercentage
            }
          }
        }
      }
    }
  }
`;

describe('operation spans', () => {
  it.each(['graphql-js', 'jit'])(
    'turns one dashboard operation into one tree with the upstream call under the resolver that made it (%s)',
    async (executor) => {
      const { svc, programId, headers, spans } = await startTraced({ env: { GRAPHQL_EXECUTOR: executor } });
      const res = await svc.gql(ProgramDashboardDocument, { programId }, headers);
      expect(res.body.errors).toBeUndefined();
      const all = spans();
      const [root, ...others] = rootsOf(all);
      expect(others).toEqual([]);
      expect(treeOf(all, root!)).toEqual({
        name: 'query ProgramDashboard',
        children: [{ name: 'Program.stats', children: [{ name: 'GET /v1/enrollments' }] }],
      });
      expect(root!.kind).toBe(SpanKind.SERVER);
      expect(root!.attributes).toEqual({
        'flip.caller.role': 'operator',
        'graphql.operation.type': 'query',
        'graphql.operation.name': 'ProgramDashboard',
        'flip.graphql.cost': expect.any(Number),
        'http.response.status_code': 200,
      });
      const [upstream] = named(all, 'GET /v1/enrollments');
      expect(upstream!.kind).toBe(SpanKind.CLIENT);
      expect(upstream!.attributes).toEqual({
        'http.request.method': 'GET',
        'http.route': '/v1/enrollments',
        'http.request.resend_count': 0,
        'http.response.status_code': 200,
        'server.address': '127.0.0.1',
        'server.port': expect.any(Number),
        'flip.upstream': 'utility',
      });
      // The same answer (and calls) as without tracing: one upstream call, its span's.
      expect(svc.sim.journal.calls()).toEqual([
        { method: 'GET', route: '/v1/enrollments', query: { program_id: programId } },
      ]);
    },
  );

  it('puts a DataLoader batch, with its key count, between the resolver and its upstream call', async () => {
    const { svc, programId, headers, spans } = await startTraced();
    const res = await svc.gql(TELEMETRY, { programId }, headers);
    expect(res.body.errors).toBeUndefined();
    const all = spans();
    expect(treeOf(all, rootsOf(all)[0]!)).toEqual({
      name: 'query FirstDevices',
      children: [
        { name: 'Program.enrollments', children: [{ name: 'GET /v1/enrollments' }] },
        {
          name: 'Device.latestTelemetry',
          children: [
            { name: 'dataloader latestTelemetry', children: [{ name: 'POST /v1/telemetry/latest' }] },
          ],
        },
      ],
    });
    const deviceCount = svc.sim.journal.calls().find((c) => c.route === '/v1/telemetry/latest')!.body as {
      device_ids: string[];
    };
    expect(named(all, 'dataloader latestTelemetry')[0]!.attributes).toEqual({
      'flip.dataloader.name': 'latestTelemetry',
      'flip.dataloader.keys': deviceCount.device_ids.length,
    });
  });

  it('runs each queued batch under the resolver that asked for it, not the batch before it', async () => {
    const { svc, programId, headers, spans } = await startTraced();
    const [enrollment] = svc.sim.state.enrollments(programId) as { id: string; devices: { id: string }[] }[];
    const res = await svc.gql(
      /* GraphQL */ `
        query Both($enrollmentId: ID!, $deviceId: ID!) {
          enrollment(id: $enrollmentId) {
            id
          }
          device(id: $deviceId) {
            id
          }
        }
      `,
      { enrollmentId: enrollment!.id, deviceId: enrollment!.devices[0]!.id },
      headers,
    );
    expect(res.body.errors).toBeUndefined();
    const all = spans();
    const parentName = (name: string) => all.find((p) => idOf(p) === parentOf(named(all, name)[0]!))?.name;
    expect([parentName('dataloader enrollment'), parentName('dataloader device')]).toEqual([
      'Query.enrollment',
      'Query.device',
    ]);
  });

  it('gives a resolver without I/O a span past TRACE_SLOW_RESOLVER_MS, one per field and operation', async () => {
    const { svc, programId, headers, spans } = await startTraced({ env: { TRACE_SLOW_RESOLVER_MS: '0' } });
    await svc.gql(ProgramDashboardDocument, { programId }, headers);
    const all = spans();
    // 50 rows, each with a site and its groups: one span each for Enrollment.site and Enrollment.groups.
    expect(named(all, 'Enrollment.site')).toHaveLength(1);
    expect(named(all, 'Enrollment.groups')).toHaveLength(1);
    expect(named(all, 'Enrollment.groups')[0]!.attributes).toMatchObject({
      'flip.resolver.slow': true,
      'graphql.field.path': expect.stringMatching(/^program\.enrollments\.nodes\.\d+\.groups$/),
    });
    // Scalar fields never get one.
    expect(all.filter((s) => /^(Enrollment\.id|Site\.city|FleetStats\.siteCount)$/.test(s.name))).toEqual([]);
  });

  it("continues the caller's traceparent and sends each upstream attempt its own to Flip", async () => {
    const { svc, programId, headers, spans } = await startTraced();
    await svc.gql(
      ProgramDashboardDocument,
      { programId },
      {
        ...headers,
        traceparent: `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`,
      },
    );
    const all = spans();
    const [root] = rootsOf(all);
    expect(root!.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(parentOf(root!)).toBe(CALLER_SPAN_ID);
    const clientSpans = all.filter((s) => s.kind === SpanKind.CLIENT);
    expect(svc.sim.journal.entries().map((e) => e.headers.traceparent)).toEqual(
      clientSpans.map((s) => `00-${CALLER_TRACE_ID}-${idOf(s)}-01`),
    );
  });

  it('records nothing for a caller that does not sample, and passes its trace on unsampled', async () => {
    const { svc, programId, headers, spans } = await startTraced();
    await svc.gql(
      ProgramDashboardDocument,
      { programId },
      {
        ...headers,
        traceparent: `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-00`,
      },
    );
    expect(spans()).toEqual([]);
    expect(svc.sim.journal.entries().map((e) => e.headers.traceparent)).toEqual([
      expect.stringMatching(new RegExp(`^00-${CALLER_TRACE_ID}-[0-9a-f]{16}-00$`)),
    ]);
  });

  it("starts a new trace when the caller's traceparent is malformed", async () => {
    const { svc, programId, headers, spans } = await startTraced();
    await svc.gql(ProgramDashboardDocument, { programId }, { ...headers, traceparent: 'not-a-traceparent' });
    const [root] = rootsOf(spans());
    expect(parentOf(root!)).toBeUndefined();
    expect(root!.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps each operation's upstream calls in its own trace while they queue for one connection", async () => {
    const { svc, headers, spans } = await startTraced({ env: { FLIP_MAX_CONNECTIONS: '1' } });
    // One program each, so no two operations share (coalesce) an upstream read.
    const traceIds = svc.sim.programs.map((_, i) => String(i + 1).repeat(32));
    await Promise.all(
      svc.sim.programs.map((program, i) =>
        svc.gql(
          TELEMETRY,
          { programId: program.id },
          { ...headers, traceparent: `00-${traceIds[i]}-${CALLER_SPAN_ID}-01` },
        ),
      ),
    );
    const all = spans();
    const byId = new Map(all.map((s) => [idOf(s), s]));
    const operationOf = (s: ReadableSpan): ReadableSpan => {
      const parent = byId.get(parentOf(s) ?? '');
      return parent ? operationOf(parent) : s;
    };
    const clientSpans = all.filter((s) => s.kind === SpanKind.CLIENT);
    expect(clientSpans).toHaveLength(traceIds.length * 2);
    for (const span of clientSpans) {
      expect(operationOf(span).spanContext().traceId).toBe(span.spanContext().traceId);
    }
    // What Flip was told: each trace twice (enrollments, then the latest telemetry), with the
    // span ids of the spans that sent them.
    const sent = svc.sim.journal.entries().map((e) => e.headers.traceparent!);
    expect(sent.map((t) => t.split('-')[1]).sort()).toEqual(traceIds.flatMap((id) => [id, id]).sort());
    expect(sent.map((t) => t.split('-')[2]).sort()).toEqual(clientSpans.map(idOf).sort());
  });

  it("writes the operation's traceId and spanId on its log line", async () => {
    const { svc, programId, headers, spans } = await startTraced();
    await svc.gql(ProgramDashboardDocument, { programId }, headers);
    const [root] = rootsOf(spans());
    const line = svc.logs.find((l) => l.msg === 'graphql operation');
    expect(line).toMatchObject({ traceId: root!.spanContext().traceId, spanId: idOf(root!) });
  });

  it('sends no traceparent and writes no trace ids when tracing is off', async () => {
    const svc = await startService();
    await svc.gql(ProgramDashboardDocument, { programId: svc.sim.programs[0]!.id });
    expect(svc.sim.journal.entries().map((e) => e.headers)).toEqual([{ 'x-request-id': expect.any(String) }]);
    expect(svc.logs.find((l) => l.msg === 'graphql operation')).not.toHaveProperty('traceId');
  });
});

describe('errors on spans', () => {
  it('records an upstream failure with its GraphQL code on the resolver, each attempt and the operation, and no secret', async () => {
    const { svc, programId, headers, spans } = await startTraced({
      env: { FLIP_RETRY_BASE_DELAY_MS: '0' },
    });
    svc.sim.faults.add({ method: 'GET', route: '/v1/enrollments', kind: 'status', status: 503 });
    const res = await svc.gql(ProgramDashboardDocument, { programId }, headers);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');
    const all = spans();
    const attempts = named(all, 'GET /v1/enrollments');
    expect(
      attempts.map((s) => [s.attributes['http.request.resend_count'], s.attributes['error.type']]),
    ).toEqual([
      [0, '503'],
      [1, '503'],
      [2, '503'],
    ]);
    expect(attempts.every((s) => s.status.code === SpanStatusCode.ERROR)).toBe(true);
    const [resolver] = named(all, 'Program.stats');
    expect(resolver!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'UPSTREAM_UNAVAILABLE' });
    expect(resolver!.attributes['graphql.error.code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(resolver!.events.map((e) => [e.name, e.attributes?.['exception.type']])).toEqual([
      ['exception', 'UPSTREAM_UNAVAILABLE'],
    ]);
    const [root] = rootsOf(all);
    expect(root!.attributes['graphql.error.codes']).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(root!.status.code).toBe(SpanStatusCode.ERROR);
    const text = JSON.stringify(all.map((s) => [s.name, s.attributes, s.events, s.status]));
    for (const secret of [svc.sim.utilityApiKey, OPERATOR_KEY, 'Bearer', programId]) {
      expect(text).not.toContain(secret);
    }
  });

  it('records an error of a resolver without I/O on the operation span, by code and path', async () => {
    const { svc, programId, headers, spans } = await startTraced();
    const res = await svc.gql(
      /* GraphQL */ `
        query Big($programId: ID!) {
          program(id: $programId) {
            enrollments(first: 10, after: "not-a-cursor") {
              totalCount
            }
          }
        }
      `,
      { programId },
      headers,
    );
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const all = spans();
    expect(all.map((s) => s.name)).toEqual(['query Big']);
    expect(all[0]!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'BAD_USER_INPUT' });
    expect(all[0]!.events.map((e) => [e.name, e.attributes])).toEqual([
      [
        'exception',
        {
          'exception.type': 'BAD_USER_INPUT',
          'exception.message': '`after` is not a cursor of this list',
          'graphql.error.path': 'program.enrollments',
        },
      ],
    ]);
  });
});
