import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type ResponsePath,
} from 'graphql';
import { recordError, runResolver, type TracedField } from '../trace-context.js';
import type { Caller } from './auth.js';
import { costOf } from './limits.js';

/**
 * The server's spans (issue 16): one SERVER span per GraphQL operation, a child of the caller's
 * W3C `traceparent` when one came, named `query ProgramDashboard` once the operation is known,
 * with its type, name, cost and the caller's role, never variables' values; and the resolver
 * spans of trace-context.ts on every field that returns an object or a list of them (scalar
 * fields never get one).
 */

/** Errors of one answer recorded as events on the operation span (the codes attribute lists all). */
const MAX_ERROR_EVENTS = 10;

/** Runs `handle` (the operation) in its SERVER span; the span ends when `handle` settles. */
export async function inOperationSpan<T extends { status?: number }>(
  tracer: Tracer,
  req: { headers: IncomingHttpHeaders; caller: Caller | null },
  handle: () => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan(
    'graphql',
    { kind: SpanKind.SERVER, attributes: { 'flip.caller.role': req.caller?.role ?? 'anonymous' } },
    parent,
  );
  try {
    const response = await context.with(trace.setSpan(parent, span), handle);
    span.setAttribute('http.response.status_code', response.status ?? 200);
    return response;
  } catch (error) {
    recordError(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Names the operation span and sets its type, cost and error codes once they are known. */
export function operationSpanPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const span: Span | undefined = trace.getActiveSpan();
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          span.updateName(`${operation.operation}${operationName ? ` ${operationName}` : ''}`);
          span.setAttribute('graphql.operation.type', operation.operation);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async willSendResponse({ contextValue, response }) {
          const cost = costOf(contextValue);
          if (cost !== undefined) span.setAttribute('flip.graphql.cost', cost);
          // The codes as the caller sees them (after formatError): the contract's list.
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (!errors?.length) return;
          const codes = [
            ...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'))),
          ];
          span.setAttribute('graphql.error.codes', codes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
          // As answered (formatError made them safe: no upstream text, no secret), a few at most.
          for (const e of errors.slice(0, MAX_ERROR_EVENTS)) {
            span.addEvent('exception', {
              'exception.type': String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
              'exception.message': e.message,
              ...(e.path ? { 'graphql.error.path': e.path.join('.') } : {}),
            });
          }
        },
      };
    },
  };
}

/**
 * Wraps the resolver of every field returning an object or a list of them (root fields included)
 * in `runResolver`: its span exists only when it started I/O or its own code took `slowMs` or
 * more. Scalar fields are never wrapped. Mutates the schema's fields once, at start-up.
 */
export function traceResolvers(schema: GraphQLSchema, tracer: Tracer, slowMs: number): void {
  // Per operation (its context value): the fields that already have a span for being slow.
  const slowFields = new WeakMap<object, Set<string>>();
  const claimSlowSpan = (name: string) => (operation: unknown) => {
    if (typeof operation !== 'object' || operation === null) return false;
    const claimed = slowFields.get(operation) ?? new Set<string>();
    slowFields.set(operation, claimed);
    return !claimed.has(name) && Boolean(claimed.add(name));
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isCompositeType(getNamedType(field.type)) || !field.resolve) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
      const name = `${type.name}.${field.name}`;
      const fieldType = String(field.type);
      const traced: TracedField = {
        tracer,
        name,
        slowMs,
        claimSlowSpan: claimSlowSpan(name),
        attributes: (info) => ({
          'graphql.field.name': field.name,
          'graphql.field.type': fieldType,
          'graphql.field.path': pathOf((info as GraphQLResolveInfo).path),
        }),
      };
      field.resolve = (source, args, ctx, info) =>
        runResolver(traced, { operation: ctx, details: info }, () => resolve(source, args, ctx, info));
    }
  }
}

function pathOf(path: ResponsePath | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse().join('.');
}
