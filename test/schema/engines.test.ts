import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, repoRoot } from './paths.js';

// npm's own range checker (every npm install has it); only this test needs it.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

describe('engines.node (package.json)', () => {
  it('is met by every package of the lockfile, so `npm install` prints no EBADENGINE', () => {
    const pkg = JSON.parse(readText(resolve(repoRoot, 'package.json'))) as { engines: { node: string } };
    const oldest = semver.minVersion(pkg.engines.node)?.version;
    expect(oldest).toBeDefined();
    const lock = JSON.parse(readText(resolve(repoRoot, 'package-lock.json'))) as {
      packages: Record<string, LockPackage>;
    };
    const unmet = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .map(([path, p]) => ({
        path,
        version: p.version,
        node: Array.isArray(p.engines) ? undefined : p.engines?.node,
      }))
      .filter((p) => p.node !== undefined && !semver.satisfies(oldest!, p.node))
      .map((p) => `${p.path}@${p.version} needs node ${p.node}`);
    expect(unmet).toEqual([]);
  });
});
