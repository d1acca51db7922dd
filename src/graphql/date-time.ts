/**
 * The strict RFC 3339 date-time reader for everything callers send (the DateTime scalar, telemetry
 * windows, event filters, cursors). `new Date()` silently moves impossible dates
 * (`2030-02-30` becomes March 2nd, `T24:00` the next day): issue 13 section 2 asks for a refusal.
 */

// date "T" time, fraction optional, explicit offset (Z or ±hh:mm). RFC 3339 section 5.6.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const MS_PER_MINUTE = 60_000;

/** Days in a month of the proleptic Gregorian calendar (RFC 3339 appendix C). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The instant an RFC 3339 date-time names, or null when it names none: a date that is not in the
 * calendar (Feb 30, Apr 31, Feb 29 outside leap years), hour 24, second 60 (leap seconds are
 * refused rather than moved), minutes above 59, or an offset beyond ±23:59. Fractions below a
 * millisecond are truncated (a Date holds milliseconds).
 */
export function parseDateTime(text: string): Date | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = offsetOf(m[9], m[10], m[11]);
  if (offsetMinutes === null) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return new Date(date.getTime() - offsetMinutes * MS_PER_MINUTE);
}

/** Minutes east of UTC; null for an hour above 23 or a minute above 59. `Z` is 0. */
function offsetOf(sign: string | undefined, hh: string | undefined, mm: string | undefined): number | null {
  if (sign === undefined) return 0;
  const hours = Number(hh);
  const minutes = Number(mm);
  if (hours > 23 || minutes > 59) return null;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// A calendar date alone, as Flip's own commissioning example sends install dates ("2022-02-22").
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Instants read from a calendar date alone (midnight UTC); see isCalendarDate. */
const calendarDates = new WeakSet<Date>();

/**
 * True when the input said only a calendar date (`2022-02-22`, read as its midnight UTC). A field
 * that needs an instant (an action's start) refuses it; an install date takes it as it is.
 */
export function isCalendarDate(date: Date): boolean {
  return calendarDates.has(date);
}

/** A date alone as its midnight UTC, or null for a date that is not in the calendar. */
function parseCalendarDate(text: string): Date | null {
  const m = CALENDAR_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  calendarDates.add(date);
  return date;
}

/** What the DateTime scalar accepts: a strict RFC 3339 date-time, or a calendar date alone. */
export function parseDateTimeInput(text: string): Date | null {
  return parseDateTime(text) ?? parseCalendarDate(text);
}
