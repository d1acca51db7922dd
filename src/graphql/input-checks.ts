import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { parseDateTimeInput } from './date-time.js';
import { Violations } from '../writes/index.js';

/**
 * Checks at the edge (issue 13 section 2): every `ID` and `DateTime` value of an operation, and
 * every `name` string, wherever it sits (argument, input field, list item, literal or variable),
 * before any resolver runs. An id becomes an upstream path segment, so `.`/`..` (in any
 * percent-encoded form) would climb the path: a WHATWG URL parser resolves `/v1/events/%2E%2E`
 * to `/v1/`.
 */

/** Ids (enrollment, site, device, group, event, program ids): 1 to 128 characters. */
export const MAX_ID_CHARS = 128;
/** Names (group names): 1 to 200 characters. */
export const MAX_NAME_CHARS = 200;

// eslint-disable-next-line no-control-regex -- the point: C0, DEL and C1 control characters
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
/** Percent-decoding rounds tried: `%252E` is `%2E` once decoded, which a second hop decodes again. */
const MAX_DECODE_ROUNDS = 3;

/** Why an id is refused, or null when it is fine. Messages never echo the value. */
export function idProblem(id: string): string | null {
  if (id.length === 0) return 'must not be empty';
  if (id.length > MAX_ID_CHARS) return `must be at most ${MAX_ID_CHARS} characters`;
  if (CONTROL_CHARS.test(id)) return 'must not contain control characters';
  if (isDotSegment(id)) return 'must not be . or .. (in any encoding)';
  return null;
}

/** Why a name is refused, or null. Blank names are the write's own check (its message says so). */
export function nameProblem(name: string): string | null {
  if (name.length > MAX_NAME_CHARS) return `must be at most ${MAX_NAME_CHARS} characters`;
  if (CONTROL_CHARS.test(name)) return 'must not contain control characters';
  return null;
}

function isDotSegment(id: string): boolean {
  let text = id;
  for (let round = 0; round <= MAX_DECODE_ROUNDS; round++) {
    if (text === '.' || text === '..') return true;
    const decoded = text.replace(/%2e/gi, '.').replace(/%25/g, '%');
    if (decoded === text) return false;
    text = decoded;
  }
  return true;
}

type Check = (value: unknown, path: string, field: string) => void;

/**
 * Throws BAD_USER_INPUT (fieldPaths as the caller wrote them: `input.targetIds[2]`, `id`)
 * listing every refused id, name and date-time of the document's arguments. Variables are read
 * from `variables`; absent ones are left to graphql-js.
 */
export function checkOperationInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): void {
  const violations = new Violations();
  const check: Check = (value, path, field) => {
    const problem = leafProblem(value, field);
    if (problem) violations.add(path, problem);
  };
  for (const arg of argumentsOf(schema, document)) {
    checkNode(arg.type, arg.value, arg.name, arg.name, variables, check);
  }
  violations.throwIfAny('Invalid input');
}

interface ArgumentSite {
  name: string;
  type: GraphQLInputType;
  value: ValueNode;
}

/**
 * The arguments of a document with their input types, found once per document and schema
 * (Apollo hands the same DocumentNode to every request with the same text): the type walk cost
 * about 50 µs per request, the value walk that remains a few.
 */
const argumentsByDocument = new WeakMap<DocumentNode, { schema: GraphQLSchema; args: ArgumentSite[] }>();

function argumentsOf(schema: GraphQLSchema, document: DocumentNode): ArgumentSite[] {
  const known = argumentsByDocument.get(document);
  if (known?.schema === schema) return known.args;
  const args: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        if (arg && mayHoldCheckedValue(arg.type)) {
          args.push({ name: node.name.value, type: arg.type, value: node.value });
        }
        return false;
      },
    }),
  );
  argumentsByDocument.set(document, { schema, args });
  return args;
}

/** False for arguments that can hold no ID, DateTime or String (`first: Int`, enums, booleans). */
function mayHoldCheckedValue(type: GraphQLInputType): boolean {
  const t = getNullableType(type);
  if (isListType(t)) return mayHoldCheckedValue(t.ofType);
  return isInputObjectType(t) || (isScalarType(t) && ['ID', 'DateTime', 'String'].includes(t.name));
}

/** The problem of one leaf: `kind` is the scalar's name, or `name` for a String field called name. */
function leafProblem(value: unknown, kind: string): string | null {
  if (typeof value !== 'string') return null;
  switch (kind) {
    case 'ID':
      return idProblem(value);
    case 'DateTime':
      return parseDateTimeInput(value) === null
        ? 'must be a real RFC 3339 date-time with an offset (no Feb 30, hour 24, second 60 or offset beyond ±23:59)'
        : null;
    case 'name':
      return nameProblem(value);
    default:
      return null;
  }
}

function checkNode(
  type: GraphQLInputType,
  node: ValueNode,
  path: string,
  field: string,
  variables: Readonly<Record<string, unknown>>,
  check: Check,
): void {
  if (node.kind === Kind.VARIABLE) {
    checkJson(type, variables[node.name.value], path, field, check);
    return;
  }
  const t = getNullableType(type);
  if (isListType(t)) {
    const items = node.kind === Kind.LIST ? node.values : [node];
    items.forEach((item, i) =>
      checkNode(t.ofType, item, node.kind === Kind.LIST ? `${path}[${i}]` : path, field, variables, check),
    );
  } else if (isInputObjectType(t) && node.kind === Kind.OBJECT) {
    const fields = t.getFields();
    for (const f of node.fields) {
      const def = fields[f.name.value];
      if (def) checkNode(def.type, f.value, `${path}.${f.name.value}`, f.name.value, variables, check);
    }
  } else if (node.kind === Kind.STRING) {
    check(node.value, path, leafKind(t, field));
  }
}

function checkJson(type: GraphQLInputType, value: unknown, path: string, field: string, check: Check): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value))
      value.forEach((item, i) => checkJson(t.ofType, item, `${path}[${i}]`, field, check));
    else checkJson(t.ofType, value, path, field, check);
  } else if (isInputObjectType(t)) {
    if (typeof value !== 'object') return;
    for (const [name, def] of Object.entries(t.getFields())) {
      checkJson(def.type, (value as Record<string, unknown>)[name], `${path}.${name}`, name, check);
    }
  } else {
    check(value, path, leafKind(t, field));
  }
}

function leafKind(type: GraphQLInputType, field: string): string {
  if (isEnumType(type) || !isScalarType(type)) return '';
  return type.name === 'String' && field === 'name' ? 'name' : type.name;
}

/**
 * The argument path (`input.actions[0].startsAt`) of a literal value node of the document, or
 * null. For errors a scalar raises while the document is validated: the scalar sees only its value.
 */
export function inputPathOf(document: DocumentNode, target: ASTNode): string | null {
  let found: string | null = null;
  const search = (node: ValueNode, path: string): void => {
    if (found !== null) return;
    if (node === target) found = path;
    else if (node.kind === Kind.LIST) node.values.forEach((v, i) => search(v, `${path}[${i}]`));
    else if (node.kind === Kind.OBJECT)
      node.fields.forEach((f) => search(f.value, `${path}.${f.name.value}`));
  };
  visit(document, {
    Argument(node) {
      search(node.value, node.name.value);
      return false;
    },
  });
  return found;
}
