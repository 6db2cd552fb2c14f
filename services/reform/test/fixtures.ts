import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { PersonRole } from '@county/domain';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';

export const city = generateDemoCity({ counties: 1 });
export const department = (key: string) =>
  demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, `dept:${key}`));
export const countyLeader = city.people.find((p) => p.roles.includes(PersonRole.COUNTY_LEADER))!;
export const reformOffice = as.role('reform-office');
export const actingFor = (organizationId: string) => as.role(`department:${organizationId}`);
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The people subgraph (the directory) and the reform subgraph over it, both with the demo county. */
export async function startReform(): Promise<{ people: TestSubgraph; reform: TestSubgraph }> {
  const people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  const reform = await startTestSubgraph(reformSubgraph, { demoCounties: 1, directory: people });
  return { people, reform };
}

/** Rows in each reform table: a refused write must leave them as they were. */
export async function tableCounts(reform: TestSubgraph): Promise<Record<string, string>> {
  const [row] = await reform.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from reform_task) tasks, (select count(*) from milestone) milestones,
        (select count(*) from progress_report) reports, (select count(*) from supervision_order) orders,
        (select sum(version) from reform_task) versions, (select count(*) from work_point) points`,
    );
  return row;
}
