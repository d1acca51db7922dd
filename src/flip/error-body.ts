import type { z } from 'zod';
import { WireCommissionMissing, WireErrorBody } from './wire.js';

/**
 * Reads Flip's error bodies (REFERENCE.md 1.2 and the Cloud API's FastAPI / commission shapes)
 * into field paths and a short text for people. The raw body never leaves this file: only
 * Flip's validation messages, trimmed, capped, with e-mail addresses masked.
 */

export interface ErrorBodyInfo {
  /** `target_ids[3]`, `actions[0].mode`, `site.zip_code`: upstream (snake_case) names. */
  fieldPaths: string[];
  /** Flip's messages joined with `; `, or '' when it said nothing usable. */
  text: string;
}

const MAX_MESSAGES = 5;
const MAX_MESSAGE_CHARS = 200;
const LOCATION_PREFIXES = new Set(['body', 'query', 'path']);

export function readErrorBody(raw: string): ErrorBodyInfo {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { fieldPaths: [], text: '' };
  }
  const missing = WireCommissionMissing.safeParse(json);
  if (missing.success) return fromCommissionMissing(missing.data);
  const body = WireErrorBody.safeParse(json);
  return body.success ? fromErrorBody(body.data) : { fieldPaths: [], text: '' };
}

function fromErrorBody(body: WireErrorBody): ErrorBodyInfo {
  const items = [
    ...(body.detail ?? []).map((d) => ({ path: d.loc ? fieldPath(d.loc) : '', message: d.msg ?? '' })),
    ...(body.errors ?? []).map((e) => ({
      path: e.path ? normalizePath(e.path) : '',
      message: e.message ?? '',
    })),
  ];
  const messages = items.map((i) => (i.message && i.path ? `${i.path}: ${i.message}` : i.message));
  return {
    fieldPaths: unique(items.map((i) => i.path)),
    text: joinMessages([...messages, body.message ?? '']),
  };
}

/** REFERENCE.md 2.2: the aggregator-style 422 naming what commissioning still needs. */
function fromCommissionMissing({ enrollment: e }: z.infer<typeof WireCommissionMissing>): ErrorBodyInfo {
  const site = (e.missing_site_attributes ?? []).map((a) => `site.${a}`);
  const attributes = (e.missing_program_specific_attributes ?? []).map(
    (a) => `enrollment.program_specific_attributes.${a.name}`,
  );
  const terms = [
    ...(e.missing_has_agreed_to_terms_and_conditions
      ? ['enrollment.has_agreed_to_terms_and_conditions']
      : []),
    ...(e.missing_terms_and_conditions_version || e.incorrect_terms_and_conditions_version
      ? ['enrollment.terms_and_conditions_version']
      : []),
  ];
  const fieldPaths = unique([...site, ...attributes, ...terms]);
  return { fieldPaths, text: fieldPaths.length > 0 ? `missing or invalid ${fieldPaths.join(', ')}` : '' };
}

function joinMessages(messages: string[]): string {
  return unique(messages.map(clean)).slice(0, MAX_MESSAGES).join('; ');
}

function clean(text: string): string {
  const flat = text
    // eslint-disable-next-line no-control-regex -- control characters from upstream text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[^\s@;:,]+@[^\s@;:,]+\.[^\s@;:,]+/g, '<email>')
    .trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS)}…` : flat;
}

/** FastAPI `loc` -> `target_ids[3]`: drops the leading body/query/path, indexes in brackets. */
function fieldPath(loc: (string | number)[]): string {
  const parts = loc.length > 1 && LOCATION_PREFIXES.has(String(loc[0])) ? loc.slice(1) : loc;
  return parts.reduce<string>((acc, part) => {
    if (typeof part === 'number' || /^\d+$/.test(part)) return `${acc}[${part}]`;
    return acc === '' ? part : `${acc}.${part}`;
  }, '');
}

/** `errors[].path` in any of `target_ids[3]`, `target_ids.3`, `/target_ids/3`, `body.target_ids[3]`. */
function normalizePath(path: string): string {
  return fieldPath(
    path
      .replace(/\[(\d+)\]/g, '.$1')
      .split(/[./]/)
      .filter((s) => s !== ''),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
