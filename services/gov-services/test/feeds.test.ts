import { jest } from '@jest/globals';
import { createLogger, deliverFeed } from '@county/kit';
import { fakeClock, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { caseFeed } from '../src/feeds/case-feed';
import { zwfwCsv, zwfwDayExport, type ZwfwRow } from '../src/seeders/zwfw-export';
import { centres, items, NO_DIFFERENCES, ok, rollupDifferences, startFixtures } from './fixtures';

/**
 * The provincial platform's case export (政务服务平台办件) delivered by POST through the gateway: a day lands
 * with its bad rows refused by row, column and value; the same file again changes nothing; a corrected file
 * changes exactly the corrected cases; the rollups equal a full recount after each delivery.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const clerk = { sub: 'zwfw-clerk', roles: ['approval-bureau'] };
const DAY = '2019-03-05';
const day = zwfwDayExport({ day: DAY, count: 40, items, centres, badRows: true });

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  jest.useRealTimers();
  await gateway.stop();
  await gov.close();
  await people.close();
});

const sql = async (query: string, params: unknown[] = []) =>
  (await gov.orm.em.fork().getConnection().execute(query, params)) as any[];

async function deliver(file: Buffer, claims: { sub: string; roles: string[] } = clerk) {
  const response = await fetch(
    `${gateway.url.replace(/\/graphql$/, '')}/files/gov-services/feeds/zwfw-cases`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${await gateway.token(claims)}`, 'content-type': 'text/csv' },
      body: new Uint8Array(file),
    },
  );
  return { status: response.status, body: (await response.json()) as any };
}
const readyz = async () => (await fetch(gov.url.replace(/\/graphql$/, '/readyz'))).json() as Promise<any>;
const casesBySource = async () =>
  new Map(
    (
      await sql(
        `select f.source_id, to_jsonb(c) - 'id' as row from feed_record f join service_case c on c.id = f.record_id`,
      )
    ).map((r) => [r.source_id as string, JSON.stringify(r.row)]),
  );
const audited = async (jobId: string) =>
  await sql(`select entity_id, operation from audit_record where request_id = ? order by entity_id`, [
    `feed-job:${jobId}`,
  ]);

it('has not delivered yet: /readyz stays ready and warns that the feed never delivered', async () => {
  const ready = await readyz();
  expect(ready.status).toBe('ready');
  expect(ready.feeds.status).toBe('stale');
  expect(ready.feeds.warnings).toEqual(['feed zwfw-cases has never delivered']);
});

it('refuses a caller without the bureau role, and a file missing a mapped column, delivering nothing', async () => {
  const forbidden = await deliver(zwfwCsv(day), { sub: 'someone', roles: ['hr'] });
  expect(forbidden.status).toBe(403);
  const noKey = await deliver(Buffer.from('事项编码,区划代码\nA,B\n'));
  expect(noKey.status).toBe(400);
  expect(noKey.body.error.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'file',
    rule: 'columns',
  });
  expect(noKey.body.error.message).toMatch(/办件编号/);
  expect(await sql(`select count(*)::int n from service_case`)).toEqual([{ n: 0 }]);
});

let firstJob: string;
it("lands a day's GBK export: good rows become cases with events, bad rows are refused by row, column and value", async () => {
  const { status, body } = await deliver(zwfwCsv(day, 'gbk'));
  expect(status).toBe(200);
  expect(body).toMatchObject({
    kind: 'feed',
    source: 'zwfw-cases',
    via: 'post',
    status: 'SUCCEEDED',
    mappingVersion: 1,
  });
  expect(body.result).toMatchObject({
    policy: 'row-level',
    rows: 40,
    landed: 37,
    inserted: 37,
    updated: 0,
    changed: 37,
    rejectedCount: 3,
  });
  expect(body.result.rejected).toEqual([
    expect.objectContaining({ row: 4, column: '事项编码', value: 'X3310999-UNKNOWN-0001', rule: 'code' }),
    expect.objectContaining({ row: 7, column: '办理渠道', value: '7', rule: 'code' }),
    expect.objectContaining({ row: 10, column: '办结时间', rule: 'order' }),
  ]);
  firstJob = body.id;
  expect(await sql(`select count(*)::int n from service_case`)).toEqual([{ n: 37 }]);
  const [events] = await sql(`select count(*)::int n from case_event where recorded_by = 'feed:zwfw-cases'`);
  const completed = day.filter((r, i) => r.办件状态 === '1' && ![2, 5, 8].includes(i)).length;
  expect(events.n).toBe(37 * 2 + completed);
  expect((await audited(firstJob)).length).toBe(37);
  expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
  const [counted] = await sql(
    `select sum(received)::int n from rollup_day where region_code = ? and day = ?`,
    [centres[0].region_code.slice(0, 6), DAY],
  );
  expect(counted.n).toBe(37);
});

it('shows the delivery beside the statistics and in /readyz', async () => {
  const { region } = await ok(
    gateway.query(
      `query ($code: ID!) { region(code: $code) { serviceStats(from: "2019-03-01", to: "2019-03-31") { received freshness { source lastDeliveredAt mappingVersion stale } } } }`,
      { code: centres[0].region_code.slice(0, 6) },
      { claims: clerk },
    ),
  );
  expect(region.serviceStats.freshness).toEqual([
    { source: 'zwfw-cases', lastDeliveredAt: expect.any(String), mappingVersion: 1, stale: false },
  ]);
  expect((await readyz()).feeds).toMatchObject({ status: 'fresh', warnings: [] });
});

it('changes nothing when the same file comes again (0 changed, no audit records)', async () => {
  const before = await casesBySource();
  const { status, body } = await deliver(zwfwCsv(day, 'gbk'));
  expect(status).toBe(200);
  expect(body.result).toMatchObject({ changed: 0, inserted: 0, updated: 0, unchanged: 37, rejectedCount: 3 });
  expect(await casesBySource()).toEqual(before);
  expect(await audited(body.id)).toEqual([]);
});

it('updates exactly the corrected cases, marks a withdrawn one, and keeps the rollups equal to a recount', async () => {
  const before = await casesBySource();
  const corrected: ZwfwRow[] = day.map((row) => ({ ...row }));
  // one completion time corrected, one case withdrawn (撤回), the refused channel code fixed
  const done = corrected.findIndex((r, i) => i > 8 && r.办件状态 === '1');
  corrected[done].办结时间 = `${DAY} 16:59:00`;
  corrected[0] = { ...corrected[0], 办件状态: '9' };
  corrected[5].办理渠道 = '1';
  const { status, body } = await deliver(zwfwCsv(corrected));
  expect(status).toBe(200);
  expect(body.result).toMatchObject({
    inserted: 1,
    updated: 2,
    withdrawn: 1,
    unchanged: 35,
    rejectedCount: 2,
  });
  const after = await casesBySource();
  const changed = [...after.keys()].filter((id) => after.get(id) !== before.get(id)).sort();
  const expected = [corrected[0], corrected[5], corrected[done]].map((r) => r.办件编号).sort();
  expect(changed).toEqual(expected);
  const [withdrawn] = await sql(
    `select c.result, f.withdrawn_at is not null as marked from feed_record f join service_case c on c.id = f.record_id where f.source_id = ?`,
    [corrected[0].办件编号],
  );
  expect(withdrawn).toEqual({ result: 'WITHDRAWN', marked: true });
  const trail = await audited(body.id);
  expect(trail.map((r: any) => r.operation).sort()).toEqual(['create', 'update', 'update']);
  // the corrected completion: only what changed, named as the entity's properties
  const [record] = await sql(
    `select a.before, a.after from audit_record a join feed_record f on f.record_id::text = a.entity_id
      where a.request_id = ? and f.source_id = ?`,
    [`feed-job:${body.id}`, corrected[done].办件编号],
  );
  expect(Object.keys(record.before).sort()).toEqual(expect.arrayContaining(['completedAt']));
  expect(Object.keys(record.before)).not.toContain('itemId');
  expect(record.after).toMatchObject({ sourceId: corrected[done].办件编号 });
  expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
});

it('lands nothing under an all-or-nothing policy when one row fails', async () => {
  const strict = { ...caseFeed, policy: 'all-or-nothing' as const };
  const nextDay = zwfwDayExport({ day: '2019-03-06', count: 12, items, centres, badRows: true });
  const [{ n: cases }] = await sql(`select count(*)::int n from service_case`);
  const job = await deliverFeed(strict, zwfwCsv(nextDay), {
    em: gov.orm.em.fork(),
    subject: 'feed:zwfw-cases',
    roles: ['system'],
    via: 'watch',
    logger: createLogger('gov-services', 'silent'),
  });
  expect(job.status).toBe('FAILED');
  expect(job.error?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'file',
    rule: 'rows',
    policy: 'all-or-nothing',
    rejectedCount: 3,
  });
  expect(await sql(`select count(*)::int n from service_case`)).toEqual([{ n: cases }]);
});

it('shows a feed that has not delivered within its configured age as stale in /readyz, still ready', async () => {
  fakeClock(new Date(Date.now() + 37 * 3_600_000));
  const ready = await readyz();
  const metrics = await (await fetch(gov.url.replace(/\/graphql$/, '/metrics'))).text();
  jest.useRealTimers();
  expect(ready.status).toBe('ready');
  expect(ready.feeds.status).toBe('stale');
  expect(ready.feeds.warnings[0]).toMatch(
    /^feed zwfw-cases has not delivered since .* \(stale after 36 h\)$/,
  );
  expect(metrics).toMatch(/feed_stale\{[^}]*source="zwfw-cases"[^}]*\} 1/);
  expect(metrics).toMatch(/feed_last_delivery_age_seconds\{[^}]*source="zwfw-cases"[^}]*\} 13\d{4}/);
});
