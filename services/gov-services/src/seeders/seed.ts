import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity, type DemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { ServiceItem } from '../item/item.entity';
import { rebuildRollups } from '../rollup/recount';
import { demoCatalogue } from './catalogue';
import { demoCentres } from './centres';
import { demoRoster } from './roster';
import { RECORD_FIRST_VERSIONS } from '../migrations/Migration20261205040000';
import { demoCases } from './cases';
import { CASE_COLUMNS, copyRows, RATING_COLUMNS, SUSPENSION_COLUMNS, withoutSecondaryIndexes } from './bulk';

const countyCodes = (city: DemoCity) => city.regions.filter((r) => r.level === 'COUNTY').map((r) => r.code);

/** Each county's item catalogue and centres (a few thousand rows). */
export async function loadDemoCatalogue(em: EntityManager, city: DemoCity): Promise<number> {
  let rows = 0;
  for (const county of countyCodes(city)) {
    const items = demoCatalogue(county);
    const centres = demoCentres({
      ...city,
      organizations: city.organizations.filter((o) => o.regionCode.startsWith(county)),
    });
    const rosters = centres.map(demoRoster);
    await bulkInsert(em, 'service_item', items);
    await bulkInsert(
      em,
      'service_centre',
      centres.map(
        ({ agents: _agents, windows: _windows, staff: _staff, longServing: _longServing, ...centre }) =>
          centre,
      ),
    );
    await bulkInsert(
      em,
      'service_window',
      rosters.flatMap((roster) => roster.windows),
    );
    await bulkInsert(
      em,
      'service_staff',
      rosters.flatMap((roster) => roster.staff),
    );
    rows += items.length + centres.length;
  }
  // each item's first version, in effect since before the first case
  await em.getConnection().execute(RECORD_FIRST_VERSIONS, [], 'run', em.getTransactionContext());
  return rows;
}

/**
 * Cases, ratings and suspensions for each county and year, by COPY, one county-year at a time: the next
 * county is generated while the last one streams in (Node and PostgreSQL overlap). No indexes, no
 * rollups: see `loadDemoCases`. Returns the cases written.
 */
export async function copyDemoCases(
  em: EntityManager,
  city: DemoCity,
  years: number[],
  until: string,
  scale = 1,
): Promise<number> {
  let cases = 0;
  let pending: Promise<void> = Promise.resolve();
  for (const [index, county] of countyCodes(city).entries()) {
    const items = demoCatalogue(county);
    const centres = demoCentres({
      ...city,
      organizations: city.organizations.filter((o) => o.regionCode.startsWith(county)),
    });
    for (const year of years) {
      const rows = demoCases(county, index, year, items, centres, until, scale);
      await pending;
      pending = (async () => {
        await copyRows(em, 'service_case', CASE_COLUMNS, rows.cases);
        await copyRows(em, 'case_rating', RATING_COLUMNS, rows.ratings);
        await copyRows(em, 'case_suspension', SUSPENSION_COLUMNS, rows.suspensions);
      })();
      // awaited on the next turn; until then a failure must not count as unhandled
      pending.catch(() => undefined);
      // let the first rows reach the socket before the next county's generation takes the thread
      await new Promise((resolve) => setImmediate(resolve));
      cases += rows.cases.length;
    }
  }
  await pending;
  return cases;
}

/**
 * Cases in bulk with the case table's secondary indexes built after, then every rollup recounted from
 * them in SQL, all in the caller's transaction. Returns the cases written.
 */
export async function loadDemoCases(
  em: EntityManager,
  city: DemoCity,
  years: number[],
  until: string,
  scale = 1,
): Promise<number> {
  let cases = 0;
  await withoutSecondaryIndexes(em, 'service_case', async () => {
    cases = await copyDemoCases(em, city, years, until, scale);
  });
  await rebuildRollups(em);
  return cases;
}

/** The demo: catalogue and centres of every county, and two years (2018–2019) of cases. Idempotent. */
export async function seedGovServicesDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(ServiceItem, {})) > 0) return 0;
  const city = generateDemoCity(options);
  // one transaction: a failed seed leaves nothing behind, and the next start tries again
  return em.transactional(
    async (tx) =>
      (await loadDemoCatalogue(tx, city)) + (await loadDemoCases(tx, city, [2018, 2019], '2019-12-31')),
  );
}
