import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startService } from '../support/start.js';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..', '..');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const README_URL = 'http://127.0.0.1:4000/graphql';
const KEY = 'consumer-test-key-0123456789';

/** The first ```ts block after the README's `<!-- marker` comment. */
function readmeSnippet(marker: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(`<!-- ${marker}`);
  expect(at, `README.md has no <!-- ${marker} --> comment`).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block, `no ts block after <!-- ${marker}`).not.toBeNull();
  return block![1]!;
}

/**
 * A frontend project in a scratch folder: `flip-graphql` is this checkout (as `npm install
 * ../flip-graphql` would link it), the other packages are the ones already installed here.
 */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flip-graphql-consumer-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  symlinkSync(repoRoot, join(modules, 'flip-graphql'), 'dir');
  for (const name of [
    '@apollo',
    'graphql',
    'rxjs',
    'tslib',
    '@graphql-codegen',
    '@graphql-typed-document-node',
    '@types',
  ]) {
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'dir');
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'frontend', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023', 'DOM'],
        types: ['node'],
        strict: true,
        skipLibCheck: true,
        outDir: 'out',
      },
      include: ['*.ts'],
    }),
  );
  return dir;
}

describe("the README's frontend section, in a consumer project", () => {
  it(
    'compiles under NodeNext, runs the Apollo Client snippet against the service, and generates types from its URL with a token',
    { timeout: 120_000 },
    async () => {
      // What `npm pack` (prepack) or `npm run build:client` leaves for the exports map.
      await run(process.execPath, [tsc, '-p', join(repoRoot, 'schema', 'client', 'tsconfig.json')]);
      const service = await startService({ env: { GRAPHQL_API_KEYS: `${KEY}:viewer` } });
      const dir = scratchProject();
      const main = readmeSnippet('frontend-snippet')
        .replace(README_URL, service.graphqlUrl)
        .replace("'your-api-key-or-jwt'", `'${KEY}'`);
      writeFileSync(join(dir, 'main.ts'), main);
      writeFileSync(
        join(dir, 'codegen.ts'),
        readmeSnippet('consumer-codegen').replace(README_URL, service.graphqlUrl),
      );

      const compiled = await run(process.execPath, [tsc, '-p', dir]).catch((err: { stdout: string }) => err);
      expect('stdout' in compiled ? compiled.stdout : '').toBe('');

      const { stdout } = await run(process.execPath, [join(dir, 'out', 'main.js')], { cwd: dir });
      const program = service.sim.programs.find((p) => p.id === '5d3e6c1a-8f2b-4c7e-9a41-2b7f0c9e1a01')!;
      expect(stdout.trim()).toMatch(new RegExp(`^${program.name} \\d+$`));

      mkdirSync(join(dir, 'src'));
      writeFileSync(
        join(dir, 'src', 'names.graphql'),
        'query Names { programs { id name } events { id startsAt } }\n',
      );
      process.env.FLIP_GRAPHQL_TOKEN = KEY;
      onTestFinished(() => {
        delete process.env.FLIP_GRAPHQL_TOKEN;
      });
      const config = (
        (await import(pathToFileURL(join(dir, 'out', 'codegen.js')).href)) as { default: CodegenConfig }
      ).default;
      const outputs: { filename: string; content: string }[] = await generate(
        { ...config, cwd: dir, silent: true },
        false,
      );
      const types = outputs.find((o) => o.filename.endsWith('src/gql/graphql.ts'))?.content ?? '';
      // DateTime as string (not `unknown`, the codegen default).
      expect(types).toMatch(/export type NamesQuery = \{[^\n]*startsAt: string/);
    },
  );
});
