/**
 * "Something may have changed" as an AsyncIterator that coalesces: any number of notifications
 * while the consumer is busy make one, so a burst of webhooks costs one recomputation.
 */
export interface Signal extends AsyncIterableIterator<void> {
  notify(): void;
}

export function createSignal(onEnd: () => void): Signal {
  let isPending = false;
  let isDone = false;
  let waiting: ((result: IteratorResult<void>) => void) | undefined;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    onEnd();
    const resolve = waiting;
    waiting = undefined;
    resolve?.({ value: undefined, done: true });
  };
  const signal: Signal = {
    notify() {
      if (isDone) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: undefined, done: false });
      } else {
        isPending = true;
      }
    },
    next() {
      if (isDone) return Promise.resolve({ value: undefined, done: true });
      if (isPending) {
        isPending = false;
        return Promise.resolve({ value: undefined, done: false });
      }
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => signal,
  };
  return signal;
}
