import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity, type DemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { Region } from '../region/region.entity';
import { TrainingCourse } from '../training/training-course.entity';
import { demoWorkforce } from './workforce';

/**
 * Loads the demo city's directory when the database has no regions yet, then its workforce records when
 * there are none yet (a database seeded before they existed gets them too): one statement per table.
 */
export async function seedPeopleDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  const city = generateDemoCity(options);
  const directory = (await em.count(Region, {})) > 0 ? 0 : await seedDirectory(em, city);
  if ((await em.count(TrainingCourse, {})) > 0) return directory;
  const rows = demoWorkforce(city);
  await em.transactional(async (tx) => {
    // in the order of WorkforceRows: courses before their attendance
    for (const [table, tableRows] of Object.entries(rows)) await bulkInsert(tx, table, tableRows);
  });
  return directory + Object.values(rows).reduce((sum, tableRows) => sum + tableRows.length, 0);
}

/**
 * The directory: organisations go in without leaders (people need their organisation first), then
 * leaders are set.
 */
async function seedDirectory(em: EntityManager, city: DemoCity): Promise<number> {
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
