import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 date-time: a date, a time and an explicit offset (Z or ±hh:mm); fractions optional.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// A calendar date alone, as Flip's own commissioning example sends install dates ("2022-02-22").
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Instants parsed from a calendar date alone (midnight UTC); see isCalendarDate. */
const calendarDates = new WeakSet<Date>();

/**
 * True when the input said only a calendar date (`2022-02-22`, read as its midnight UTC). A field
 * that needs an instant (an action's start) refuses it; an install date takes it as it is.
 */
export function isCalendarDate(date: Date): boolean {
  return calendarDates.has(date);
}

function parseCalendarDate(value: string): Date | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // No Feb 30: the date must come back as written.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  calendarDates.add(date);
  return date;
}

function parse(value: unknown): Date {
  if (typeof value === 'string' && RFC3339.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  const calendar = typeof value === 'string' ? parseCalendarDate(value) : null;
  if (calendar) return calendar;
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
    'An instant as an ISO-8601 date-time. Outputs are UTC (2024-05-01T17:00:00.000Z); inputs need an offset (Z or ±hh:mm), or are a date alone (2022-02-22, its midnight UTC) where a field says so.',
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
