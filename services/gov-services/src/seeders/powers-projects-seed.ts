import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity, type DemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { pgArray } from '../pg-array';
import { AdministrativePower } from '../power/power.entity';
import { ServiceLevel } from '../vocabulary';
import { demoCatalogue } from './catalogue';
import { demoCentres } from './centres';
import { demoDelegations, demoPowers } from './powers';
import { demoProjects } from './projects';
import { dropEmptyRollupRows, giveStepsCases } from './project-cases';
import { bookRollupDeltas, type RollupDelta } from '../rollup/book';
import { regionAndAncestors } from '../rollup/families';
import { clearStatsCache } from '../stats/stats-cache';

const countyCodes = (city: DemoCity) => city.regions.filter((r) => r.level === 'COUNTY').map((r) => r.code);

/** Each county's 权责清单 (its items linked), its delegations, and its investment projects with their steps. */
export async function loadDemoPowersAndProjects(em: EntityManager, city: DemoCity): Promise<number> {
  let rows = 0;
  const caseDeltas: RollupDelta[] = [];
  for (const county of countyCodes(city)) {
    const { powers, itemPower } = demoPowers(county);
    const townshipItemPowers = new Set(
      demoCatalogue(county)
        .filter((item) => item.levels.includes(ServiceLevel.TOWNSHIP) && itemPower.has(item.id))
        .map((item) => itemPower.get(item.id)!),
    );
    const delegations = demoDelegations(city, county, powers, townshipItemPowers);
    const centre = demoCentres({
      ...city,
      organizations: city.organizations.filter((o) => o.regionCode.startsWith(county)),
    }).find((c) => c.level === ServiceLevel.COUNTY);
    const { projects, steps } = demoProjects(city, county, centre);
    if (centre) {
      const items = new Map(demoCatalogue(county).map((item) => [item.id, item]));
      caseDeltas.push(...(await giveStepsCases(em, projects, steps, centre, items)));
    }
    await bulkInsert(em, 'administrative_power', powers);
    const links = [...itemPower.entries()];
    await em.getConnection().execute(
      `update service_item i set power_id = l.power_id
         from unnest(?::uuid[], ?::uuid[]) as l(item_id, power_id) where i.id = l.item_id`,
      [pgArray(links.map(([item]) => item)), pgArray(links.map(([, power]) => power))],
      'run',
      em.getTransactionContext(),
    );
    // in slices: one JSON parameter of 18,000 delegations is several megabytes
    for (let i = 0; i < delegations.length; i += 5000)
      await bulkInsert(em, 'power_delegation', delegations.slice(i, i + 5000));
    await bulkInsert(em, 'investment_project', projects);
    await bulkInsert(em, 'approval_step', steps);
    rows += powers.length + delegations.length + projects.length + steps.length;
  }
  // the steps' cases taken over or added: their old contributions off the rollups, their new ones on
  if (caseDeltas.length) {
    await bookRollupDeltas(em, caseDeltas);
    await dropEmptyRollupRows(em, [...new Set(caseDeltas.flatMap((d) => regionAndAncestors(d.regionCode)))]);
    clearStatsCache();
  }
  return rows + caseDeltas.filter((d) => d.counters.received === 1).length;
}

/** The powers and projects demo, once (nothing when the list holds powers already), after the catalogue. */
export async function seedPowersAndProjects(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(AdministrativePower, {})) > 0) return 0;
  // the province's further counties too (provinceCities): each county's rows are keyed by its own code
  const city = generateDemoCity(options);
  return em.transactional((tx) => loadDemoPowersAndProjects(tx, city));
}
