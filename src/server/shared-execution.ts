import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-js's `subscribe`, except that an event's payload is executed once per distinct
 * subscription (`keyOf`: the document text, operation, variables and role) and the result shared
 * by every subscriber that receives the same payload object: the live hub hands one record per
 * message to all of a topic's subscribers, so 1,000 dashboards following a program cost one
 * execution per change, not 1,000. Results are kept only until the event loop turns (the
 * subscribers served from one delivery read it in the same turn); a later reader executes again.
 * Without a key (unknown caller) it is graphql-js's subscribe.
 */
export function createSharedSubscribe(keyOf: (args: ExecutionArgs) => string | undefined) {
  let byPayload = new WeakMap<object, Map<string, Result>>();
  let isClearing = false;
  const clearSoon = () => {
    if (isClearing) return;
    isClearing = true;
    setImmediate(() => {
      byPayload = new WeakMap();
      isClearing = false;
    });
  };

  return async function subscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    const key = keyOf(args);
    const run = (payload: unknown): Result => execute({ ...args, rootValue: payload });
    return mapAsyncIterator(stream, (payload) => {
      if (key === undefined || typeof payload !== 'object' || payload === null) return run(payload);
      let results = byPayload.get(payload);
      if (!results) {
        results = new Map();
        byPayload.set(payload, results);
        clearSoon();
      }
      let result = results.get(key);
      if (!result) {
        result = run(payload);
        results.set(key, result);
      }
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Each value of `source` mapped by `map`; return() and throw() reach the source. */
function mapAsyncIterator<T, U>(
  source: AsyncIterable<T>,
  map: (value: T) => U | Promise<U>,
): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const done = async (): Promise<IteratorResult<U>> => {
    await iterator.return?.();
    return { value: undefined, done: true };
  };
  const mapped: AsyncIterableIterator<U> = {
    async next() {
      const result = await iterator.next();
      if (result.done) return { value: undefined, done: true };
      try {
        return { value: await map(result.value), done: false };
      } catch (error) {
        await iterator.return?.().catch(() => undefined);
        throw error;
      }
    },
    return: done,
    async throw(error?: unknown) {
      if (iterator.throw) {
        const result = await iterator.throw(error);
        return result.done
          ? { value: undefined, done: true }
          : { value: await map(result.value), done: false };
      }
      await done();
      throw error;
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}
