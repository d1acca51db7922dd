import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ProgramDashboardDocument } from '../../schema/client/graphql.js';
import { startService } from '../support/start.js';

/**
 * The production path of issue 16: no tracer provider given, the OTel Node SDK started from the
 * standard variables. It registers process-wide globals, so it has a file (a worker) of its own.
 */

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An OTLP/HTTP collector stand-in: answers 200 and keeps what it was sent. */
async function startCollector(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('tracing configuration', () => {
  it('is on with an OTLP endpoint, off without one or with OTEL_SDK_DISABLED', () => {
    const endpoint = 'http://collector:4318';
    expect(loadConfig({}).tracing).toEqual({
      enabled: false,
      serviceName: 'flip-graphql',
      slowResolverMs: 20,
      sampleRatio: 0.1,
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces` }).tracing.enabled).toBe(
      true,
    );
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SDK_DISABLED: 'true' }).tracing.enabled,
    ).toBe(false);
    expect(loadConfig({ OTEL_SERVICE_NAME: 'grid-api', TRACE_SLOW_RESOLVER_MS: '5' }).tracing).toMatchObject({
      serviceName: 'grid-api',
      slowResolverMs: 5,
    });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
      new ConfigError('invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL'),
    );
  });
});

describe('the default sampling', () => {
  it('is parentbased_traceidratio at 0.1, or at OTEL_TRACES_SAMPLER_ARG; OTEL_TRACES_SAMPLER replaces it', () => {
    expect(loadConfig({}).tracing.sampleRatio).toBe(0.1);
    expect(loadConfig({ OTEL_TRACES_SAMPLER_ARG: '0.25' }).tracing.sampleRatio).toBe(0.25);
    expect(loadConfig({ OTEL_TRACES_SAMPLER_ARG: 'lots' }).tracing.sampleRatio).toBe(0.1);
    expect(loadConfig({ OTEL_TRACES_SAMPLER: 'parentbased_always_on' }).tracing.sampleRatio).toBeNull();
  });
});

describe('OTLP export', () => {
  it('sends the spans to OTEL_EXPORTER_OTLP_ENDPOINT, flushed when the service closes', async () => {
    const collector = await startCollector();
    // As in production, where main.ts hands process.env to loadConfig and the SDK reads it too.
    // Every operation sampled (the default samples one root operation in ten).
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'flip-graphql-under-test',
      OTEL_TRACES_SAMPLER: 'always_on',
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const svc = await startService({ env, autoClose: false });
    const programId = svc.sim.programs[0]!.id;
    const res = await svc.gql(ProgramDashboardDocument, { programId });
    expect(res.body.errors).toBeUndefined();
    await svc.close();

    const traces = collector.received.filter((r) => r.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    expect(traces[0]!.headers['content-type']).toBe('application/x-protobuf');
    // OTLP protobuf keeps strings as UTF-8: the operation, its upstream call and the service.
    const bytes = Buffer.concat(traces.map((t) => t.body)).toString('latin1');
    for (const text of ['query ProgramDashboard', 'GET /v1/enrollments', 'flip-graphql-under-test']) {
      expect(bytes).toContain(text);
    }
    expect(bytes).not.toContain(programId);
    // Flip was told the trace: the one upstream call carried a traceparent.
    expect(svc.sim.journal.entries().map((e) => e.headers.traceparent)).toEqual([
      expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    ]);
  });
});
