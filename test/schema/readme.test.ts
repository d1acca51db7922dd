import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWERED_CODES } from '../../src/server/format-error.js';
import { readText, repoRoot } from './paths.js';

const readme = () => readText(resolve(repoRoot, 'README.md'));

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

  it('keeps the two-command quick start', () => {
    expect(readme()).toContain('npm install && npm start');
    expect(readme()).toContain('npm test');
  });
});
