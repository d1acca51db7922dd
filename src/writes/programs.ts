import type { WriteDeps } from './types.js';

/** True when the id is a configured program. Programs come from configuration, not from Flip. */
export function isConfiguredProgram(deps: Pick<WriteDeps, 'programs'>, programId: string): boolean {
  return deps.programs.some((p) => p.id === programId);
}
