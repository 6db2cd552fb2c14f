import { chinaDay } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { countStatements, type TestSubgraph } from '@county/test-kit';
import { SPECIAL_GROUPS } from '../src/seeders/catalogue';
import { startReform } from './fixtures';

let people: TestSubgraph;
let reform: TestSubgraph;

beforeAll(async () => {
  ({ people, reform } = await startReform());
});
afterAll(async () => {
  await reform?.close();
  await people?.close();
});

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  reform.orm.em.fork().getConnection().execute(text, params);

const STATS = `query ($r: [_Any!]!, $year: Int!, $asOf: Date) { _entities(representations: $r) { ... on Region { code reformStats(year: $year, asOf: $asOf) {
  year asOf total completed lagging completionRate expectedProgress actualProgress openSupervisionOrders overdueSupervisionOrders
  byStatus { status count }
  bySpecialGroup { specialGroup { key } total completed lagging }
  byLeadOrganization { organization { id } total completed lagging } } } } }`;

async function stats(code: string, year: number, asOf: string) {
  const result = await reform.query<any>(STATS, { r: [{ __typename: 'Region', code }], year, asOf });
  expect(result.errors).toBeUndefined();
  return result.data._entities[0].reformStats;
}

/**
 * Lagging recounted by hand, without reform_task_state: per leaf task the milestone shares due and the
 * latest report by the date; a plan takes its tasks' weighted means; lagging = active and behind by more
 * than the default tolerance (10 points), or a milestone overdue.
 */
const RECOUNT_LAGGING = `
  with leaf as (
    select t.id, t.parent_id, t.weight, t.status, t.special_group_id, t.lead_organization_id, t.region_code, t.year,
      coalesce((select sum(m.share) from milestone m where m.task_id = t.id and m.planned_date <= cast(:asOf as date)), 0) as expected,
      case when t.status in ('COMPLETED', 'CLOSED') then 100 else coalesce((
        select r.percent from progress_report r where r.task_id = t.id and r.submitted_at < cast(:asOf as date) + 1
        order by r.period_end desc limit 1), 0) end as actual,
      exists (select 1 from milestone m where m.task_id = t.id and m.planned_date < cast(:asOf as date) and m.completed_on is null) as overdue
    from reform_task t where t.year = :year
  ), rolled as (
    select l.*,
      coalesce((select sum(c.expected * c.weight) / sum(c.weight) from leaf c where c.parent_id = l.id), l.expected) as exp2,
      case when l.status in ('COMPLETED', 'CLOSED') then 100
        else coalesce((select sum(c.actual * c.weight) / sum(c.weight) from leaf c where c.parent_id = l.id), l.actual) end as act2,
      l.overdue or exists (select 1 from leaf c where c.parent_id = l.id and c.overdue) as od2
    from leaf l
  )
  select special_group_id, lead_organization_id, count(*)::int as lagging
  from rolled
  where region_code like :prefix and status in ('NOT_STARTED', 'IN_PROGRESS') and (act2 < exp2 - 10 or od2)
  group by grouping sets ((), (special_group_id), (lead_organization_id))`;

