/**
 * WORKERS > 1 (node:cluster): the primary (primary.ts) forks the workers that serve the port and
 * owns what they must share without Redis; a worker (worker.ts) runs the whole app with the
 * primary's store, bus and audit database over IPC (worker-shared.ts, endpoint.ts).
 */
export { runPrimary } from './primary.js';
export { connectToPrimary } from './worker.js';
export { createInvalidationTier, type WorkerShared } from './worker-shared.js';
export type { ClusterWorker, EmbeddedSimulator, WorkerSetup } from './types.js';
