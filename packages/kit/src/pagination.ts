import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { badInput } from './errors';

/** The hard maximum page size: a client cannot ask one request for more rows than this. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page' })
  after?: string;
}

// every subgraph has paginated lists: the same value type, resolvable by each of them
@ObjectType({ description: 'Where a page stands in its list' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'True when more items follow this page' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page' })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  /** Counted only when the client selects `totalCount`: a getter, read by the field's resolver. */
  readonly totalCount: Promise<number>;
}

/** A `<Name>Connection` type: `totalCount`, `nodes` and `pageInfo`, as every growing list returns. */
export function ConnectionType<T extends object>(node: ClassType<T>, description: string) {
  @ObjectType(`${node.name}Connection`, { description })
  class Connection implements Page<T> {
    @Field(() => Int, { description: 'Items in the whole list, across all pages' })
    totalCount!: Promise<number>;

    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return Connection;
}

type CursorValue = string | number;

function decodeCursor(after: string): [CursorValue, CursorValue] {
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((v) => ['string', 'number'].includes(typeof v))
    ) {
      return value as [CursorValue, CursorValue];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'cursor', 'is not a cursor this list returned');
}

const encodeCursor = (sort: CursorValue, key: CursorValue) =>
  Buffer.from(JSON.stringify([sort, key])).toString('base64url');

export function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (first < 1) throw badInput('first', 'min', 'must be at least 1');
  if (first > MAX_PAGE_SIZE) throw badInput('first', 'max', `must be at most ${MAX_PAGE_SIZE}`);
  return first;
}

/**
 * Keyset pagination ordered by (`sort`, `key`), with `key` unique: pages stay stable while rows are added,
 * and deep pages cost the same as the first. One statement for the page, one for the count when asked.
 */
export async function paginate<T extends object, S extends keyof T & string, K extends keyof T & string>(
  qb: QueryBuilder<T>,
  args: PageArgs,
  sort: S,
  key: K,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const countQuery = qb.clone();
  if (args.after) {
    const [sortValue, keyValue] = decodeCursor(args.after);
    qb.andWhere({
      $or: [{ [sort]: { $gt: sortValue } }, { [sort]: sortValue, [key]: { $gt: keyValue } }],
    } as never);
  }
  qb.orderBy({ [sort]: 'asc', [key]: 'asc' } as never).limit(size + 1);
  // plain rows, as the loaders read them (see entity-loaders)
  const rows: T[] = await qb.execute('all', true);
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  let count: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor(last[sort] as CursorValue, last[key] as CursorValue) : null,
    },
    get totalCount() {
      count ??= countQuery.getCount();
      return count;
    },
  };
}