describe.each([
  ['the county, today', DEMO_COUNTY_CODE, 2020, chinaDay()],
  ['the county, mid-2020', DEMO_COUNTY_CODE, 2020, '2020-07-15'],
  ['the county, 2018', DEMO_COUNTY_CODE, 2018, '2018-10-01'],
])('reformStats of %s agrees with a plain SQL recount', (_, code, year, asOf) => {
  it('totals by status, completion rate, supervision orders, by group and by lead organisation', async () => {
    const s = await stats(code, year, asOf);
    const params = [year, `${code}%`];
    const statuses = await sql<{ status: string; n: number }>(
      `select status, count(*)::int as n from reform_task where year = ? and region_code like ? group by status`,
      params,
    );
    const byStatus = Object.fromEntries(statuses.map((r) => [r.status, r.n]));
    for (const { status, count } of s.byStatus) expect(count).toBe(byStatus[status] ?? 0);
    const total = statuses.reduce((sum, r) => sum + r.n, 0);
    const completed = (byStatus.COMPLETED ?? 0) + (byStatus.CLOSED ?? 0);
    expect(s.total).toBe(total);
    expect(s.completed).toBe(completed);
    expect(s.completionRate).toBeCloseTo((100 * completed) / total, 1);

    const [orders] = await sql<{ open: number; overdue: number }>(
      `select count(*) filter (where o.status <> 'RECTIFIED')::int as open,
              count(*) filter (where o.status <> 'RECTIFIED' and o.deadline < ?::date)::int as overdue
       from supervision_order o join reform_task t on t.id = o.task_id where t.year = ? and t.region_code like ?`,
      [asOf, ...params],
    );
    expect(s.openSupervisionOrders).toBe(orders.open);
    expect(s.overdueSupervisionOrders).toBe(orders.overdue);

    const groups = await sql<{ key: string; n: number }>(
      `select g.key, count(*)::int as n from reform_task t join special_group g on g.id = t.special_group_id
       where t.year = ? and t.region_code like ? group by g.key`,
      params,
    );
    expect(Object.fromEntries(s.bySpecialGroup.map((g: any) => [g.specialGroup.key, g.total]))).toEqual(
      Object.fromEntries(groups.map((g) => [g.key, g.n])),
    );
    const leads = await sql<{ id: string; n: number }>(
      `select lead_organization_id as id, count(*)::int as n from reform_task where year = ? and region_code like ? group by 1`,
      params,
    );
    expect(Object.fromEntries(s.byLeadOrganization.map((o: any) => [o.organization.id, o.total]))).toEqual(
      Object.fromEntries(leads.map((o) => [o.id, o.n])),
    );
  });

  it('lagging, overall and per group and lead organisation', async () => {
    const s = await stats(code, year, asOf);
    const recount = await reform.orm.em
      .fork()
      .getConnection()
      .getKnex()
      .raw(RECOUNT_LAGGING, { year, asOf, prefix: `${code}%` });
    const rows: { special_group_id: string | null; lead_organization_id: string | null; lagging: number }[] =
      recount.rows;
    const overall = rows.find((r) => !r.special_group_id && !r.lead_organization_id)?.lagging ?? 0;
    expect(s.lagging).toBe(overall);
    if (year === 2020) expect(overall).toBeGreaterThan(0);
    const groupIds = await sql<{ id: string; key: string }>('select id, key from special_group');
    const keyOf = new Map(groupIds.map((g) => [g.id, g.key]));
    for (const group of s.bySpecialGroup) {
      const row = rows.find(
        (r) => r.special_group_id && keyOf.get(r.special_group_id) === group.specialGroup.key,
      );
      expect(group.lagging).toBe(row?.lagging ?? 0);
    }
    for (const organization of s.byLeadOrganization) {
      const row = rows.find((r) => r.lead_organization_id === organization.organization.id);
      expect(organization.lagging).toBe(row?.lagging ?? 0);
    }
  });
});

it('a township counts only its own tasks, and the county includes them', async () => {
  const [township] = await sql<{ code: string; n: number }>(
    `select region_code as code, count(*)::int as n from reform_task where year = 2020 and length(region_code) = 9
     group by 1 order by 2 desc limit 1`,
  );
  const today = chinaDay();
  const [own, county] = await Promise.all([
    stats(township.code, 2020, today),
    stats(DEMO_COUNTY_CODE, 2020, today),
  ]);
  expect(own.total).toBe(township.n);
  expect(county.total).toBeGreaterThan(own.total);
  expect(own.byLeadOrganization.reduce((sum: number, o: { total: number }) => sum + o.total, 0)).toBe(
    township.n,
  );
});

