import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type ValueNode,
  type ValidationContext,
} from 'graphql';
import { ServiceError } from '../errors.js';
import { withHttpStatus } from './format-error.js';

/**
 * One shape for every refused limit: BAD_USER_INPUT, HTTP 400, `extensions { code, limit, actual,
 * limitName, fieldPaths? }` (limitName: the setting holding the maximum). A UI reads the numbers,
 * not the text.
 */
export function limitError(
  limitName: string,
  what: string,
  limit: number,
  actual: number,
  fieldPaths?: string[],
): ServiceError {
  return withHttpStatus(
    new ServiceError('BAD_USER_INPUT', `${what} ${actual} exceeds the maximum ${limit}.`, {
      limit,
      actual,
      limitName,
      fieldPaths,
    }),
    400,
  );
}

/**
 * graphql-armor's onReject for depth, aliases and directives (with `propagateOnRejection: false`,
 * else armor reports its own copy with the code only): reports the refusal in the shape above from
 * armor's "... limit of N exceeded, found M." Apollo files it under GRAPHQL_VALIDATION_FAILED and
 * formatError restores BAD_USER_INPUT.
 */
export function armorRejection(limitName: string, what: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const actual = Number(/found (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
    context?.reportError(limitError(limitName, what, limit, Number.isFinite(actual) ? actual : limit + 1));
  };
}

/**
 * graphql-js aborts parsing past maxTokens ("Document contains more that N tokens"): the refused
 * document's tokens are counted (bounded by MAX_BODY_BYTES) and the error given the shape above.
 */
export function tokenLimitPlugin<TContext extends BaseContext>(
  maxTokens: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (err?: Error) => {
            if (!(err instanceof GraphQLError) || !/contains more that \d+ tokens/.test(err.message)) return;
            rewrite(err, limitError('MAX_TOKENS', 'Document tokens', maxTokens, countTokens(source)));
          };
        },
      };
    },
  };
}

/**
 * `first` of every connection in the document, from a literal or a variable: above the maximum it
 * is refused as `first` (MAX_PAGE_SIZE) whatever its size, before the cost is computed.
 */
export function checkPageSizes(
  firstArguments: readonly ValueNode[],
  variables: Readonly<Record<string, unknown>>,
  maxPageSize: number,
): void {
  for (const node of firstArguments) {
    const value =
      node.kind === 'IntValue'
        ? Number(node.value)
        : node.kind === 'Variable'
          ? variables[node.name.value]
          : null;
    if (typeof value === 'number' && value > maxPageSize) {
      throw limitError('MAX_PAGE_SIZE', '`first`', maxPageSize, value, ['first']);
    }
  }
}

/** The values of the `first` arguments of a document. */
export function firstArgumentsOf(document: DocumentNode): ValueNode[] {
  const values: ValueNode[] = [];
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first') values.push(node.value);
    },
  });
  return values;
}

function rewrite(target: GraphQLError, shaped: ServiceError): void {
  target.message = shaped.message;
  Object.assign(target.extensions as Record<string, unknown>, shaped.extensions);
}

function countTokens(source: string | undefined): number {
  if (source === undefined) return 0;
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  } catch {
    // A lexing error further on: the tokens up to it are enough to show the limit was passed.
  }
  return tokens;
}
