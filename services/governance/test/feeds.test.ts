import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { as, startTestSubgraph, subgraphHeaders, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { governanceRollupDifferences } from '../src/rollup-differences';
import { dyhjCsv, dyhjDayExport } from '../src/seeders/dyhj-export';

/**
 * The province's mediation platform export (矛盾纠纷多元化解平台) delivered by the county's governance centre:
 * it lands with bad rows refused by row, column and value; the same file changes nothing; a corrected file
 * changes exactly its disputes; the dispute rollups equal their recount throughout.
 */
let people: TestSubgraph;
let governance: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const villages = city.regions
  .filter((r) => r.code.length === 12 && r.code.startsWith(DEMO_COUNTY_CODE))
  .map((r) => r.code);
const centre = as.role(
  `department:${demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, 'dept:political-legal'))}`,
);
const township = as.role(`township:${villages[0].slice(0, 9)}`);
const day = dyhjDayExport({ day: '2019-06-03', count: 30, villages, badRows: true });

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 1, directory: people });
}, 120_000);
afterAll(async () => {
  await governance?.close();
  await people?.close();
});

const sql = async (text: string, params: unknown[] = []) =>
  (await governance.orm.em.fork().getConnection().execute(text, params)) as any[];
async function deliver(file: Buffer, identity = centre) {
  const response = await fetch(governance.url.replace(/\/graphql$/, '/files/feeds/dyhj-disputes'), {
    method: 'POST',
    headers: await subgraphHeaders(governance, identity),
    body: new Uint8Array(file),
  });
  return { status: response.status, body: (await response.json()) as any };
}
const noDifferences = {
  dispute_rollup_day: 0,
  dispute_rollup_month: 0,
  petition_rollup_day: 0,
  petition_rollup_month: 0,
};
const fed = async () =>
  new Map(
    (
      await sql(
        `select f.source_id, to_jsonb(d) || jsonb_build_object('withdrawn', f.withdrawn_at is not null) as row from feed_record f join dispute d on d.id = f.record_id`,
      )
    ).map((r) => [r.source_id as string, JSON.stringify(r.row)]),
  );

it("refuses a township's clerk: deliveries are the county governance centre's", async () => {
  const { status, body } = await deliver(dyhjCsv(day), township);
  expect(status).toBe(403);
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
});

it("lands a day's export, refusing an unmapped kind code and a resolution without its level, rollups kept", async () => {
  const [{ n: before }] = await sql(`select count(*)::int n from dispute`);
  const { status, body } = await deliver(dyhjCsv(day));
  expect(status).toBe(200);
  expect(body.result).toMatchObject({ rows: 30, inserted: 28, rejectedCount: 2 });
  expect(body.result.rejected).toEqual([
    expect.objectContaining({ row: 3, column: '纠纷类型', value: '88', rule: 'code' }),
    expect.objectContaining({ row: 5, column: '化解层级', rule: 'required' }),
  ]);
  expect(await sql(`select count(*)::int n from dispute`)).toEqual([{ n: before + 28 }]);
  const [{ n: steps }] = await sql(
    `select count(*)::int n from dispute_step where actor = 'feed:dyhj-disputes'`,
  );
  const moved = day.filter((r, i) => ![1, 3].includes(i) && r.办理状态 !== '10').length;
  expect(steps).toBe(28 + moved);
  expect(await governanceRollupDifferences(governance.orm.em)).toEqual(noDifferences);
});

it('changes nothing for the same file again, and exactly the corrected disputes for a corrected one', async () => {
  const first = await fed();
  const again = await deliver(dyhjCsv(day));
  expect(again.body.result).toMatchObject({ changed: 0, unchanged: 28 });
  expect(await fed()).toEqual(first);

  const corrected = day.map((row) => ({ ...row }));
  const running = corrected.findIndex((r, i) => i > 3 && r.办理状态 === '20');
  Object.assign(corrected[running], {
    办理状态: '30',
    化解层级: '2',
    化解时间: '2019-06-05 10:00:00',
    协议形式: '1',
  });
  corrected[0].办理状态 = '90';
  corrected[1].纠纷类型 = '02';
  const { body } = await deliver(dyhjCsv(corrected));
  expect(body.result).toMatchObject({ inserted: 1, updated: 2, withdrawn: 1, rejectedCount: 1 });
  const after = await fed();
  const changed = [...after.keys()].filter((id) => after.get(id) !== first.get(id)).sort();
  expect(changed).toEqual([corrected[0], corrected[1], corrected[running]].map((r) => r.纠纷编号).sort());
  const [withdrawn] = await sql(
    `select d.status, f.withdrawn_at is not null as marked from feed_record f join dispute d on d.id = f.record_id where f.source_id = ?`,
    [corrected[0].纠纷编号],
  );
  expect(withdrawn).toEqual({ status: JSON.parse(first.get(corrected[0].纠纷编号)!).status, marked: true });
  const trail = await sql(`select operation from audit_record where request_id = ? order by 1`, [
    `feed-job:${body.id}`,
  ]);
  expect(trail.map((r) => r.operation)).toEqual(['create', 'update', 'update']);
  expect(await governanceRollupDifferences(governance.orm.em)).toEqual(noDifferences);
});

it('says how fresh the dispute figures are beside them', async () => {
  const { data, errors } = await governance.query<any>(
    `query ($code: String!) { _entities(representations: [{ __typename: "Region", code: $code }]) {
       ... on Region { disputeStats(from: "2019-06-01", to: "2019-06-30") { reported freshness { source stale lastDeliveredAt } } } } }`,
    { code: DEMO_COUNTY_CODE },
    centre,
  );
  expect(errors).toBeUndefined();
  expect(data._entities[0].disputeStats.freshness).toEqual([
    { source: 'dyhj-disputes', stale: false, lastDeliveredAt: expect.any(String) },
  ]);
});
