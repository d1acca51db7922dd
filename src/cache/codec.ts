/**
 * Records to JSON text and back for the shared (Redis) tier. Records hold Dates, which JSON
 * would turn into strings nobody could tell from other strings: they are written as tagged
 * strings and revived as Dates, so a record read back equals the one written.
 */

/** A string that no Flip value starts with (a control character). */
const DATE_TAG = '\u0001D:';

export function encodeRecords(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // `v` already went through Date#toJSON; the holder still has the Date itself.
    const raw = this[key];
    if (raw instanceof Date) return DATE_TAG + (Number.isNaN(raw.getTime()) ? '' : raw.toISOString());
    return v;
  });
}

export function decodeRecords<R>(text: string): R {
  return JSON.parse(text, (_key, v: unknown) =>
    typeof v === 'string' && v.startsWith(DATE_TAG) ? new Date(v.slice(DATE_TAG.length) || NaN) : v,
  ) as R;
}
