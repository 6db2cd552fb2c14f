import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { collectEventRows, govServicesSubgraph, RECOUNT } from '@county/gov-services';
import { startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { demoCatalogue } from '../src/seeders/catalogue';
import { demoCentres } from '../src/seeders/centres';
import { loadDemoCatalogue } from '../src/seeders/seed';
import { ServiceLevel } from '../src/vocabulary';

export const city = generateDemoCity({ counties: 1 });
export const items = demoCatalogue(DEMO_COUNTY_CODE);
export const centres = demoCentres(city);
export const countyCentre = centres.find((c) => c.level === ServiceLevel.COUNTY)!;
export const townshipCentre = centres.find((c) => c.level === ServiceLevel.TOWNSHIP)!;
export const otherTownshipCentre = centres.filter((c) => c.level === ServiceLevel.TOWNSHIP)[1];
export const villageRoom = centres.find((c) => c.level === ServiceLevel.VILLAGE)!;
/** Item 0 is high-frequency and can be handled at every level; item 200 only at the county centre. */
export const everywhereItem = items.find(
  (i) => i.levels.includes(ServiceLevel.VILLAGE) && i.committed_limit >= 10,
)!;
export const countyOnlyItem = items[200];

/** People (the directory) and gov-services with the demo catalogue and centres but no cases. */
export async function startFixtures(): Promise<{ people: TestSubgraph; gov: TestSubgraph }> {
  const people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  const gov = await startTestSubgraph(govServicesSubgraph, { directory: people });
  await gov.orm.em.fork().transactional((em) => loadDemoCatalogue(em, city));
  return { people, gov };
}

/** The rollups against a full recount of the cases, table by table: the number of rows that differ. */
export async function rollupDifferences(orm: MikroORM): Promise<Record<string, number>> {
  const differences: Record<string, number> = {};
  await orm.em.fork().transactional(async (tx) => {
    const source = await collectEventRows(tx);
    for (const [table, recount] of Object.entries(RECOUNT)) {
      const [row] = await tx.getConnection().execute(
        `select count(*)::int n from ((select ${recount.columns} from ${table} except ${recount.select(source)})
           union all (${recount.select(source)} except select ${recount.columns} from ${table})) d`,
        [],
        'all',
        tx.getTransactionContext(),
      );
      differences[table] = row.n;
    }
  });
  return differences;
}

/** What `rollupDifferences` gives when the rollups hold: 0 for every table. */
export const NO_DIFFERENCES = Object.fromEntries(Object.keys(RECOUNT).map((table) => [table, 0]));

/** A GraphQL answer that must have no errors: its data. */
export const ok = async (pending: Promise<{ data?: any; errors?: unknown }>) => {
  const result = await pending;
  expect(result.errors).toBeUndefined();
  return result.data;
};
