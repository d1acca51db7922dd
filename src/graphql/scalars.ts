import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ServiceError } from '../errors.js';
import { parseDateTimeInput } from './date-time.js';

export { isCalendarDate } from './date-time.js';

const INVALID =
  'DateTime must be a real RFC 3339 date-time with an offset, e.g. 2024-05-01T17:00:00Z (or a date alone where a field says so)';

/**
 * A scalar only sees its value: the input path is added where it is known (input-checks.ts
 * checks variables before execution; server/input-checks.ts names a literal's path).
 */
function parse(value: unknown): Date {
  const date = typeof value === 'string' ? parseDateTimeInput(value) : null;
  if (date) return date;
  throw new ServiceError('BAD_USER_INPUT', INVALID);
}

/**
 * An instant. Outputs are ISO-8601 in UTC with milliseconds (`Date.toISOString()`); inputs are
 * RFC 3339 date-times with an explicit offset (`Z` or `±hh:mm`), as Flip writes them, read by the
 * strict parser of date-time.ts: an impossible date is refused, never moved to another instant.
 * Our own scalar rather than graphql-scalars' so the accepted and printed forms are exactly these.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant as an ISO-8601 date-time. Outputs are UTC (2024-05-01T17:00:00.000Z); inputs need an offset (Z or ±hh:mm), or are a date alone (2022-02-22, its midnight UTC) where a field says so.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string') return parse(value).toISOString();
    throw new GraphQLError('DateTime cannot represent a non-date value');
  },
  parseValue: parse,
  parseLiteral(ast) {
    const date = ast.kind === Kind.STRING ? parseDateTimeInput(ast.value) : null;
    if (date) return date;
    // With its node, so that the server can name the argument path of the literal.
    throw new GraphQLError(INVALID, { nodes: [ast], extensions: { code: 'BAD_USER_INPUT' } });
  },
});
