import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './paths.js';

const RULE = 'import-x/no-restricted-paths';

/**
 * Imports each part of src/ must not make (STYLE.md section 1), and one it may make, written to a
 * temporary file inside that part and linted with the project's own eslint.config.js.
 */
const CASES: { where: string; forbidden: string[]; allowed: string }[] = [
  { where: 'src/store', forbidden: ['../graphql/index.js', '../loaders/index.js'], allowed: '../errors.js' },
  { where: 'src/flip', forbidden: ['../cache/index.js', '../store/index.js'], allowed: '../errors.js' },
  { where: 'src/simulator', forbidden: ['../flip/http.js', '../flip/index.js'], allowed: '../flip/wire.js' },
  { where: 'src/cache', forbidden: ['../loaders/index.js', '../config.js'], allowed: '../store/index.js' },
  {
    where: 'src/loaders',
    forbidden: ['../writes/index.js', '../graphql/index.js'],
    allowed: '../cache/index.js',
  },
  {
    where: 'src/writes',
    forbidden: ['../graphql/context.js', '../server/logger.js', '../loaders/program-index.js'],
    allowed: '../loaders/index.js',
  },
  {
    where: 'src/graphql',
    forbidden: [
      '../server/logger.js',
      '../flip/http.js',
      '../writes/audit.js',
      '../../test/support/start.js',
    ],
    allowed: '../writes/index.js',
  },
  { where: 'src/server', forbidden: ['../simulator/index.js', '../app.js'], allowed: '../graphql/index.js' },
  // A new top-level file imports nothing of src/ until the config gives it an allowlist.
  { where: 'src', forbidden: ['./config.js', './errors.js'], allowed: 'node:path' },
];

const written: string[] = [];

afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
});

function probe(where: string, specifiers: readonly string[]): string {
  const file = path.join(repoRoot, where, `lint-probe-${randomUUID()}.ts`);
  const lines = specifiers.map((s, i) => `import * as m${i} from '${s}';`);
  lines.push(`export const used = [${specifiers.map((_, i) => `m${i}`).join(', ')}];`, '');
  written.push(file);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('the import allowlists of eslint.config.js', () => {
  const eslint = new ESLint({ cwd: repoRoot });

  it.each(CASES)('refuse what $where may not import, and accept what it may', async (c) => {
    const file = probe(c.where, [c.allowed, ...c.forbidden]);
    const [result] = await eslint.lintFiles([file]);
    const flagged = (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.line);
    // Line 1 is the allowed import; every forbidden one (lines 2..) is reported, once.
    expect(flagged).toEqual(c.forbidden.map((_, i) => i + 2));
  });
});
