import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test was skipped; skip-reasons.ts prints it once at the end of the run. */
    skipReason?: string;
  }
}

/**
 * A program some tests need from the system (Debian packages: `redis-server`, `chromium`), never
 * downloaded from elsewhere. `.ci/run` installs them, with CI=true.
 */
export interface SystemBinary {
  /** The executable found on PATH; undefined when absent (the tests are then skipped). */
  path: string | undefined;
  /**
   * For `describe(name, binary.suite, fn)`: skips the suite, with the reason, when the binary is
   * absent. Vitest then runs none of the file's hooks for it either (nothing is started).
   */
  suite: { skip: boolean; meta: { skipReason?: string } };
}

/**
 * Looks the binary up on PATH once, when the test file is collected. Absent with CI unset: the
 * tests using it are skipped with a one-line reason naming the install command. Absent with CI
 * set: throws, so the file fails (CI installs every binary; a skip there would hide a whole area).
 */
export function requireBinary(
  name: string,
  install: string,
  extraDirs: readonly string[] = [],
): SystemBinary {
  const found = onPath(name, extraDirs);
  if (found) return { path: found, suite: { skip: false, meta: {} } };
  const reason = `${name} is not installed (${install})`;
  if (isCi()) throw new Error(`${reason}; CI runs every test, so it must be installed`);
  return { path: undefined, suite: { skip: true, meta: { skipReason: reason } } };
}

/** `extraDirs` are looked in after PATH (Debian's PostgreSQL keeps its server binaries off PATH). */
function onPath(name: string, extraDirs: readonly string[] = []): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs]) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** CI sets CI=true (GitHub Actions, GitLab, .ci/run); "false" and "0" mean a developer machine. */
function isCi(): boolean {
  const value = process.env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
