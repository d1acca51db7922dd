import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config.js';
import { ServiceError } from '../errors.js';
import { parseDateTimeInput } from '../graphql/index.js';
import { withHttpStatus } from './format-error.js';
import {
  armorRejection,
  checkPageSizes,
  firstArgumentsOf,
  limitError,
  tokenLimitPlugin,
} from './limit-errors.js';

/** Directives per operation (graphql-armor); not worth an env var. */
const MAX_DIRECTIVES = 50;
/** Nodes the cost walker visits before giving up (graphql-query-complexity's own guard). */
const MAX_QUERY_NODES = 20_000;
/** Flip telemetry arrives at least every 5 minutes: points per device per hour of window. */
const TELEMETRY_POINTS_PER_HOUR = 12;

/**
 * Assumed sizes of list fields that are not connections (`Parent.field`, then `field`).
 * Rough fleet averages: they only need to rank queries, not predict them.
 */
const LIST_SIZES: Record<string, number> = {
  'Program.groups': 20,
  'Site.groups': 2,
  'Site.enrollments': 2,
  devices: 2,
  events: 50,
  sites: 100,
  succeeded: 50,
  failed: 50,
};
const DEFAULT_LIST_SIZE = 10;
/**
 * Each item of a mutation's list argument costs this much: `ids`, `enrollmentIds` and any list
 * argument added later become one upstream write per item (issue 13 section 2.6). Lists inside
 * an input object (`input.targetIds`) travel in one request and are not priced per item.
 */
const COST_PER_WRITTEN_ID = 10;

/** Extra cost of fields that need their own upstream call (`Parent.field` or `field`). */
const UPSTREAM_FIELD_COSTS: Record<string, number> = {
  latestTelemetry: 5,
  telemetry: 10,
  'Event.sites': 10,
  'Event.siteParticipations': 10,
  'Event.performance': 10,
  eligiblePrograms: 10,
  previewEvent: 10,
};

export interface Limits {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ApolloServerPlugin<BaseContext>[];
  /**
   * The page-size and cost limits of the plugin below, for an operation that does not go through
   * Apollo (a subscription over WebSocket or SSE): the cost, or throws the same limit errors.
   */
  checkCost: CostCheck;
}

/** Checks `first` against MAX_PAGE_SIZE and the cost against MAX_COST; returns the cost. */
export type CostCheck = (operation: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  /** Sees the cost once known, also of a refused operation (the operation log's line). */
  onCost?: (cost: number) => void;
}) => number | undefined;

/** Request header asking for `extensions.cost` in the answer (always there in development). */
export const COST_DEBUG_HEADER = 'x-debug-cost';

/**
 * Abuse limits from config.limits: depth, aliases, directives (graphql-armor validation rules),
 * tokens (graphql-js parser limit), field suggestions masked in production, page sizes and the
 * query cost plugin. Rejections are BAD_USER_INPUT with HTTP 400 before any resolver runs, naming
 * the limit in extensions (limit-errors.ts).
 */
export function createLimits(config: Readonly<Config>, options: { programCount: number }): Limits {
  const armor = new ApolloArmor({
    maxDepth: {
      n: config.limits.maxDepth,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [armorRejection('MAX_DEPTH', 'Query depth', config.limits.maxDepth)],
    },
    // armor skips aliases of __typename by default; each is a field to resolve all the same.
    maxAliases: {
      n: config.limits.maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [armorRejection('MAX_ALIASES', 'Aliases', config.limits.maxAliases)],
    },
    maxDirectives: {
      n: MAX_DIRECTIVES,
      propagateOnRejection: false,
      onReject: [armorRejection('MAX_DIRECTIVES', 'Directives', MAX_DIRECTIVES)],
    },
    // graphql-js counts tokens in its own parser (Apollo's parseOptions): a 400 parse error,
    // where armor's parser plugin throws outside Apollo's error handling.
    maxTokens: { enabled: false },
    // Cost is ours (costLimitPlugin): armor's rule cannot weigh list sizes.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();
  const cost = {
    maxCost: config.limits.maxCost,
    maxPageSize: config.maxPageSize,
    estimator: costEstimator(config, options),
  };
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<BaseContext>[]),
      tokenLimitPlugin(config.limits.maxTokens),
      costLimitPlugin({ ...cost, alwaysReportCost: config.nodeEnv === 'development' }),
    ],
    checkCost: createCostCheck(cost),
  };
}

