import { Field, Int, ObjectType } from 'type-graphql';
import type { Config } from '../config.js';
import { ServiceError } from '../errors.js';
import { Enrollment } from './enrollment/enrollment.type.js';

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow: ask again with after: endCursor.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when the page does not start at the beginning of the list.' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first item of the page; null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The cursor of the last item of the page, to pass as after for the next page; null when the page is empty.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'One enrollment of a page, with its cursor.' })
export class EnrollmentEdge {
  @Field(() => String, { description: 'Opaque; valid as `after` with the same orderBy.' })
  cursor!: string;

  @Field(() => Enrollment, { description: 'The enrollment.' })
  node!: Enrollment;
}

@ObjectType({ description: 'A page of enrollments (cursor pagination, forward only).' })
export class EnrollmentConnection {
  @Field(() => [EnrollmentEdge], {
    description: "The page's enrollments in order, each with its cursor; [] past the end.",
  })
  edges!: EnrollmentEdge[];

  @Field(() => [Enrollment], { description: 'The nodes of edges, for clients that need no cursors.' })
  nodes!: Enrollment[];

  @Field(() => PageInfo, { description: 'Cursors of the page and whether more follow.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching enrollments over all pages (after filtering).' })
  totalCount!: number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** `first` after validation: the default when absent; BAD_USER_INPUT when negative or above the cap. */
export function pageSizeOf(
  first: number | null | undefined,
  config: Pick<Config, 'defaultPageSize' | 'maxPageSize'>,
): number {
  if (first === null || first === undefined) return config.defaultPageSize;
  if (first < 0)
    throw new ServiceError('BAD_USER_INPUT', '`first` must not be negative', { fieldPaths: ['first'] });
  if (first > config.maxPageSize) {
    throw new ServiceError('BAD_USER_INPUT', `\`first\` must be at most ${config.maxPageSize}`, {
      fieldPaths: ['first'],
      limit: config.maxPageSize,
      actual: first,
      limitName: 'MAX_PAGE_SIZE',
    });
  }
  return first;
}

/** Cursors are base64url JSON: opaque to clients, checked on the way back in. */
export function encodeCursor(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The payload of a cursor; BAD_USER_INPUT naming `after` when it is not one of ours. */
export function decodeCursor(cursor: string): unknown {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformedCursor();
  }
}

export function malformedCursor(reason = 'is not a cursor of this list'): ServiceError {
  return new ServiceError('BAD_USER_INPUT', `\`after\` ${reason}`, { fieldPaths: ['after'] });
}

/**
 * The page of `sorted` from index `start`, `size` items long. Cursors are encoded only when read
 * (a page asked for its nodes and endCursor encodes one, not one an item), each once.
 */
export function connectionOf<T>(
  sorted: readonly T[],
  start: number,
  size: number,
  cursorOf: (item: T) => string,
): Connection<T> {
  const nodes = sorted.slice(start, start + size);
  let edges: { cursor: string; node: T }[] | undefined;
  const cursors = new Map<number, string>();
  const cursorAt = (i: number) => {
    let cursor = cursors.get(i);
    if (cursor === undefined) cursors.set(i, (cursor = cursorOf(nodes[i]!)));
    return cursor;
  };
  return {
    get edges() {
      return (edges ??= nodes.map((node, i) => ({ cursor: cursorAt(i), node })));
    },
    nodes,
    pageInfo: {
      hasNextPage: start + nodes.length < sorted.length,
      hasPreviousPage: start > 0,
      get startCursor() {
        return nodes.length === 0 ? null : cursorAt(0);
      },
      get endCursor() {
        return nodes.length === 0 ? null : cursorAt(nodes.length - 1);
      },
    },
    totalCount: sorted.length,
  };
}
