import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '@county/kit';
import type { ServiceItem } from './item.entity';
import { ServiceItemVersion } from './item-version.entity';

/**
 * The version of `item` in effect on `day` (YYYY-MM-DD, China), the one a case received that day is handled
 * under; BAD_USER_INPUT on `input.itemId` when the item is retired by then or not yet in effect.
 */
export async function versionInEffect(
  em: EntityManager,
  item: ServiceItem,
  day: string,
): Promise<ServiceItemVersion> {
  if (item.retiredFrom && day >= item.retiredFrom)
    throw badInput('input.itemId', 'retired', `the item is retired from ${item.retiredFrom}`);
  const version = await em.findOne(
    ServiceItemVersion,
    { itemId: item.id, effectiveFrom: { $lte: day } },
    { orderBy: { effectiveFrom: 'desc' } },
  );
  if (!version) throw badInput('input.itemId', 'in-effect', `the item is not yet in effect on ${day}`);
  return version;
}
