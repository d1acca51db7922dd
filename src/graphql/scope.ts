import type { ProgramConfig } from '../config.js';
import type { EnrollmentEntry } from '../loaders/index.js';
import { configuredProgram, type GraphQLContext } from './context.js';

/**
 * The program an entry lives in. Entries reached through a program carry it; an enrollment fetched
 * by id (GET /v1/enrollments/{id}, no program_id upstream) and the site and devices under it do
 * not, and are located lazily, only when a field needs the program: that loads the configured
 * programs. Null: the enrollment is in no configured program.
 */
export async function programIdOf(
  ctx: GraphQLContext,
  entry: { programId: string | null; enrollmentId: string },
): Promise<string | null> {
  return entry.programId ?? ctx.loaders.programIdOfEnrollment(entry.enrollmentId);
}

export async function programOf(
  ctx: GraphQLContext,
  entry: { programId: string | null; enrollmentId: string },
): Promise<ProgramConfig | null> {
  const programId = await programIdOf(ctx, entry);
  return programId === null ? null : configuredProgram(ctx, programId);
}

/** The enrollment an entry came with: from its program's index, or from the by-id cache. */
export async function enrollmentOf(
  ctx: GraphQLContext,
  entry: { programId: string | null; enrollmentId: string },
): Promise<EnrollmentEntry | null> {
  if (entry.programId === null) return ctx.loaders.enrollment(entry.enrollmentId);
  const index = await ctx.loaders.programIndex(entry.programId);
  return index.enrollmentById.get(entry.enrollmentId) ?? null;
}
