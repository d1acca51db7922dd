import { describe, expect, it } from 'vitest';
import { startClientHarness } from '../support/client.js';

const LATENCY_MS = 120;
/** Journal timestamps have millisecond resolution; allow for rounding on both ends. */
const CLOCK_SLACK_MS = 5;

describe('requests in flight per upstream', () => {
  it('never has more than maxInFlight requests at the simulator at once', async () => {
    const h = await startClientHarness({
      http: { maxInFlight: 2, maxConnections: 8, headersTimeoutMs: 2_000 },
    });
    h.sim.faults.add({ route: '/v1/enrollments/{id}', kind: 'latency', latencyMs: LATENCY_MS });
    const ids = (h.sim.state.enrollments(h.programId) as { id: string }[]).slice(0, 6).map((e) => e.id);

    await Promise.all(ids.map((id) => h.clients.utility.getEnrollment(id)));

    // Each request is answered LATENCY_MS after it arrives, so with at most two in flight the
    // third arrival comes no sooner than LATENCY_MS after the first, and so on.
    const arrivals = h.sim.journal
      .entries()
      .map((e) => Date.parse(e.at))
      .sort((a, b) => a - b);
    expect(arrivals).toHaveLength(6);
    const gaps = arrivals.slice(2).map((at, i) => at - arrivals[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(LATENCY_MS - CLOCK_SLACK_MS);
  });

  it('lets requests beyond the bound wait instead of failing', async () => {
    const h = await startClientHarness({ http: { maxInFlight: 1 } });
    const ids = (h.sim.state.enrollments(h.programId) as { id: string }[]).slice(0, 5).map((e) => e.id);

    const records = await Promise.all(ids.map((id) => h.clients.utility.getEnrollment(id)));

    expect(records.map((r) => r.id)).toEqual(ids);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/enrollments/{id}': 5 });
  });
});
