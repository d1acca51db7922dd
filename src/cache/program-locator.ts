/** Beyond this many ids the locator starts over (about 100 MB at most). */
const MAX_IDS = 1_000_000;

/**
 * Which configured program an enrollment belongs to, learnt from every program load and kept
 * across requests. GET /v1/enrollments/{id} does not say (REFERENCE.md 1.3), and finding out
 * otherwise means loading every program. An enrollment never changes program in Flip (a new
 * program is a new enrollment), so what was learnt stays true: no TTL, no invalidation. It
 * is a fact about ids, not a copy of data, so it is kept even with the cache off (CACHE_TTL_S=0).
 */
export class ProgramLocator {
  private programByEnrollment = new Map<string, string>();

  learn(programId: string, enrollmentIds: Iterable<string>): void {
    for (const id of enrollmentIds) {
      if (this.programByEnrollment.size >= MAX_IDS) this.programByEnrollment = new Map();
      this.programByEnrollment.set(id, programId);
    }
  }

  /** The program the enrollment was last seen in; undefined when never seen. */
  programOf(enrollmentId: string): string | undefined {
    return this.programByEnrollment.get(enrollmentId);
  }
}
