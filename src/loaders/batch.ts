import { context, type Tracer } from '@opentelemetry/api';
import { ioContext } from '../trace-context.js';

/** Receives the size of each DataLoader batch, by loader name (metrics). */
export type BatchObserver = (loader: string, size: number) => void;

type BatchFn<K, V> = (keys: readonly K[]) => Promise<readonly (V | Error)[]>;

/** How the loaders of a request batch. */
export interface BatchOptions {
  /** DataLoader options: the request's batch scheduler when batching, else no batching and no cache. */
  schedule: { batchScheduleFn?: (run: () => void) => void; batch?: boolean; cache?: boolean };
  /** The batch function, reporting each batch's size under the loader's name (and a span with a tracer). */
  observed<K, V>(loader: string, load: BatchFn<K, V>): BatchFn<K, V>;
}

const resolved = Promise.resolve();

/**
 * Runs `fn` once the promise jobs queued so far, and those they queue, are done: a nextTick
 * queued from a promise job runs after the whole job queue drained (DataLoader's own default).
 */
const afterPromiseJobs = (fn: () => void) => void resolved.then(() => process.nextTick(fn));

/**
 * One per request, shared by all its loaders: dispatches their batches one at a time, each once
 * the promise jobs before it (and those the previous batch started) are done. So
 * - every key the operation asks for in one pass of execution shares a batch, nested fields
 *   included (their resolvers run within those jobs);
 * - a by-id lookup sees the program loads that a sibling batch started (lookup.ts): device(id)
 *   beside enrollment(id) loads the programs once, with no by-id call;
 * - no batch waits for other requests' I/O. setImmediate, used before, ran batches after every
 *   ready socket event of the process, so under 10 concurrent requests each batch waited for the
 *   others' work: 12-16 ms of p50 on a by-id query with the cache off (issue 9), 2-5 ms now.
 */
export function createBatchScheduler(isTraced = false): (run: () => void) => void {
  const pending: (() => void)[] = [];
  let isScheduled = false;
  const next = () => {
    const run = pending.shift();
    if (!run) {
      isScheduled = false;
      return;
    }
    run();
    afterPromiseJobs(next);
  };
  return (run) => {
    // Batches run one after another from this queue. Traced, each runs in the context it was
    // scheduled from (the resolver that first asked), not in the previous batch's, so its span
    // and upstream calls sit under the right resolver.
    pending.push(isTraced ? context.bind(ioContext(), run) : run);
    if (isScheduled) return;
    isScheduled = true;
    afterPromiseJobs(next);
  };
}

/**
 * With DISABLE_BATCHING (the benchmark's naive baseline) every key is its own batch and nothing
 * is cached; otherwise batches go through the request's scheduler (createBatchScheduler).
 */
export function batchOptions(
  isBatched: boolean,
  observe: BatchObserver,
  scheduler: (run: () => void) => void,
  tracer?: Tracer,
): BatchOptions {
  return {
    schedule: isBatched ? { batchScheduleFn: scheduler } : { batch: false, cache: false },
    observed: (loader, load) => (keys) => {
      observe(loader, keys.length);
      return tracer ? traced(tracer, loader, keys.length, () => load(keys)) : load(keys);
    },
  };
}

/** One span per batch (loader name, key count) under the resolver that started it. */
function traced<T>(tracer: Tracer, loader: string, keys: number, load: () => Promise<T>): Promise<T> {
  const attributes = { 'flip.dataloader.name': loader, 'flip.dataloader.keys': keys };
  return tracer.startActiveSpan(`dataloader ${loader}`, { attributes }, ioContext(), (span) =>
    load().finally(() => span.end()),
  );
}
