/**
 * One subscriber's bounded queue, read as an AsyncIterator (what a GraphQL subscription returns).
 * A consumer that falls `cap` messages behind is too slow: the queue ends and `onOverflow` runs
 * (the transport closes the connection with a close code), so memory never grows without bound.
 */
export interface SubscriberQueue<T> extends AsyncIterableIterator<T> {
  /** False once the queue has ended (overflow, return() or end()). */
  push(item: T): boolean;
  end(): void;
}

export function createSubscriberQueue<T>(options: {
  cap: number;
  onOverflow?: () => void;
  /** Runs once when the queue ends, whatever the reason (unsubscribe from the hub). */
  onEnd?: () => void;
}): SubscriberQueue<T> {
  const items: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let isDone = false;

  const finish = () => {
    if (isDone) return;
    isDone = true;
    items.length = 0;
    options.onEnd?.();
    const resolve = waiting;
    waiting = undefined;
    resolve?.({ value: undefined, done: true });
  };

  const queue: SubscriberQueue<T> = {
    push(item) {
      if (isDone) return false;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: item, done: false });
        return true;
      }
      if (items.length >= options.cap) {
        finish();
        options.onOverflow?.();
        return false;
      }
      items.push(item);
      return true;
    },
    end: finish,
    next() {
      if (items.length > 0) return Promise.resolve({ value: items.shift() as T, done: false });
      if (isDone) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      finish();
      return Promise.reject(error instanceof Error ? error : new Error('subscription ended'));
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
