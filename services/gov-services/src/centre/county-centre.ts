import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceLevel } from '../vocabulary';
import { ServiceCentre } from './centre.entity';

/** The county-level centre of the county a region lies in: its organisation is the county's bureau. */
export async function countyCentreOf(
  em: EntityManager,
  regionCode: string,
): Promise<ServiceCentre | undefined> {
  const centre = await em.findOne(ServiceCentre, {
    regionCode: regionCode.slice(0, 6),
    level: ServiceLevel.COUNTY,
  });
  return centre ?? undefined;
}
