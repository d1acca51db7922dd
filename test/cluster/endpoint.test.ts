import { describe, expect, it } from 'vitest';
import { createEndpoint, type Endpoint } from '../../src/cluster/endpoint.js';
import { ServiceError } from '../../src/errors.js';

/**
 * The IPC calls between a worker and the primary, over an in-memory channel (structuredClone, as
 * node:cluster's advanced serialization): what a worker gets when the primary answers, refuses,
 * is silent or is gone. The process tree itself is tested in workers.test.ts.
 */
function pair(options: { timeoutMs?: number } = {}): { worker: Endpoint; primary: Endpoint; cut(): void } {
  let isCut = false;
  const link = (to: () => Endpoint) => async (message: unknown) => {
    if (isCut) throw new Error('channel closed');
    const copy = structuredClone(message);
    setImmediate(() => to().receive(copy));
  };
  const worker: Endpoint = createEndpoint({ name: 'shared state', send: link(() => primary), ...options });
  const primary: Endpoint = createEndpoint({ name: 'worker 1', send: link(() => worker), ...options });
  return { worker, primary, cut: () => (isCut = true) };
}

describe('IPC endpoint', () => {
  it("resolves with the other side's answer, and keeps a ServiceError's code and extensions", async () => {
    const { worker, primary } = pair();
    primary.handle('echo', (payload) => ({ got: payload, at: new Date(0) }));
    primary.handle('full', () => {
      throw new ServiceError('RATE_LIMITED', 'The idempotency store is full', { retryAfterS: 7 });
    });
    expect(await worker.call('echo', { key: 'k' })).toEqual({ got: { key: 'k' }, at: new Date(0) });
    const refused = await worker.call('full').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).extensions).toEqual({ code: 'RATE_LIMITED', retryAfterS: 7 });
    expect((refused as ServiceError).message).toBe('The idempotency store is full');
  });

  it('refuses with UPSTREAM_UNAVAILABLE when the primary does not answer in time', async () => {
    const { worker, primary } = pair({ timeoutMs: 50 });
    primary.handle('kv', () => new Promise(() => undefined));
    const error = await worker.call('kv', { method: 'setIfAbsent' }).catch((e: unknown) => e);
    expect((error as ServiceError).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as ServiceError).message).toMatch(/nothing was sent to Flip/);
  });

  it('refuses pending and later calls with UPSTREAM_UNAVAILABLE once the channel is gone', async () => {
    const { worker, primary, cut } = pair({ timeoutMs: 60_000 });
    primary.handle('kv', () => new Promise(() => undefined));
    const pending = worker.call('kv').catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    cut();
    worker.close();
    expect(((await pending) as ServiceError).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const later = await worker.call('kv').catch((e: unknown) => e);
    expect((later as ServiceError).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('refuses at once when a message cannot be sent', async () => {
    const { worker, cut } = pair({ timeoutMs: 60_000 });
    cut();
    const error = await worker.call('kv').catch((e: unknown) => e);
    expect((error as ServiceError).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
