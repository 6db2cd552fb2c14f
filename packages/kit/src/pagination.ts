import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { SubgraphContext } from './context';
import { badInput } from './errors';
import { readStatement } from './prepared-read';

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

/** A cursor this list hands out is a few dozen characters; anything much longer is not one. */
const MAX_CURSOR_LENGTH = 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d{1,19}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const INTEGER_RANGE: Record<string, number> = {
  smallint: 32_767,
  int2: 32_767,
  integer: 2_147_483_647,
  int: 2_147_483_647,
  int4: 2_147_483_647,
};

/**
 * Whether a cursor value fits the column it is compared with (the column type MikroORM knows): a value
 * of another type, or text PostgreSQL cannot hold, would otherwise fail in the database as an internal
 * error, with the SQL in the log.
 */
function fitsColumn(value: CursorValue, columnType: string): boolean {
  const type = columnType.toLowerCase().replace(/\(.*$/, '');
  if (type === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (type in INTEGER_RANGE)
    return Number.isInteger(value) && Math.abs(value as number) <= INTEGER_RANGE[type];
  if (type === 'bigint' || type === 'int8')
    return (
      (typeof value === 'number' && Number.isSafeInteger(value)) ||
      (typeof value === 'string' && INTEGER.test(value))
    );
  if (
    ['numeric', 'decimal', 'real', 'double', 'double precision', 'float', 'float4', 'float8'].includes(type)
  )
    return typeof value === 'number' && Number.isFinite(value);
  if (type === 'date')
    return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value));
  if (type.startsWith('timestamp'))
    return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
  return typeof value === 'string' && !value.includes('\u0000');
}

function decodeCursor(after: string, columnTypes: [string, string]): [CursorValue, CursorValue] {
  let value: unknown;
  try {
    if (after.length <= MAX_CURSOR_LENGTH)
      value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every(
      (v, i) => ['string', 'number'].includes(typeof v) && fitsColumn(v as CursorValue, columnTypes[i]),
    )
  ) {
    return value as [CursorValue, CursorValue];
  }
  throw badInput(
    'after',
    'cursor',
    'is not a cursor this list returned: pass a `pageInfo.endCursor` of the same list',
  );
}

const encodeCursor = (sort: CursorValue, key: CursorValue) =>
  Buffer.from(JSON.stringify([sort, key])).toString('base64url');

export function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (first < 1) throw badInput('first', 'min', 'must be at least 1');
  if (first > MAX_PAGE_SIZE) throw badInput('first', 'max', `must be at most ${MAX_PAGE_SIZE}`);
  return first;
}

/** A list's filters as one SQL condition on the list's alias (`?` placeholders), and its values. */
export interface RowFilter {
  sql: string;
  params: readonly unknown[];
}

/** The quoted column of a property, and its database type, for a list's keyset. */
function listColumn<T extends object>(ctx: SubgraphContext, meta: EntityMetadata<T>, property: string) {
  const prop = (
    meta.properties as Record<string, { fieldNames?: string[]; columnTypes?: string[] } | undefined>
  )[property];
  if (prop?.fieldNames?.length !== 1)
    throw new Error(`${meta.className}.${property} is not a column of its own`);
  return {
    sql: ctx.em.getPlatform().quoteIdentifier(prop.fieldNames[0]),
    type: prop.columnTypes?.[0] ?? 'text',
  };
}

/**
 * A page of a list whose filters are one SQL condition, keyset-ordered by (`sort`, `key`) with `key` unique:
 * pages stay stable while rows are added, and deep pages cost the same as the first. One statement for the
 * page, one for the count when asked and not already known (a first page with no next page is the whole
 * list, as the cockpit's alert lists usually are). Written as SQL, not through MikroORM's query builder,
 * whose compiling of criteria, clone and order was most of a list call's CPU (0.7–0.9 ms a page, profiled).
 * Unnamed statements: a list's best plan depends on its filter's values (a region's `LIKE` prefix).
 */
export async function pageRows<T extends object, S extends keyof T & string, K extends keyof T & string>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  alias: string,
  filter: RowFilter,
  args: PageArgs,
  sort: S,
  key: K,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const meta = ctx.em.getMetadata().get<T>(entity.name);
  const platform = ctx.em.getPlatform();
  const table = platform.quoteIdentifier(meta.schema ? `${meta.schema}.${meta.tableName}` : meta.tableName);
  const [sortColumn, keyColumn] = [listColumn(ctx, meta, sort), listColumn(ctx, meta, key)];
  const from = `from ${table} ${alias}${filter.sql ? ` where ${filter.sql}` : ''}`;
  const conditions = filter.sql ? [`(${filter.sql})`] : [];
  const values = [...filter.params];
  if (args.after) {
    const [sortValue, keyValue] = decodeCursor(args.after, [sortColumn.type, keyColumn.type]);
    // a row comparison: the (sort, key) index's range, the same order as `order by` below
    conditions.push(`(${alias}.${sortColumn.sql}, ${alias}.${keyColumn.sql}) > (?, ?)`);
    values.push(sortValue, keyValue);
  }
  const rows = await readStatement<T>(
    ctx.em,
    `select ${alias}.* from ${table} ${alias}${conditions.length ? ` where ${conditions.join(' and ')}` : ''}
      order by ${alias}.${sortColumn.sql}, ${alias}.${keyColumn.sql} limit ?`,
    [...values, size + 1],
  );
  const driver = ctx.em.getDriver();
  const nodes = rows.slice(0, size).map((row) => driver.mapResult(row, meta) as T);
  const last = nodes.at(-1);
  let count: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor(last[sort] as CursorValue, last[key] as CursorValue) : null,
    },
    get totalCount() {
      count ??=
        !args.after && rows.length <= size
          ? Promise.resolve(nodes.length)
          : readStatement<{ n: number }>(ctx.em, `select count(*)::int as n ${from}`, filter.params).then(
              ([row]) => row.n,
            );
      return count;
    },
  };
}

/** The rows every filter given keeps: their conditions joined by `and` (an empty filter keeps every row). */
export function allOf(...filters: (RowFilter | undefined)[]): RowFilter {
  const given = filters.filter((filter): filter is RowFilter => !!filter?.sql);
  return {
    sql: given.map((filter) => `(${filter.sql})`).join(' and '),
    params: given.flatMap((filter) => filter.params),
  };
}
