import { readFileSync } from 'node:fs';
import {
  astFromValue,
  buildSchema,
  getNamedType,
  isObjectType,
  print,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

/**
 * Checks a normalized client cache against the service (issue 14): every cached object must hold,
 * field by field, what a direct query of that object returns. Queries are built from the cached
 * store field names (`enrollments({"first":50})`), arguments printed with the schema's types.
 */

type StoreObject = Record<string, unknown>;
type Ref = { __ref: string };

export const schema: GraphQLSchema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));

/** How to ask the service for one object directly, by type; the variables come from its key. */
const DIRECT: Record<string, { query: (sel: string, alias: string, key: StoreObject) => string }> = {
  Site: { query: (sel, a, k) => `${a}: site(id: ${str(k.id)}) { ${sel} }` },
  Device: { query: (sel, a, k) => `${a}: device(id: ${str(k.id)}) { ${sel} }` },
  Enrollment: { query: (sel, a, k) => `${a}: enrollment(id: ${str(k.id)}) { ${sel} }` },
  Event: { query: (sel, a, k) => `${a}: event(id: ${str(k.id)}) { ${sel} }` },
  Program: { query: (sel, a, k) => `${a}: program(id: ${str(k.id)}) { ${sel} }` },
  Group: {
    query: (sel, a, k) => `${a}: program(id: ${str(k.programId)}) { group(id: ${str(k.id)}) { ${sel} } }`,
  },
};

export interface CacheMismatch {
  cacheId: string;
  cached: StoreObject;
  direct: StoreObject | null;
}

/**
 * For every normalized object of `extracted` (InMemoryCache.extract()), a direct query of it,
 * normalized like the cache would store it; returns the objects that differ. `identify` is the
 * cache's own (so references compare as the cache writes them).
 */
export async function compareWithDirectQueries(options: {
  extracted: Record<string, StoreObject>;
  identify: (object: StoreObject) => string | undefined;
  keyOf: (cacheId: string, object: StoreObject) => StoreObject;
  query: (document: string) => Promise<Record<string, unknown>>;
  chunk?: number;
}): Promise<{ compared: number; mismatches: CacheMismatch[] }> {
  const entries = Object.entries(options.extracted).filter(([id]) => id !== 'ROOT_QUERY');
  const mismatches: CacheMismatch[] = [];
  const size = options.chunk ?? 10;
  for (let start = 0; start < entries.length; start += size) {
    const batch = entries.slice(start, start + size);
    const parts = batch.map(([cacheId, cached], i) => {
      const typename = String(cached.__typename);
      const direct = DIRECT[typename];
      if (!direct) throw new Error(`no direct query for cached ${typename} (${cacheId})`);
      return direct.query(selectionOf(typename, cached), `o${i}`, options.keyOf(cacheId, cached));
    });
    const data = await options.query(`{ ${parts.join('\n')} }`);
    batch.forEach(([cacheId, cached], i) => {
      let value = data[`o${i}`] as StoreObject | null;
      if (cached.__typename === 'Group') value = (value?.group ?? null) as StoreObject | null;
      const direct = value === null ? null : normalize(value, cached, options.identify, true);
      if (JSON.stringify(sortKeys(direct)) !== JSON.stringify(sortKeys(cached)))
        mismatches.push({ cacheId, cached, direct: direct as StoreObject | null });
    });
  }
  return { compared: entries.length, mismatches };
}

/** A selection asking for every stored field of `stored`, aliased by position. */
function selectionOf(typename: string, stored: StoreObject): string {
  const type = schema.getType(typename);
  if (!isObjectType(type)) throw new Error(`${typename} is not an object type`);
  const fields = Object.keys(stored).filter((k) => k !== '__typename');
  return [
    '__typename',
    ...fields.map((storeName, i) => {
      const { name, args } = parseStoreFieldName(storeName);
      const field = type.getFields()[name];
      if (!field) throw new Error(`${typename}.${name} is not in the schema`);
      return `f${i}: ${name}${argumentsOf(field, args)}${subSelection(field, stored[storeName])}`;
    }),
  ].join(' ');
}

function subSelection(field: GraphQLField<unknown, unknown>, value: unknown): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return '';
  const sample = firstObject(value);
  if (sample === undefined) return ' { __typename }';
  if (isRef(sample)) return ` { __typename ${keyFieldsOf(named.name).join(' ')} }`;
  return ` { ${selectionOf(named.name, sample)} }`;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown> | null): string {
  if (!args) return '';
  const printed = Object.entries(args).map(([name, value]) => {
    const arg = field.args.find((a) => a.name === name);
    if (!arg) throw new Error(`${field.name}(${name}) is not in the schema`);
    const ast = astFromValue(value, arg.type);
    return `${name}: ${ast ? print(ast) : 'null'}`;
  });
  return printed.length === 0 ? '' : `(${printed.join(', ')})`;
}

/** The direct answer, shaped like the cache stores it: store field names, references for keyed objects. */
function normalize(
  value: StoreObject,
  like: StoreObject,
  identify: (object: StoreObject) => string | undefined,
  isRoot = false,
): StoreObject | Ref {
  if (!isRoot) {
    const id = identify(value);
    if (id !== undefined) return { __ref: id };
  }
  const out: StoreObject = { __typename: value.__typename };
  Object.keys(like)
    .filter((k) => k !== '__typename')
    .forEach((storeName, i) => {
      out[storeName] = normalizeValue(value[`f${i}`], like[storeName], identify);
    });
  return out;
}

function normalizeValue(
  value: unknown,
  like: unknown,
  identify: (object: StoreObject) => string | undefined,
): unknown {
  if (Array.isArray(value))
    return value.map((v, i) =>
      normalizeValue(v, Array.isArray(like) ? (like[i] ?? like[0]) : like, identify),
    );
  if (value !== null && typeof value === 'object') {
    const sample = firstObject(like);
    const id = identify(value as StoreObject);
    if (id !== undefined) return { __ref: id };
    return sample && !isRef(sample) ? normalize(value as StoreObject, sample, identify) : value;
  }
  return value;
}

/** `name` or `name({"json":"args"})`, as InMemoryCache names stored fields. */
export function parseStoreFieldName(storeName: string): {
  name: string;
  args: Record<string, unknown> | null;
} {
  const match = /^(\w+)(?:\((.*)\))?$/s.exec(storeName);
  if (!match) throw new Error(`unexpected store field name ${storeName}`);
  return { name: match[1]!, args: match[2] ? (JSON.parse(match[2]) as Record<string, unknown>) : null };
}

const KEY_FIELDS: Record<string, string[]> = { Group: ['programId', 'id'] };

function keyFieldsOf(typename: string): string[] {
  return KEY_FIELDS[typename] ?? ['id'];
}

function firstObject(value: unknown): StoreObject | undefined {
  if (Array.isArray(value)) return value.map(firstObject).find((v) => v !== undefined);
  return value !== null && typeof value === 'object' ? (value as StoreObject) : undefined;
}

function isRef(value: StoreObject): value is Ref {
  return typeof value.__ref === 'string';
}

function str(value: unknown): string {
  return JSON.stringify(String(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as StoreObject)[k])]),
  );
}
