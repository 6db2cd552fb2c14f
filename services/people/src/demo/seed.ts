import type { MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { Region } from '../region/region.entity';

/**
 * Loads the demo city's directory when the database has no regions yet: one statement per table.
 * Organisations go in without leaders (people need their organisation first), then leaders are set.
 */
export async function seedPeopleDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(Region, {})) > 0) return 0;
  const city = generateDemoCity({ counties: options.counties });
  await em.transactional(async (tx) => {
    await bulkInsert(
      tx,
      'region',
      city.regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })),
    );
    await bulkInsert(
      tx,
      'organization',
      city.organizations.map((o) => ({
        id: o.id,
        name: o.name,
        type: o.type,
        region_code: o.regionCode,
        parent_id: o.parentId,
        credit_code: o.creditCode,
      })),
    );
    await bulkInsert(
      tx,
      'person',
      city.people.map((p) => ({
        id: p.id,
        name: p.name,
        gender: p.gender,
        birth_date: p.birthDate,
        roles: p.roles,
        organization_id: p.organizationId,
        position: p.position,
        phone: p.phone,
        id_number: p.idNumber,
      })),
    );
    const leaders = city.organizations
      .filter((o) => o.leaderId)
      .map((o) => ({ id: o.id, leader_id: o.leaderId }));
    await tx
      .getConnection()
      .execute(
        'update organization o set leader_id = l.leader_id from json_to_recordset(?::json) as l(id uuid, leader_id uuid) where o.id = l.id',
        [JSON.stringify(leaders)],
        'run',
        tx.getTransactionContext(),
      );
  });
  return city.regions.length + city.organizations.length + city.people.length;
}
