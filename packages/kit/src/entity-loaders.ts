import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { SubgraphContext } from './context';
import { badInput, notFound } from './errors';
import { manyByKey, oneByKey } from './loaders';

type Key = string | number;

/**
 * Reads rows as plain objects with property names: no identity map, change-tracking snapshot or entity
 * instance per row (a read needs none, and they were most of a subgraph's CPU per request). Writes load
 * managed entities through the EntityManager as usual.
 */
function readRows<T extends object>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy?: QueryOrderMap<T>,
): Promise<T[]> {
  const qb = ctx.em.createQueryBuilder(entity).where(where);
  if (orderBy) qb.orderBy(orderBy);
  return qb.execute('all', true);
}

/** Loads `entity` rows by a unique column (its key, a code): one `where key in (…)` per tick. */
export function entityLoader<T extends object, K extends keyof T & string>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  key: K,
): DataLoader<Key, T | null> {
  return ctx.loaders.get<Key, T | null>(`${entity.name}.${key}`, async (keys) => {
    const rows = await readRows(ctx, entity, { [key]: { $in: [...keys] } } as FilterQuery<T>);
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
    const rows = await readRows(ctx, entity, { [column]: { $in: [...keys] } } as FilterQuery<T>, orderBy);
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
