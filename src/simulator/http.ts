import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { SimApi } from './types.js';

/**
 * The simulator's tiny routing layer over node:http: route templates with `{param}` segments,
 * handlers that return (or throw) plain responses, and Flip's error bodies.
 */

export interface SimRequest {
  api: SimApi;
  method: string;
  /** Concrete path without the API prefix. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON (or form fields for OAuth); undefined when the body was empty. */
  body: unknown;
  /** True when a non-empty body failed to parse as JSON. */
  bodyInvalid: boolean;
  headers: IncomingHttpHeaders;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  /** Pre-serialized JSON (text or UTF-8 bytes), sent as is instead of `body`. */
  json?: string | Buffer;
  headers?: Record<string, string>;
}

export type Handler = (req: SimRequest) => SimResponse;

export interface Route {
  method: string;
  template: string;
  handler: Handler;
}

/** Thrown by handlers for an error answer; the server turns it into the response. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`simulated ${status}`);
  }
}

export interface DetailItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  422: 'VALIDATION_ERROR',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** REFERENCE.md 1.2 error body: `{code, message, status_code, detail?, errors?}`. */
export function errorBody(
  status: number,
  message: string,
  extra: { detail?: DetailItem[]; errors?: { message: string; path: string }[] } = {},
): Record<string, unknown> {
  return { code: CODES[status] ?? `HTTP_${status}`, message, status_code: status, ...extra };
}

export function fail(status: number, message: string): never {
  throw new SimHttpError(status, errorBody(status, message));
}

export function notFound(what: string, id: string): never {
  fail(404, `${what} ${id} not found`);
}

/** 400 with `errors[]`: semantically invalid input (unknown target ids, group ids...). */
export function badRequest(errors: { message: string; path: string }[]): never {
  throw new SimHttpError(400, errorBody(400, errors[0]?.message ?? 'Bad request', { errors }));
}

/**
 * 422 with FastAPI-style `detail[]`: inside the Utility error body, or bare `{detail}` for the
 * Cloud API, which is plain FastAPI (REFERENCE.md 2.1).
 */
export function unprocessable(detail: DetailItem[], api: SimApi = 'utility'): never {
  if (api === 'cloud') throw new SimHttpError(422, { detail });
  throw new SimHttpError(422, errorBody(422, detail[0]?.msg ?? 'Validation error', { detail }));
}

/** Parses a JSON body with a strict wire schema; failures become 422 with `loc: ['body', ...]`. */
export function parseBody<S extends z.ZodType>(req: SimRequest, schema: S): z.output<S> {
  if (req.bodyInvalid)
    unprocessable([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }], req.api);
  if (req.body === undefined)
    unprocessable([{ loc: ['body'], msg: 'Field required', type: 'missing' }], req.api);
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) unprocessable(zodDetail(parsed.error, 'body'), req.api);
  return parsed.data;
}

/** zod issues -> FastAPI `detail[]`; an unrecognized key gets one item at its own path. */
export function zodDetail(error: z.ZodError, root: string): DetailItem[] {
  return error.issues.flatMap((issue) => {
    const loc = [root, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        loc: [...loc, k],
        msg: 'Extra inputs are not permitted',
        type: 'extra_forbidden',
      }));
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ loc, msg: missing ? 'Field required' : issue.message, type: missing ? 'missing' : issue.code }];
  });
}

export function requireQuery(req: SimRequest, name: string): string {
  const v = req.query[name];
  if (v === undefined || v === '')
    unprocessable([{ loc: ['query', name], msg: 'Field required', type: 'missing' }]);
  return v;
}

export function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

export const noContent: SimResponse = { status: 204 };

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a path; `allowed` lists methods when only the method failed. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { match?: RouteMatch; template?: string } {
  const parts = path.split('/');
  let template: string | undefined;
  for (const route of routes) {
    const params = matchTemplate(route.template, parts);
    if (!params) continue;
    template ??= route.template;
    if (route.method === method) return { match: { route, params }, template: route.template };
  }
  return { template };
}

function matchTemplate(template: string, parts: string[]): Record<string, string> | undefined {
  const tparts = template.split('/');
  if (tparts.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < tparts.length; i++) {
    const t = tparts[i] as string;
    const p = parts[i] as string;
    if (t.startsWith('{') && t.endsWith('}')) {
      if (p === '') return undefined;
      params[t.slice(1, -1)] = safeDecode(p);
    } else if (t !== p) return undefined;
  }
  return params;
}

/** A malformed %-escape is kept as sent: it then matches no id and answers 404, not 500. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
