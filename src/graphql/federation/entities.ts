import { z } from 'zod';
import { ServiceError } from '../../errors.js';
import type { EnrollmentEntry } from '../../loaders/index.js';
import { configuredProgram, type GraphQLContext } from '../context.js';

/**
 * How `_entities` finds one entity of a type from its representation: through the request's
 * loaders, exactly as the matching root or program field does, so the same batching, call
 * budget, roles and errors apply. null: no such entity (never an error for an unknown id).
 */
type ResolveReference = (representation: Record<string, string>, ctx: GraphQLContext) => unknown;

export interface EntityDefinition {
  /**
   * The `@key(fields:)` of the type in the subgraph schema, one or more. A representation is read
   * by the first key whose fields it all has (so the most specific key comes first).
   */
  keys: readonly string[];
  resolveReference: ResolveReference;
}

/**
 * The subgraph's entities, their keys and how each is found: the one place both are declared,
 * so a key never lacks its reference resolver (without one, `_entities` would echo the caller's
 * representation back as data). Group ids are unique only within a program, hence its key.
 */
export const ENTITIES: Readonly<Record<string, EntityDefinition>> = Object.freeze({
  Program: { keys: ['id'], resolveReference: ({ id }, ctx) => configuredProgram(ctx, id!) },
  Enrollment: {
    // A subgraph that knows the program (a customer's enrollment) sends it: one list per program.
    keys: ['programId id', 'id'],
    resolveReference: ({ programId, id }, ctx) =>
      programId === undefined ? enrollmentById(id!, ctx) : enrollmentInProgram(programId, id!, ctx),
  },
  Site: { keys: ['id'], resolveReference: ({ id }, ctx) => ctx.loaders.site(id!) },
  Device: { keys: ['id'], resolveReference: ({ id }, ctx) => ctx.loaders.device(id!) },
  Event: { keys: ['id'], resolveReference: ({ id }, ctx) => ctx.loaders.event(id!) },
  Group: {
    keys: ['programId id'],
    resolveReference: ({ programId, id }, ctx) =>
      // An unconfigured program is no program of ours: null, without asking Flip (which 404s).
      configuredProgram(ctx, programId!) ? ctx.loaders.group(programId!, id!) : null,
  },
});

/**
 * An enrollment by id. When an earlier load told its program (the locator, kept across
 * requests), only that program's list is read: 100 representations of one program cost one
 * `GET /v1/enrollments?program_id=`. Otherwise, or when that program no longer lists it, the
 * general lookup (loaders/lookup.ts) decides: by id for a few, else every configured program.
 */
async function enrollmentById(id: string, ctx: GraphQLContext): Promise<EnrollmentEntry | null> {
  const programId = ctx.deps.locator?.programOf(id);
  if (programId !== undefined && configuredProgram(ctx, programId)) {
    const entry = (await ctx.loaders.programIndex(programId)).enrollmentById.get(id);
    if (entry) return entry;
  }
  return ctx.loaders.enrollment(id, { inProgram: true });
}

/**
 * By the key `programId id`: the enrollment if that program lists it, else null (no other program
 * is asked: that is another key's entity). An unconfigured program is null without a call.
 */
async function enrollmentInProgram(
  programId: string,
  id: string,
  ctx: GraphQLContext,
): Promise<EnrollmentEntry | null> {
  if (!configuredProgram(ctx, programId)) return null;
  return (await ctx.loaders.programIndex(programId)).enrollmentById.get(id) ?? null;
}

const KeyValue = z.union([z.string(), z.number().int()]).transform(String);

/**
 * Checks every representation before any is resolved: an object whose `__typename` is one of
 * ENTITIES and whose key fields are ids. Throws BAD_USER_INPUT naming the first bad path
 * (`representations[3].id`); the caller's values are never echoed.
 */
export function parseRepresentations(representations: unknown): Record<string, string>[] {
  if (!Array.isArray(representations)) {
    throw new ServiceError('BAD_USER_INPUT', 'representations must be a list.', {
      fieldPaths: ['representations'],
    });
  }
  return representations.map((value: unknown, i) => {
    const at = `representations[${i}]`;
    const typename = (value as { __typename?: unknown } | null)?.__typename;
    const entity =
      typeof typename === 'string' && Object.hasOwn(ENTITIES, typename) ? ENTITIES[typename] : undefined;
    if (!entity) {
      throw new ServiceError(
        'BAD_USER_INPUT',
        `${at}.__typename must be one of ${Object.keys(ENTITIES).join(', ')}.`,
        { fieldPaths: [`${at}.__typename`] },
      );
    }
    const fields = value as Record<string, unknown>;
    // The first key whose fields are all there; else the last (least specific) names what is missing.
    const key = entity.keys.find((k) => k.split(' ').every((f) => fields[f] != null)) ?? entity.keys.at(-1)!;
    const parsed: Record<string, string> = { __typename: typename as string };
    for (const field of key.split(' ')) {
      const id = KeyValue.safeParse(fields[field]);
      if (!id.success) {
        throw new ServiceError('BAD_USER_INPUT', `${at}.${field} must be an ID.`, {
          fieldPaths: [`${at}.${field}`],
        });
      }
      parsed[field] = id.data;
    }
    return parsed;
  });
}
