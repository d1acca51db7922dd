import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/errors.js';
import { createFormatError, rememberRequestId } from '../../src/server/format-error.js';
import { createLogger } from '../../src/server/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      );
      done();
    },
  });
  return { lines, formatError: createFormatError(createLogger({ level: 'info', destination })) };
}

/** What graphql-js hands Apollo for an error thrown in a resolver. */
function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['programs', 0, 'stats'], originalError: original });
}

describe('formatError', () => {
  it('answers a bug as INTERNAL_SERVER_ERROR with the request id, and logs it once with the id', async () => {
    const { lines, formatError } = capture();
    const bug = resolverError(
      new TypeError("Cannot read properties of undefined (reading 'apiKey=sk_live_123')"),
    );
    rememberRequestId([bug], 'req-bug-1');
    const formatted = formatError({ message: bug.message, path: bug.path, extensions: {} }, bug);
    expect(formatted).toEqual({
      message: 'Internal server error. Quote request id req-bug-1 to support.',
      path: ['programs', 0, 'stats'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-bug-1' },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, requestId: 'req-bug-1', path: ['programs', 0, 'stats'] });
  });

  it('passes a ServiceError through with its code and allowed details only', () => {
    const { formatError } = capture();
    const error = new ServiceError('RATE_LIMITED', 'Flip is rate limiting; retry in 3 s.', {
      retryAfterS: 3,
    });
    const formatted = formatError(
      { message: error.message, extensions: { ...error.extensions, upstreamBody: '{"secret":1}' } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Flip is rate limiting; retry in 3 s.',
      extensions: { code: 'RATE_LIMITED', retryAfterS: 3 },
      locations: undefined,
      path: undefined,
    });
  });
});
