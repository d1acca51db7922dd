import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ProgramDashboardDocument } from '../../schema/client/graphql.js';
import { startService } from '../support/start.js';

/**
 * The default sampling of the OTLP path (no OTEL_TRACES_SAMPLER): parentbased_traceidratio. With
 * the ratio at 0 (OTEL_TRACES_SAMPLER_ARG) a root operation is never sampled, while one whose
 * caller sent a sampled `traceparent` always is. The SDK registers process-wide globals: this
 * file runs in a worker of its own.
 */

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

async function startCollector(): Promise<{ url: string; bodies: Buffer[] }> {
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

describe('the default sampling (parentbased_traceidratio)', () => {
  it('follows a sampled caller, and samples root operations at OTEL_TRACES_SAMPLER_ARG', async () => {
    const collector = await startCollector();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_SAMPLER_ARG: '0' };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.stubEnv('OTEL_TRACES_SAMPLER', undefined);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const svc = await startService({ env, autoClose: false });
    const variables = { programId: svc.sim.programs[0]!.id };
    const root = await svc.gql(ProgramDashboardDocument, variables);
    const followed = await svc.gql(ProgramDashboardDocument, variables, {
      traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
    });
    expect([root.body.errors, followed.body.errors]).toEqual([undefined, undefined]);
    await svc.close();

    // Flip is told the decision: not sampled for the root operation, sampled in the caller's trace.
    expect(svc.sim.journal.entries().map((e) => e.headers.traceparent)).toEqual([
      expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
      expect.stringMatching(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`)),
    ]);
    // Only the followed operation was exported (OTLP protobuf keeps the trace id as raw bytes).
    const exported = Buffer.concat(collector.bodies);
    expect(exported.includes(Buffer.from(TRACE_ID, 'hex'))).toBe(true);
    expect(exported.toString('latin1').split('query ProgramDashboard').length - 1).toBe(1);
  });
});
