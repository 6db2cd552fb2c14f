import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { govServicesSubgraph } from '@county/gov-services';
import { startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { demoCatalogue } from '../src/demo/catalogue';
import { demoCentres } from '../src/demo/centres';
import { loadDemoCatalogue } from '../src/demo/seed';
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
