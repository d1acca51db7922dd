import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 date-time: a date, a time and an explicit offset (Z or ±hh:mm); fractions optional.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value === 'string' && RFC3339.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError('DateTime must be an ISO-8601 date-time with an offset, e.g. 2024-05-01T17:00:00Z', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * An instant. Outputs are ISO-8601 in UTC with milliseconds (`Date.toISOString()`); inputs are
 * ISO-8601 / RFC 3339 date-times with an explicit offset (`Z` or `±hh:mm`), as Flip writes them.
 * Our own scalar rather than graphql-scalars' so the accepted and printed forms are exactly these.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant as an ISO-8601 date-time. Outputs are UTC (2024-05-01T17:00:00.000Z); inputs need an offset (Z or ±hh:mm).',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string') return parse(value).toISOString();
    throw new GraphQLError('DateTime cannot represent a non-date value');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string', {
        nodes: [ast],
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