const costByContext = new WeakMap<object, number>();

/**
 * The arguments whose values change a cost (costEstimator: `first`, a telemetry window; `if` of
 * @include/@skip, which graphql-query-complexity follows), besides the length of every list
 * variable (a mutation's list arguments). Variables used anywhere else (an id, a filter) cannot
 * change it, so an operation's cost is cached per document and the values of these variables and
 * list lengths only: the by-id queries a screen sends thousands of times are priced once (the
 * walk cost about 0.2 ms per request, issue 9).
 */
const COST_ARGUMENTS = new Set(['first', 'from', 'to', 'if']);
/** Costs kept per document (distinct operation names and cost-relevant variable values). */
const MAX_COSTS_PER_DOCUMENT = 64;

interface DocumentCosts {
  /** Variable names used in COST_ARGUMENTS, sorted. */
  variables: string[];
  costs: Map<string, number>;
  /** The values of the document's `first` arguments (checked against MAX_PAGE_SIZE first). */
  firstArguments: ValueNode[];
}

/** Apollo hands the same parsed DocumentNode to every request with the same query text. */
const costsByDocument = new WeakMap<DocumentNode, DocumentCosts>();

function costsOf(document: DocumentNode): DocumentCosts {
  let known = costsByDocument.get(document);
  if (!known) {
    const variables = new Set<string>();
    visit(document, {
      Argument(node) {
        if (!COST_ARGUMENTS.has(node.name.value)) return;
        visit(node.value, {
          Variable(v) {
            variables.add(v.name.value);
          },
        });
      },
    });
    known = {
      variables: [...variables].sort(),
      costs: new Map(),
      firstArguments: firstArgumentsOf(document),
    };
    costsByDocument.set(document, known);
  }
  return known;
}

/** The cache key of an operation: its name and the values of its cost variables. */
function costKey(
  known: DocumentCosts,
  operationName: string | undefined,
  variables: Record<string, unknown>,
) {
  const listLengths = Object.entries(variables)
    .filter(([, value]) => Array.isArray(value))
    .map(([name, value]) => `${name}:${(value as unknown[]).length}`)
    .sort();
  return JSON.stringify([
    operationName ?? null,
    ...known.variables.map((name) => variables[name] ?? null),
    ...listLengths,
  ]);
}

/** The computed cost of the operation of this context (for the operation log line). */
export function costOf(context: object): number | undefined {
  return costByContext.get(context);
}

/**
 * Rejects a `first` above maxPageSize (whatever its size), then an operation whose estimated cost
 * exceeds maxCost, with BAD_USER_INPUT ("Query cost N exceeds the maximum M.", limit and actual in
 * extensions) and HTTP 400, before execution. The cost goes to `extensions.cost` of the answer
 * when asked (COST_DEBUG_HEADER) or always (development).
 */
export function costLimitPlugin<TContext extends BaseContext>(options: {
  maxCost: number;
  maxPageSize: number;
  estimator: ComplexityEstimator;
  alwaysReportCost?: boolean;
}): ApolloServerPlugin<TContext> {
  const checkCost = createCostCheck(options);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, contextValue }) {
          const cost = costByContext.get(contextValue);
          const asked =
            options.alwaysReportCost ||
            ['1', 'true'].includes(request.http?.headers.get(COST_DEBUG_HEADER) ?? '');
          if (!asked || cost === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated: cost, maximum: options.maxCost } };
        },
        async didResolveOperation({ request, document, schema, contextValue }) {
          checkCost({
            schema,
            document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            onCost: (cost) => costByContext.set(contextValue, cost),
          });
        },
      };
    },
  };
}