describe('reformStats statements', () => {
  const COCKPIT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Region { reformStats(year: 2020, asOf: "2020-07-15") {
    total lagging expectedProgress actualProgress bySpecialGroup { specialGroup { key name position } total lagging expectedProgress actualProgress } } } } }`;
  const WITH_ORGANIZATIONS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Region { reformStats(year: 2020, asOf: "2020-07-15") {
    ...Figures bySpecialGroup { specialGroup { key name position } total lagging expectedProgress actualProgress } } } } }
    fragment Figures on ReformStats { total lagging expectedProgress actualProgress ...Organizations }
    fragment Organizations on ReformStats { byLeadOrganization { organization { id } total } }`;
  const regions = {
    r: [DEMO_COUNTY_CODE, `${DEMO_COUNTY_CODE}001`, `${DEMO_COUNTY_CODE}002`].map((code) => ({
      __typename: 'Region',
      code,
    })),
  };

  it('costs one statement for every region of a query, special groups included', async () => {
    const { result, sql: statements } = await countStatements(reform.orm, () =>
      reform.query<any>(COCKPIT, regions),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    const county = result.data._entities[0].reformStats;
    expect(county.bySpecialGroup.map((g: any) => g.specialGroup.key)).toEqual(
      [...SPECIAL_GROUPS]
        .map((g) => g.key)
        .filter((key) => county.bySpecialGroup.some((g: any) => g.specialGroup.key === key)),
    );
    expect(county.bySpecialGroup.every((g: any) => g.specialGroup.name)).toBe(true);
  });

  it('counts by lead organisation when asked for (through fragments too), with the same figures otherwise', async () => {
    const plain = await reform.query<any>(COCKPIT, regions);
    const { result, sql: statements } = await countStatements(reform.orm, () =>
      reform.query<any>(WITH_ORGANIZATIONS, regions),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    result.data._entities.forEach((entity: any, i: number) => {
      const { byLeadOrganization, ...rest } = entity.reformStats;
      expect(rest).toEqual(plain.data._entities[i].reformStats);
      if (i === 0) expect(rest.total).toBeGreaterThan(0);
      expect(byLeadOrganization.length > 0).toBe(rest.total > 0);
      expect(byLeadOrganization.reduce((sum: number, o: any) => sum + o.total, 0)).toBe(rest.total);
    });
  });
});

describe('the demo ledger follows published-figures.md', () => {
  it('200 work points 2017–2020, 220+ tasks, the ten special groups, problem lists 99/56/106', async () => {
    const [counts] = await sql<Record<string, number>>(
      `select (select count(*)::int from work_point) as points, (select count(*)::int from reform_task) as tasks,
        (select count(*)::int from reform_task where parent_id is not null) as plan_tasks,
        (select count(*)::int from reform_task where key_task and leader_id is not null) as linked_key_tasks,
        (select count(*)::int from progress_report where period_kind = 'MONTHLY') as monthly,
        (select count(*)::int from progress_report where period_kind = 'QUARTERLY') as quarterly`,
    );
    expect(counts.points).toBe(200);
    expect(counts.tasks).toBeGreaterThanOrEqual(220);
    expect(counts.plan_tasks).toBeGreaterThan(0);
    expect(counts.linked_key_tasks).toBeGreaterThan(20);
    expect(counts.monthly).toBeGreaterThan(counts.tasks * 5);
    expect(counts.quarterly).toBeGreaterThan(0);
    const groups = await reform.query<any>('{ specialGroups { name } }');
    expect(groups.data.specialGroups.map((g: { name: string }) => g.name)).toEqual(
      SPECIAL_GROUPS.map((g) => g.name),
    );
    const accounts = await sql<{ account: string; n: number }>(
      'select account, count(*)::int as n from problem group by account',
    );
    expect(Object.fromEntries(accounts.map((a) => [a.account, a.n]))).toEqual({
      LEADER: 99,
      DEPARTMENT: 56,
      TOWNSHIP: 106,
    });
  });

  it('a realistic share of tasks lagging, most of them with a supervision order', async () => {
    let tasks = 0;
    let lagging = 0;
    let ordered = 0;
    for (const year of [2017, 2018, 2019, 2020]) {
      const s = await stats(DEMO_COUNTY_CODE, year, chinaDay());
      tasks += s.total;
      lagging += s.lagging;
      ordered += s.openSupervisionOrders;
    }
    expect(lagging / tasks).toBeGreaterThan(0.04);
    expect(lagging / tasks).toBeLessThan(0.2);
    expect(ordered).toBeGreaterThan(lagging / 2);
  });

  it('ranks organisations on the results board by their assessment total', async () => {
    const result = await reform.query<any>(
      '{ resultsBoard(year: 2019, first: 10) { rank total organization { id } scores { indicator weight score } } }',
    );
    const board = result.data.resultsBoard;
    expect(board).toHaveLength(10);
    expect(board[0].rank).toBe(1);
    for (let i = 1; i < board.length; i++) expect(board[i].total).toBeLessThanOrEqual(board[i - 1].total);
    const weights = board[0].scores.reduce((sum: number, s: { weight: number }) => sum + s.weight, 0);
    expect(weights).toBe(100);
  });
});

