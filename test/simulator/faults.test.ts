import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { control, oauthToken, startTestSim, utility } from '../support/sim.js';

describe('simulator fault injection', () => {
  let sim: Simulator;
  let programId: string;

  beforeEach(async () => {
    sim = await startTestSim();
    programId = (sim.programs[0] as { id: string }).id;
  });
  afterEach(() => sim.close());

  const events = () => utility(sim, 'GET', '/v1/events');
  const post = (name: string) =>
    utility(sim, 'POST', `/v1/programs/${programId}/groups`, { body: { id: name, name } });
  const groupIds = () => sim.state.groups(programId).map((g) => g.id);

  it('latency: delays the answer, then answers normally', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: 150 });
    const started = performance.now();
    const r = await events();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
  });

  it('status: answers 503 with Retry-After and the error body', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'status', status: 503, retryAfterS: 7 });
    const r = await events();
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.json).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'simulated 503', status_code: 503 });
  });

  it('status: answers 429 with Retry-After, and 500 without one', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'status', status: 429, retryAfterS: 2, times: 1 });
    sim.faults.add({ route: '/v1/events', kind: 'status', status: 500, retryAfterS: 2, times: 1 });
    const limited = await events();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.json).toMatchObject({ code: 'TOO_MANY_REQUESTS', status_code: 429 });
    const failed = await events();
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
  });

  it('times: applies to that many matching calls, then the route recovers', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'status', status: 502, times: 2 });
    expect((await events()).status).toBe(502);
    expect(sim.faults.list()).toEqual([{ route: '/v1/events', kind: 'status', status: 502, times: 1 }]);
    expect((await events()).status).toBe(502);
    expect((await events()).status).toBe(200);
    expect(sim.faults.list()).toEqual([]);
  });

  it('matches a route template, a concrete path, a method and `*`', async () => {
    const [a, b] = sim.state.enrollments(programId) as { id: string }[];
    sim.faults.add({ route: `/v1/enrollments/${a?.id}`, kind: 'status', status: 500 });
    expect((await utility(sim, 'GET', `/v1/enrollments/${a?.id}`)).status).toBe(500);
    expect((await utility(sim, 'GET', `/v1/enrollments/${b?.id}`)).status).toBe(200);
    sim.faults.clear();
    sim.faults.add({ method: 'PATCH', route: '/v1/enrollments/{id}', kind: 'status', status: 503 });
    expect((await utility(sim, 'GET', `/v1/enrollments/${b?.id}`)).status).toBe(200);
    expect((await utility(sim, 'PATCH', `/v1/enrollments/${b?.id}`, { body: {} })).status).toBe(503);
    sim.faults.clear();
    sim.faults.add({ route: '*', kind: 'status', status: 504 });
    expect((await events()).status).toBe(504);
    expect((await oauthToken(sim)).status).toBe(200);
  });

  it('matches on query parameters when the rule names them', async () => {
    const other = (sim.programs[1] as { id: string }).id;
    sim.faults.add({
      route: '/v1/enrollments',
      query: { program_id: programId },
      kind: 'status',
      status: 500,
    });
    const list = (id: string) => utility(sim, 'GET', `/v1/enrollments?program_id=${encodeURIComponent(id)}`);
    expect((await list(programId)).status).toBe(500);
    expect((await list(other)).status).toBe(200);
    expect(() => sim.faults.add({ route: '*', kind: 'hang', query: { a: 1 } as never })).toThrow(/query/);
  });

  it('faults the OAuth token endpoint only when a rule names it', async () => {
    sim.faults.add({ route: '/oauth/token', kind: 'status', status: 503, times: 1 });
    expect((await oauthToken(sim)).status).toBe(503);
    expect((await oauthToken(sim)).status).toBe(200);
  });

  it('hang: never answers; the client gives up on its own timeout', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'hang' });
    await expect(utility(sim, 'GET', '/v1/events', { timeoutMs: 200 })).rejects.toThrow(/abort|timeout/i);
    expect(sim.journal.entries().map((e) => [e.route, e.status])).toEqual([['/v1/events', 0]]);
  });

  it('hang: close() destroys the hung socket instead of waiting for it', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'hang' });
    const pending = utility(sim, 'GET', '/v1/events').catch((e: unknown) => e);
    await vi.waitFor(() => expect(sim.journal.entries()).toHaveLength(1));
    await sim.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('reset: resets the connection (ECONNRESET) without an answer', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'reset', times: 1 });
    const failure = await events().catch((e: unknown) => e);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
    expect(sim.journal.entries().map((e) => e.status)).toEqual([0]);
    expect((await events()).status).toBe(200);
  });

  it('malformed: answers 200 with a body that is not JSON', async () => {
    sim.faults.add({ route: '/v1/events', kind: 'malformed' });
    const res = await fetch(`${sim.utilityUrl}/v1/events`, {
      headers: { authorization: `Bearer ${sim.utilityApiKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('chunked: sends the normal answer in small pieces with pauses', async () => {
    const path = `/v1/enrollments?program_id=${encodeURIComponent(programId)}`;
    const whole = await utility(sim, 'GET', path);
    sim.faults.add({ route: '/v1/enrollments', kind: 'chunked', chunkBytes: 4096, pauseMs: 1, times: 1 });
    const pieces: Buffer[] = [];
    const res = await fetch(`${sim.utilityUrl}${path}`, {
      headers: { authorization: `Bearer ${sim.utilityApiKey}` },
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(Buffer.from(r.value));
    expect(JSON.parse(Buffer.concat(pieces).toString('utf8'))).toEqual(whole.json);
    // Received reads may join pieces, never all of them: the body took many pauses to send.
    expect(pieces.length).toBeGreaterThan(1);
    expect(sim.journal.entries().map((e) => e.status)).toEqual([200, 200]);
    expect(sim.faults.list()).toEqual([]);
  });

  it('chunked: refuses a piece size below one byte', () => {
    expect(() => sim.faults.add({ route: '*', kind: 'chunked', chunkBytes: 0 })).toThrow(/chunkBytes/);
    expect(() => sim.faults.add({ route: '*', kind: 'chunked', pauseMs: -1 })).toThrow(/pauseMs/);
  });

  it('does not apply the write by default when a fault answers', async () => {
    sim.faults.add({ method: 'POST', route: '/v1/programs/{programId}/groups', kind: 'status', status: 503 });
    expect((await post('lost-before')).status).toBe(503);
    expect(groupIds()).not.toContain('lost-before');
  });

  it('applyFirst: applies the write, then answers with the fault', async () => {
    const route = '/v1/programs/{programId}/groups';
    sim.faults.add({ route, kind: 'status', status: 503, applyFirst: true, times: 1 });
    expect((await post('applied-503')).status).toBe(503);
    sim.faults.add({ route, kind: 'hang', applyFirst: true, times: 1 });
    await expect(
      utility(sim, 'POST', `/v1/programs/${programId}/groups`, {
        body: { id: 'applied-hang', name: 'x' },
        timeoutMs: 200,
      }),
    ).rejects.toThrow();
    sim.faults.add({ route, kind: 'reset', applyFirst: true, times: 1 });
    await expect(post('applied-reset')).rejects.toThrow();
    sim.faults.add({ route, kind: 'malformed', applyFirst: true, times: 1 });
    await expect(post('applied-malformed')).rejects.toThrow(SyntaxError);
    expect(groupIds()).toEqual(
      expect.arrayContaining(['applied-503', 'applied-hang', 'applied-reset', 'applied-malformed']),
    );
    // The retry of a write that was applied meets the state it left: 409.
    expect((await post('applied-503')).status).toBe(409);
  });

  it('adds latency to every call with the latencyMs option', async () => {
    const slow = await startTestSim({ latencyMs: 120, sites: 10 });
    try {
      const started = performance.now();
      expect((await utility(slow, 'GET', '/v1/events')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });

  it('starts with the faults option and rejects an invalid rule', async () => {
    const faulty = await startTestSim({
      sites: 10,
      faults: [{ route: '*', kind: 'status', status: 503, times: 1 }],
    });
    try {
      expect((await utility(faulty, 'GET', '/v1/events')).status).toBe(503);
      expect((await utility(faulty, 'GET', '/v1/events')).status).toBe(200);
    } finally {
      await faulty.close();
    }
    expect(() => sim.faults.add({ route: '*', kind: 'status' })).toThrow(/status/);
  });

  it('is controlled over HTTP at /__sim/faults', async () => {
    const added = await control(sim, 'POST', '/faults', {
      body: { route: '/v1/events', kind: 'status', status: 503, retryAfterS: 1 },
    });
    expect(added.status).toBe(200);
    expect((await control(sim, 'GET', '/faults')).json).toEqual([
      { route: '/v1/events', kind: 'status', status: 503, retryAfterS: 1 },
    ]);
    expect((await events()).status).toBe(503);
    const bad = await control(sim, 'POST', '/faults', { body: { route: '/v1/events', kind: 'explode' } });
    expect(bad.status).toBe(400);
    expect((await control(sim, 'DELETE', '/faults')).status).toBe(204);
    expect((await events()).status).toBe(200);
  });
});
