import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { idNumberCheckChar } from '@county/domain';
import { as, startTestSubgraph, subgraphHeaders, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

/**
 * The organisation department's roster (组织部干部名册) delivered as a feed: all-or-nothing, so one bad row
 * lands nothing; whole, it lands keyed by 人员编号; again, nothing changes; corrected, exactly the corrected
 * person changes and one moved away (调出) is marked, not deleted.
 */
let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const unit = city.organizations.find((o) => o.creditCode && o.regionCode.startsWith(DEMO_COUNTY_CODE))!;
const HEADERS = [
  '人员编号',
  '姓名',
  '性别',
  '出生日期',
  '公民身份号码',
  '人员类别',
  '所在单位统一社会信用代码',
  '职务',
  '联系电话',
  '在册状态',
];
/** A valid ID number: region, birth date, sequence (odd: male) and its check character. */
const idNumber = (birth: string, seq: number) => {
  const first17 = `${DEMO_COUNTY_CODE}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
const row = (n: number, overrides: Partial<Record<string, string>> = {}) => {
  const birth = `19${70 + n}-0${1 + (n % 9)}-1${n % 10}`;
  const values: Record<string, string> = {
    人员编号: `ZZB${String(n).padStart(5, '0')}`,
    姓名: `测试${n}`,
    性别: n % 2 ? '1' : '2',
    出生日期: birth,
    公民身份号码: idNumber(birth, n % 2 ? 101 + n * 2 : 100 + n * 2),
    人员类别: '01',
    所在单位统一社会信用代码: unit.creditCode!,
    职务: '科员',
    联系电话: `1390000${String(n).padStart(4, '0')}`,
    在册状态: '1',
    ...overrides,
  };
  return HEADERS.map((h) => values[h]).join(',');
};
const csv = (rows: string[]) => Buffer.from([HEADERS.join(','), ...rows].join('\n'), 'utf8');

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
}, 90_000);
afterAll(async () => {
  await people?.close();
});

const sql = async (text: string, params: unknown[] = []) =>
  (await people.orm.em.fork().getConnection().execute(text, params)) as any[];
async function deliver(file: Buffer, identity = as.role('hr')) {
  const response = await fetch(people.url.replace(/\/graphql$/, '/files/feeds/zzb-roster'), {
    method: 'POST',
    headers: await subgraphHeaders(people, identity),
    body: new Uint8Array(file),
  });
  return { status: response.status, body: (await response.json()) as any };
}
const rostered = async () =>
  new Map(
    (
      await sql(
        `select f.source_id, to_jsonb(p) - 'updated_at' || jsonb_build_object('withdrawn', f.withdrawn_at is not null) as row
           from feed_record f join person p on p.id = f.record_id`,
      )
    ).map((r) => [r.source_id as string, JSON.stringify(r.row)]),
  );

it('lands nothing when one row fails (all-or-nothing), naming row, column and value', async () => {
  const [{ n: before }] = await sql(`select count(*)::int n from person`);
  const { status, body } = await deliver(
    csv([row(1), row(2, { 人员类别: '09' }), row(3, { 公民身份号码: '990722199001011234' })]),
  );
  expect(status).toBe(400);
  expect(body.status).toBe('FAILED');
  expect(body.error.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    policy: 'all-or-nothing',
    rejectedCount: 2,
  });
  expect(body.error.extensions.rejected).toEqual([
    expect.objectContaining({ row: 3, column: '人员类别', value: '09', rule: 'code' }),
    expect.objectContaining({ row: 4, column: '公民身份号码' }),
  ]);
  expect(await sql(`select count(*)::int n from person`)).toEqual([{ n: before }]);
});

it('lands the whole roster, changes nothing the second time, and exactly the corrected person after', async () => {
  const first = await deliver(csv([row(1), row(2), row(3)]));
  expect(first.status).toBe(200);
  expect(first.body.result).toMatchObject({ inserted: 3, rejectedCount: 0 });
  const landed = await rostered();
  const again = await deliver(csv([row(1), row(2), row(3)]));
  expect(again.body.result).toMatchObject({ changed: 0, unchanged: 3 });
  expect(await rostered()).toEqual(landed);

  const corrected = await deliver(
    csv([row(1, { 联系电话: '13911112222' }), row(2, { 在册状态: '0' }), row(3)]),
  );
  expect(corrected.body.result).toMatchObject({ updated: 2, withdrawn: 1, unchanged: 1 });
  const after = await rostered();
  expect([...after.keys()].filter((id) => after.get(id) !== landed.get(id)).sort()).toEqual([
    'ZZB00001',
    'ZZB00002',
  ]);
  const [audit] = await sql(
    `select before, after from audit_record where request_id = ? and entity = 'Person' and before -> 'phone' is not null`,
    [`feed-job:${corrected.body.id}`],
  );
  expect(Object.keys(audit.before)).toEqual(['phone']);
});

it('says how fresh the workforce figures are beside them', async () => {
  const { data, errors } = await people.query<any>(
    `query ($code: ID!) { region(code: $code) { workforceStats { freshness { source stale mappingVersion } } } }`,
    { code: DEMO_COUNTY_CODE },
    as.role('hr'),
  );
  expect(errors).toBeUndefined();
  expect(data.region.workforceStats.freshness).toEqual([
    { source: 'zzb-roster', stale: false, mappingVersion: 1 },
  ]);
});