describe('lists with filters and pagination', () => {
  const count = async (args: string) => {
    const result = await reform.query<any>(`{ reformTasks(${args}) { totalCount } }`);
    expect(result.errors).toBeUndefined();
    return result.data.reformTasks.totalCount as number;
  };
  const recount = async (where: string, params: unknown[] = []) =>
    (await sql<{ n: number }>(`select count(*)::int as n from reform_task t where ${where}`, params))[0].n;

  it('filters tasks by year, group, status, lagging, lead or cooperating unit, leader, region, key flag, plan and title', async () => {
    const [task] = await sql<any>(
      `select * from reform_task where year = 2019 and leader_id is not null and cardinality(cooperating_organization_ids) > 0 limit 1`,
    );
    const [plan] = await sql<any>(
      `select id from reform_task where year = 2019 and id in (select parent_id from reform_task)`,
    );
    const today = chinaDay();
    const s = await stats(DEMO_COUNTY_CODE, 2020, today);
    expect(await count('year: 2019')).toBe(await recount('year = 2019'));
    expect(await count(`year: 2019, specialGroupId: "${task.special_group_id}"`)).toBe(
      await recount('year = 2019 and special_group_id = ?', [task.special_group_id]),
    );
    expect(await count('status: CLOSED')).toBe(await recount(`status = 'CLOSED'`));
    expect(await count('year: 2020, lagging: true')).toBe(s.lagging);
    expect(await count('year: 2020, lagging: false')).toBe(s.total - s.lagging);
    expect(await count(`leadOrganizationId: "${task.lead_organization_id}"`)).toBe(
      await recount('lead_organization_id = ?', [task.lead_organization_id]),
    );
    const cooperating = task.cooperating_organization_ids[0];
    expect(await count(`cooperatingOrganizationId: "${cooperating}"`)).toBe(
      await recount('? = any(cooperating_organization_ids)', [cooperating]),
    );
    expect(await count(`leaderId: "${task.leader_id}"`)).toBe(
      await recount('leader_id = ?', [task.leader_id]),
    );
    expect(await count(`regionCode: "${DEMO_COUNTY_CODE}001"`)).toBe(
      await recount(`region_code like '990722001%'`),
    );
    expect(await count('keyOnly: true')).toBe(await recount('key_task'));
    expect(await count(`parentId: "${plan.id}"`)).toBe(4);
    expect(await count('topLevelOnly: true')).toBe(await recount('parent_id is null'));
    expect(await count('search: "融媒体"')).toBe(await recount(`title like '%融媒体%'`));
    expect(await count('search: "%"')).toBe(0);
  });

  it('pages through tasks with cursors, at most 100 a page', async () => {
    const page = async (after: string | null) =>
      (
        await reform.query<any>(
          'query ($after: String) { reformTasks(first: 100, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
          { after },
        )
      ).data.reformTasks;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const p: any = await page(after);
      total = p.totalCount;
      seen.push(...p.nodes.map((n: { id: string }) => n.id));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(total);
    const tooMany = await reform.query<any>('{ reformTasks(first: 101) { totalCount } }');
    expect(tooMany.errors![0].extensions).toMatchObject({ field: 'first', rule: 'max' });
  });

  it('lists supervision orders, problems and work points with their filters', async () => {
    const today = chinaDay();
    let overdue = 0;
    for (const year of [2017, 2018, 2019, 2020])
      overdue += (await stats(DEMO_COUNTY_CODE, year, today)).overdueSupervisionOrders;
    const lists = await reform.query<any>(`{
      overdue: supervisionOrders(overdue: true) { totalCount nodes { overdue task { code } } }
      rectified: supervisionOrders(status: RECTIFIED) { totalCount }
      leaders: problems(account: LEADER) { totalCount nodes { foundByPerson { id } } }
      townships: problems(account: TOWNSHIP, regionCode: "${DEMO_COUNTY_CODE}001") { totalCount nodes { region { code } } }
      points: workPoints(year: 2019, first: 100) { totalCount nodes { year tasks { code } specialGroup { name } } }
    }`);
    expect(lists.errors).toBeUndefined();
    expect(lists.data.overdue.totalCount).toBe(overdue);
    expect(lists.data.overdue.nodes.every((o: { overdue: boolean }) => o.overdue)).toBe(true);
    expect(lists.data.rectified.totalCount).toBeGreaterThan(0);
    expect(lists.data.leaders.totalCount).toBe(99);
    expect(lists.data.leaders.nodes.every((p: any) => p.foundByPerson.id)).toBe(true);
    expect(lists.data.townships.nodes.every((p: any) => p.region.code.startsWith('990722001'))).toBe(true);
    expect(lists.data.points.totalCount).toBe(52);
    expect(lists.data.points.nodes.every((p: any) => p.year === 2019 && p.tasks.length > 0)).toBe(true);
  });

  it.each([
    [
      'overdue of a year',
      `year: $year, overdue: true`,
      `o.status <> 'RECTIFIED' and o.deadline < ?::date and t.year = $year`,
    ],
    ['not overdue', `overdue: false`, `not (o.status <> 'RECTIFIED' and o.deadline < ?::date)`],
    [
      'rectified, of one lead unit',
      `status: RECTIFIED, leadOrganizationId: "$lead"`,
      `o.status = 'RECTIFIED' and t.lead_organization_id = '$lead'`,
    ],
  ])(
    "pages a region's supervision orders, %s, as a plain SQL query lists them",
    async (_, filters, where) => {
      const today = chinaDay();
      const [{ lead }] = await sql<{ lead: string }>(
        `select t.lead_organization_id as lead from supervision_order o join reform_task t on t.id = o.task_id
        where o.status = 'RECTIFIED' and t.region_code like ? group by 1 order by count(*) desc limit 1`,
        [`${DEMO_COUNTY_CODE}%`],
      );
      // the year with the most overdue orders, so that the list has pages
      const [{ year }] = await sql<{ year: number }>(
        `select t.year from supervision_order o join reform_task t on t.id = o.task_id
        where o.status <> 'RECTIFIED' and o.deadline < ?::date and t.region_code like ?
        group by 1 order by count(*) desc limit 1`,
        [today, `${DEMO_COUNTY_CODE}%`],
      );
      const fill = (text: string) => text.replace('$lead', lead).replace('$year', String(year));
      const expected = (
        await sql<{ id: string }>(
          `select o.id from supervision_order o join reform_task t on t.id = o.task_id
          where t.region_code like ? and ${fill(where)} order by o.issued_on, o.id`,
          [`${DEMO_COUNTY_CODE}%`, ...(where.includes('?::date') ? [today] : [])],
        )
      ).map((row) => row.id);
      expect(expected.length).toBeGreaterThan(1);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await reform.query<any>(
          `query ($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Region {
           supervisionOrders(${fill(filters)}, first: 1, after: $after) {
             totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }`,
          { r: [{ __typename: 'Region', code: DEMO_COUNTY_CODE }], after },
        );
        expect(page.errors).toBeUndefined();
        const list = page.data._entities[0].supervisionOrders;
        expect(list.totalCount).toBe(expected.length);
        seen.push(...list.nodes.map((n: { id: string }) => n.id));
        after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(expected);
    },
  );
});

describe('schema', () => {
  it('the entities agree with the committed migration (no change left to generate)', async () => {
    const diff = await reform.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
