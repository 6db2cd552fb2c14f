import type { EntityClass, EntityMetadata, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { SubgraphContext } from './context';
import { badInput, notFound } from './errors';
import { manyByKey, oneByKey } from './loaders';
import { PreparedRead } from './prepared-read';

type Key = string | number;

/** `asc`, `DESC NULLS LAST`, …: the directions an order map may give (or 1 / -1). */
const DIRECTION = /^(asc|desc)( nulls (first|last))?$/i;

/**
 * The one statement that reads `entity` rows by `column`, whatever the number of keys: `= any(?)` with the
 * keys as one array, so PostgreSQL plans it once per connection (PreparedRead) where `in (…)` with the keys
 * written in was a new statement for each set of keys, built by the ORM's query builder on every call (most
 * of a subgraph's CPU for an entity call). Kept per entity's metadata (one ORM's), by column and order: a
 * fixed set, from the code.
 */
const statements = new WeakMap<EntityMetadata, Map<string, PreparedRead<Record<string, unknown>>>>();

function statementFor<T extends object>(
  ctx: SubgraphContext,
  meta: EntityMetadata<T>,
  column: string,
  orderBy?: QueryOrderMap<T>,
): PreparedRead<Record<string, unknown>> {
  const id = `${column} ${JSON.stringify(orderBy ?? {})}`;
  let ofEntity = statements.get(meta as EntityMetadata);
  if (!ofEntity) statements.set(meta as EntityMetadata, (ofEntity = new Map()));
  let statement = ofEntity.get(id);
  if (statement) return statement;
  const platform = ctx.em.getPlatform();
  const field = (property: string) => {
    const names = (meta.properties as Record<string, { fieldNames?: string[] } | undefined>)[property]
      ?.fieldNames;
    if (names?.length !== 1) throw new Error(`${meta.className}.${property} is not a column of its own`);
    return platform.quoteIdentifier(names[0]);
  };
  const order = Object.entries(orderBy ?? {}).map(([property, direction]) => {
    const written = direction === 1 ? 'asc' : direction === -1 ? 'desc' : String(direction);
    if (!DIRECTION.test(written))
      throw new Error(`${meta.className}.${property}: cannot order by ${written}`);
    return `${field(property)} ${written.toLowerCase()}`;
  });
  const table = platform.quoteIdentifier(meta.schema ? `${meta.schema}.${meta.tableName}` : meta.tableName);
  statement = PreparedRead.of<Record<string, unknown>>(
    `select * from ${table} where ${field(column)} = any(?)${order.length ? ` order by ${order.join(', ')}` : ''}`,
  );
  ofEntity.set(id, statement);
  return statement;
}

/**
 * Reads rows as plain objects with property names (the ORM's own mapping of a row, as its query builder
 * applies it): no identity map, change-tracking snapshot or entity instance per row (a read needs none, and
 * they were most of a subgraph's CPU per request). Writes load managed entities through the EntityManager.
 * Inside a transaction the read runs on the transaction's connection.
 */
async function readRows<T extends object>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  column: keyof T & string,
  keys: readonly Key[],
  orderBy?: QueryOrderMap<T>,
): Promise<T[]> {
  const meta = ctx.em.getMetadata().get<T>(entity.name);
  const rows = await statementFor(ctx, meta, column, orderBy).run(ctx.em, [[...keys]]);
  const driver = ctx.em.getDriver();
  return rows.map((row) => driver.mapResult(row as T, meta) as T);
}

/** Loads `entity` rows by a unique column (its key, a code): one `where key = any(…)` per tick. */
export function entityLoader<T extends object, K extends keyof T & string>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  key: K,
): DataLoader<Key, T | null> {
  return ctx.loaders.get<Key, T | null>(`${entity.name}.${key}`, async (keys) => {
    const rows = await readRows(ctx, entity, key, keys);
    return oneByKey(keys, rows, (row) => row[key] as Key);
  });
}

/** Loads the `entity` rows whose `column` equals each key (children of a parent): one statement per tick. */
export function entityGroupLoader<T extends object, K extends keyof T & string>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  column: K,
  orderBy: QueryOrderMap<T>,
): DataLoader<Key, T[]> {
  return ctx.loaders.get<Key, T[]>(`${entity.name}.by.${column}`, async (keys) => {
    const rows = await readRows(ctx, entity, column, keys, orderBy);
    return manyByKey(keys, rows, (row) => row[column] as Key);
  });
}

/** The referenced row, or BAD_USER_INPUT naming `field` with rule `exists`. */
export async function requireExisting<T extends object, K extends keyof T & string>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  key: K,
  value: Key,
  field: string,
): Promise<T> {
  const row = await entityLoader(ctx, entity, key).load(value);
  if (!row) throw badInput(field, 'exists', `no ${entity.name.toLowerCase()} has ${key} ${value}`);
  return row;
}

/** Escapes LIKE wildcards so a searched name matches literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The record a mutation changes, as a managed entity (the loaders' plain rows are not tracked), or NOT_FOUND. */
export async function findForUpdate<T extends object, K extends keyof T & string>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  key: K,
  value: Key,
  field: string,
): Promise<T> {
  const row = await ctx.em.findOne(entity, { [key]: value } as FilterQuery<T>);
  if (!row) throw notFound(field, `no ${entity.name.toLowerCase()} has ${key} ${value}`);
  return row;
}
