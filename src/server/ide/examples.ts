import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from 'graphql';
import type { ExampleSamples } from './samples.js';

/** One tab of the IDE: a document from the repository, with variables to start from. */
export interface ExampleOperation {
  /** The file name without `.graphql` (`dashboard`, `review-queue`...). */
  name: string;
  query: string;
  /** JSON text for the variables editor; `undefined` when the document declares none. */
  variables?: string;
}

export interface LoadExamplesOptions {
  /** The configured program ids: `$programId`/`$programIds` start filled with them. */
  programIds: readonly string[];
  /** Where the `*.graphql` files are; `test/operations` under the package root by default. */
  dir?: string;
  /** Values from the running data (the embedded simulator's): every variable starts filled. */
  samples?: ExampleSamples;
  /** Called once per file that does not parse; the file is left out. */
  onInvalid?(file: string, error: unknown): void;
}

/**
 * The writes in the order their preconditions hold when the tabs are run one after the other:
 * the group is created before it is filled, renamed and deleted; the enrollment in review is
 * approved before it is paused and resumed; the event is dispatched before one is cancelled.
 * A write not listed comes after these, by file name.
 */
const WRITE_ORDER = [
  'CreateGroup',
  'AddEnrollmentsToGroup',
  'RemoveEnrollmentsFromGroup',
  'RenameGroup',
  'DeleteGroup',
  'ApproveEnrollment',
  'PauseEnrollment',
  'UpdateEnrollment',
  'UpdateEnrollments',
  'CommissionSite',
  'DispatchEvent',
  'CancelEvent',
];

/**
 * Reads the repository's example operations (`test/operations/*.graphql`): reads first, by file
 * name (a tab opened by mistake should not be a mutation), then writes in WRITE_ORDER.
 * A missing folder (an image built without `test/`) yields no examples rather than an error.
 * Never throws.
 */
export function loadExampleOperations(options: LoadExamplesOptions): ExampleOperation[] {
  const root = findPackageRoot();
  const dir = options.dir ?? (root === undefined ? undefined : join(root, 'test', 'operations'));
  if (dir === undefined || !existsSync(dir)) return [];
  const examples: ExampleOperation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const query = readFileSync(join(dir, file), 'utf8');
    try {
      examples.push({
        name: file.slice(0, -'.graphql'.length),
        query,
        variables: startingVariables(query, options.programIds, options.samples),
      });
    } catch (error) {
      options.onInvalid?.(file, error);
    }
  }
  const rank = (e: ExampleOperation) => {
    const i = WRITE_ORDER.indexOf(operationName(e.query) ?? '');
    return i === -1 ? WRITE_ORDER.length : i;
  };
  const writes = examples.filter((e) => isWrite(e.query));
  return [
    ...examples.filter((e) => !isWrite(e.query)),
    ...writes.sort((a, b) => rank(a) - rank(b)), // stable: unlisted writes stay by file name
  ];
}

/**
 * The package root: the nearest folder above this file with a package.json. This file runs from
 * src/ under vitest and from dist/ under `npm start`; both sit one level below the root.
 */
function findPackageRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * A variables skeleton for the document's required variables, so a tab runs as it opens: program
 * ids are filled from the configuration, the rest from the samples (the operation's own first,
 * then by variable name); anything else starts as null for the reader to fill (the server names
 * the variable if it is left so). Throws when it does not parse.
 */
function startingVariables(
  query: string,
  programIds: readonly string[],
  samples?: ExampleSamples,
): string | undefined {
  const operations = parse(query).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const values: Record<string, unknown> = {};
  for (const operation of operations) {
    const own = (operation.name && samples?.byOperation[operation.name.value]) || {};
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (name in values || definition.defaultValue) continue;
      if (name in own) values[name] = own[name];
      else if (/^programIds?$/.test(name) && programIds.length > 0) {
        values[name] = isList(definition.type) ? [...programIds] : programIds[0];
      } else if (definition.type.kind === Kind.NON_NULL_TYPE) {
        values[name] = samples?.byVariable[name] ?? null;
      }
    }
  }
  return Object.keys(values).length > 0 ? JSON.stringify(values, null, 2) : undefined;
}

function operationName(query: string): string | undefined {
  for (const d of parse(query).definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) return d.name?.value;
  }
  return undefined;
}

function isWrite(query: string): boolean {
  return parse(query).definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
  );
}

function isList(type: TypeNode): boolean {
  if (type.kind === Kind.NON_NULL_TYPE) return isList(type.type);
  return type.kind === Kind.LIST_TYPE;
}
