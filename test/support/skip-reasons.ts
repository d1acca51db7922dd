import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Prints, after vitest's own summary, why tests were skipped: one line per reason with how many
 * tests it covers (e.g. "5 skipped: redis-server is not installed (apt-get install redis-server)").
 * Reasons come from the tests' `meta.skipReason` (system-binary.ts) or a `ctx.skip(note)`; tests
 * a filter left out (`-t`, file:line) have neither and are not listed.
 */
export class SkipReasonsReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        const reason = test.meta().skipReason ?? note;
        // No reason: left out by a filter (`-t`, a file:line), not skipped by the suite itself.
        if (reason === undefined) continue;
        counts.set(reason, (counts.get(reason) ?? 0) + 1);
      }
    }
    for (const [reason, count] of [...counts].sort((a, b) => b[1] - a[1])) {
      this.vitest?.logger.log(`   Skipped  ${count} ${count === 1 ? 'test' : 'tests'}: ${reason}`);
    }
  }
}
