import cluster from 'node:cluster';
import { createEndpoint } from './endpoint.js';
import type { ClusterWorker, WorkerSetup } from './types.js';
import { createWorkerShared } from './worker-shared.js';

/**
 * In a cluster worker: the IPC link to the primary, and its setup (its simulator, if any). When
 * the channel closes (the primary is gone), every pending and later call rejects with
 * UPSTREAM_UNAVAILABLE; `onDisconnect` lets main.ts drain and exit.
 */
export async function connectToPrimary(options: { onDisconnect?: () => void } = {}): Promise<ClusterWorker> {
  const endpoint = createEndpoint({
    name: 'shared state',
    send: (message) =>
      new Promise<void>((resolve, reject) => {
        if (!process.connected || !process.send) return reject(new Error('IPC channel closed'));
        process.send(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
      }),
  });
  process.on('message', (message: unknown) => endpoint.receive(message));
  process.once('disconnect', () => {
    endpoint.close();
    options.onDisconnect?.();
  });
  const setup = await endpoint.call<WorkerSetup>('hello');
  return {
    id: cluster.worker?.id ?? 0,
    shared: createWorkerShared(endpoint),
    setup,
    serveMetrics: (source) => endpoint.handle('metrics-json', source),
    metrics: () => endpoint.call('metrics'),
  };
}
