import { existsSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWERED_CODES } from '../../src/server/format-error.js';
import { readText, repoRoot } from './paths.js';

const readme = () => readText(resolve(repoRoot, 'README.md'));

/** Every README*.md of the repository (not below node_modules, dist, .git or .artifacts). */
function readmeFiles(dir = repoRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = resolve(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', '.git', '.artifacts'].includes(entry.name) ? [] : readmeFiles(file);
    }
    return entry.isFile() && /^README.*\.md$/.test(entry.name) ? [file] : [];
  });
}

/** The targets of a Markdown file's `[text](target)` links that point inside the repository. */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^([a-z]+:|#)/i.test(target))
    .map((target) => target.replace(/#.*$/, ''));
}

/** The variables src/config.ts reads: the keys of its EnvSchema object. */
function configVariables(): string[] {
  const source = readText(resolve(repoRoot, 'src/config.ts'));
  const schema = source.slice(source.indexOf('const EnvSchema = z.object({'));
  return [...schema.slice(0, schema.indexOf('\n});')).matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map(
    (m) => m[1] as string,
  );
}

describe('README.md', () => {
  it('documents every environment variable the service reads', () => {
    const text = readme();
    const variables = configVariables();
    expect(variables.length).toBeGreaterThan(40);
    expect(variables.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('lists every error code the service answers with, in its error code table', () => {
    const text = readme();
    const section = text.slice(
      text.indexOf('## Error codes'),
      text.indexOf('\n## ', text.indexOf('## Error codes') + 1),
    );
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    expect(ANSWERED_CODES.filter((code) => !rows.some((row) => row.includes(`\`${code}\``)))).toEqual([]);
  });

  it('starts with the Quick start block: the two commands, the second being what .ci/run runs', () => {
    const text = readme();
    const section = text.slice(
      text.indexOf('## Quick start'),
      text.indexOf('\n## ', text.indexOf('## Quick start')),
    );
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
    expect(readText(resolve(repoRoot, '.ci/run')).split('\n')).toContain('npm test');
  });
});

describe('README*.md files', () => {
  it('link only to files that exist', () => {
    const files = readmeFiles();
    const links = files.flatMap((file) =>
      relativeLinks(readText(file)).map((target) => ({
        from: relative(repoRoot, file),
        target,
        to: relative(repoRoot, resolve(dirname(file), target)),
      })),
    );
    // The top-level README links the READMEs beside the code, and they link back.
    expect(links.filter((link) => link.from === 'README.md').map((link) => link.to)).toEqual(
      expect.arrayContaining(['src/flip/README.md', 'src/simulator/README.md', 'test/bench/README.md']),
    );
    expect(links.filter((link) => link.to === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(links.filter((link) => !existsSync(resolve(repoRoot, link.to)))).toEqual([]);
  });
});
