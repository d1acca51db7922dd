import type { WireEnrollment } from '../../../src/flip/wire.js';
import type { JournalCall, Simulator } from '../../../src/simulator/types.js';
import type { GqlResult } from '../../support/start.js';

/** The upstream writes the journal saw (everything but GET), in order. */
export function writeCalls(sim: Simulator): JournalCall[] {
  return sim.journal.calls().filter((c) => c.method !== 'GET');
}

/** Each error's code and field paths, the parts a program relies on. */
export function errorsOf(res: GqlResult<unknown>): { code: unknown; fieldPaths?: unknown }[] {
  return (res.body.errors ?? []).map((e) => ({
    code: e.extensions?.code,
    ...(e.extensions?.fieldPaths === undefined ? {} : { fieldPaths: e.extensions.fieldPaths }),
  }));
}

/** An instant `minutes` from now as an ISO string (the simulator runs on the real clock). */
export function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/** The seeded enrollments of a program, as GET /v1/enrollments returns them now. */
export function enrollmentsOf(sim: Simulator, programId: string): WireEnrollment[] {
  return sim.state.enrollments(programId) as WireEnrollment[];
}

/** The first program of the simulator and its enrollments. */
export function firstProgram(sim: Simulator): { programId: string; enrollments: WireEnrollment[] } {
  const programId = sim.programs[0]?.id ?? '';
  return { programId, enrollments: enrollmentsOf(sim, programId) };
}