/**
 * The limits costLimitPlugin applies, on their own: a `first` above maxPageSize, then a cost above
 * maxCost, refused with the limit errors (limit-errors.ts). Undefined when the variables are bad
 * (execution reports them as usual without running a resolver).
 */
export function createCostCheck(options: {
  maxCost: number;
  maxPageSize: number;
  estimator: ComplexityEstimator;
}): CostCheck {
  return ({ schema, document, operationName, variables, onCost }) => {
    const known = costsOf(document);
    checkPageSizes(known.firstArguments, variables, options.maxPageSize);
    const key = costKey(known, operationName, variables);
    let cost = known.costs.get(key);
    if (cost === undefined) {
      try {
        cost = getComplexity({
          schema,
          query: document,
          operationName,
          variables,
          estimators: [options.estimator],
          maxQueryNodes: MAX_QUERY_NODES,
        });
      } catch (err) {
        if (isVariableError(err)) return undefined;
        throw withHttpStatus(new ServiceError('BAD_USER_INPUT', 'The query is too large to evaluate.'), 400);
      }
      if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
      known.costs.set(key, cost);
    }
    onCost?.(cost);
    if (cost > options.maxCost) throw limitError('MAX_COST', 'Query cost', options.maxCost, cost);
    return cost;
  };
}

/**
 * Each object costs 1 plus its children; leaves cost 0 (a mutation's leaf result 1); each item of
 * a mutation's list arguments adds COST_PER_WRITTEN_ID. A connection multiplies its children by
 * `first` (default page size when absent); other lists by their assumed size (LIST_SIZES,
 * `programs` = configured programs, `telemetry(from, to)` = points in the window). Fields that
 * call upstream add UPSTREAM_FIELD_COSTS.
 */
export function costEstimator(
  config: Readonly<Config>,
  options: { programCount: number },
): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    const isMutation = type.name === 'Mutation';
    const writtenIds = isMutation ? listItemsOf(args) : 0;
    if (isLeafType(named)) return isMutation ? 1 + writtenIds * COST_PER_WRITTEN_ID : 0;
    const key = `${type.name}.${field.name}`;
    const extra =
      (UPSTREAM_FIELD_COSTS[key] ?? UPSTREAM_FIELD_COSTS[field.name] ?? 0) + writtenIds * COST_PER_WRITTEN_ID;
    const perItem = 1 + childComplexity;
    if (named.name.endsWith('Connection')) {
      const first = typeof args.first === 'number' && args.first >= 0 ? args.first : config.defaultPageSize;
      return 1 + extra + first * childComplexity;
    }
    if (!isListType(getNullableType(field.type))) return extra + perItem;
    // edges/nodes of a connection: the connection field multiplies by `first`.
    if (type.name.endsWith('Connection')) return perItem;
    return extra + perItem * listSize(key, field.name, args, options.programCount);
  };
}

/** Items over every list argument (a mutation's fan-out: one upstream call per item). */
function listItemsOf(args: Record<string, unknown>): number {
  let items = 0;
  for (const value of Object.values(args)) if (Array.isArray(value)) items += value.length;
  return items;
}

function listSize(key: string, name: string, args: Record<string, unknown>, programCount: number): number {
  if (key === 'Query.programs') return Math.max(programCount, 1);
  // FEDERATION=true: one entity per representation the router sends.
  if (key === 'Query._entities' && Array.isArray(args.representations))
    return Math.max(args.representations.length, 1);
  if (name === 'telemetry') {
    const hours = (timeOf(args.to) - timeOf(args.from)) / 3_600_000;
    return Number.isFinite(hours)
      ? Math.max(1, Math.ceil(hours * TELEMETRY_POINTS_PER_HOUR))
      : DEFAULT_LIST_SIZE;
  }
  return LIST_SIZES[key] ?? LIST_SIZES[name] ?? DEFAULT_LIST_SIZE;
}

function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseDateTimeInput(value)?.getTime() ?? Number.NaN;
  return Number.NaN;
}

function isVariableError(err: unknown): boolean {
  return String((err as GraphQLError | undefined)?.message ?? '').startsWith('Variable "$');
}
