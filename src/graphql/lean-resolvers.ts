import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql wraps every field it builds (issue 20): a plain `@Field` gets a resolver that
 * allocates its arguments and runs the (empty) middleware chain only to read `root[name]`, and a
 * `@FieldResolver` sorts and maps its parameter list on every call. A warm dashboard page runs
 * thousands of them. This module rewires, once after buildSchema, what it can prove is plain:
 *
 * - a `@Field` with no field resolver, no `@Authorized` roles, no middlewares and the same
 *   property and schema name gets no resolver at all (graphql-js's default reads the same
 *   property; graphql-jit compiles it to a property read), as `simpleResolvers: true` would;
 * - a `@FieldResolver` of a resolver class with no roles or middlewares whose parameters are all
 *   `@Root()`, `@Ctx()` or `@Info()` (no arguments to convert or validate) is called directly on
 *   the one instance of its class, with the same values type-graphql would pass.
 *
 * Anything else (arguments, roles, middlewares, typed roots) keeps type-graphql's own resolver.
 * Roles are enforced before execution on root fields (server/roles.ts); no field of this schema
 * uses `@Authorized` or `@UseMiddleware`, and a field that did would keep its wrapper here.
 */

interface ParamMeta {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}

interface FieldMeta {
  target: unknown;
  name: string;
  schemaName: string;
  simple?: boolean;
  roles?: unknown[];
  middlewares?: unknown[];
}

interface FieldResolverMeta {
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  kind: string;
  params?: ParamMeta[];
  roles?: unknown[];
  middlewares?: unknown[];
  getObjectType?: () => unknown;
}

interface ObjectTypeMeta {
  name: string;
  target: unknown;
  fields?: FieldMeta[];
}

interface Storage {
  objectTypes: ObjectTypeMeta[];
  fieldResolvers: FieldResolverMeta[];
}

const isEmpty = (list: unknown[] | undefined) => list === undefined || list.length === 0;

/** Rewires the plain fields of `schema` (built by type-graphql from the current metadata). */
export function leanResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage() as unknown as Storage;
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const meta of objectType.fields ?? []) {
      const field = fields[meta.schemaName];
      if (!field?.resolve) continue;
      const resolver = storage.fieldResolvers.find(
        (r) => r.methodName === meta.name && r.getObjectType?.() === meta.target,
      );
      if (!resolver) {
        if (isPlainData(meta)) field.resolve = undefined;
        continue;
      }
      const direct = directResolver(resolver, instances);
      if (direct) field.resolve = direct;
    }
  }
}

function isPlainData(meta: FieldMeta): boolean {
  return (
    meta.simple !== false && meta.name === meta.schemaName && isEmpty(meta.roles) && isEmpty(meta.middlewares)
  );
}

/** A direct call of an external `@FieldResolver` taking only root, context and info; else undefined. */
function directResolver(
  resolver: FieldResolverMeta,
  instances: Map<unknown, Record<string, (...args: unknown[]) => unknown>>,
): GraphQLFieldResolver<unknown, unknown> | undefined {
  if (resolver.kind !== 'external' || !isEmpty(resolver.roles) || !isEmpty(resolver.middlewares)) return;
  const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
  const plainParam = (p: ParamMeta, i: number) =>
    p.index === i &&
    p.propertyName === undefined &&
    (p.kind === 'context' || p.kind === 'info' || (p.kind === 'root' && isUntypedRoot(p)));
  if (!params.every(plainParam)) return;
  let instance = instances.get(resolver.target);
  if (!instance) {
    instance = new resolver.target();
    instances.set(resolver.target, instance);
  }
  const method = instance[resolver.methodName];
  if (typeof method !== 'function') return;
  const self = instance;
  const kinds = params.map((p) => p.kind);
  // The common shapes without an array per call; the general case builds one.
  if (kinds.join() === 'root') return (root) => method.call(self, root);
  if (kinds.join() === 'root,context') return (root, _args, ctx) => method.call(self, root, ctx);
  return (root, _args, ctx, info) =>
    method.apply(
      self,
      kinds.map((kind) => (kind === 'root' ? root : kind === 'context' ? ctx : info)),
    );
}

/** type-graphql converts a root to its declared class; an interface-typed root (Object) stays as is. */
function isUntypedRoot(p: ParamMeta): boolean {
  if (!p.getType) return true;
  try {
    return p.getType() === Object;
  } catch {
    return false;
  }
}
