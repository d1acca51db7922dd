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
  /** The `@key(fields:)` of the type in the subgraph schema. */
  key: string;
  resolveReference: ResolveReference;
}

/**
 * The subgraph's entities, their keys and how each is found: the one place both are declared,
 * so a key never lacks its reference resolver (without one, `_entities` would echo the caller's
 * representation back as data). Group ids are unique only within a program, hence its key.
 */
export const ENTITIES: Readonly<Record<string, EntityDefinition>> = Object.freeze({
  Program: { key: 'id', resolveReference: ({ id }, ctx) => configuredProgram(ctx, id!) },
  Enrollment: { key: 'id', resolveReference: ({ id }, ctx) => enrollmentById(id!, ctx) },
  Site: { key: 'id', resolveReference: ({ id }, ctx) => ctx.loaders.site(id!) },
  Device: { key: 'id', resolveReference: ({ id }, ctx) => ctx.loaders.device(id!) },
  Event: { key: 'id', resolveReference: ({ id }, ctx) => ctx.loaders.event(id!) },
  Group: {
    key: 'programId id',
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
    const parsed: Record<string, string> = { __typename: typename as string };
    for (const field of entity.key.split(' ')) {
      const key = KeyValue.safeParse((value as Record<string, unknown>)[field]);
      if (!key.success) {
        throw new ServiceError('BAD_USER_INPUT', `${at}.${field} must be an ID.`, {
          fieldPaths: [`${at}.${field}`],
        });
      }
      parsed[field] = key.data;
    }
    return parsed;
  });
}
