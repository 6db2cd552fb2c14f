import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { regionCodePrefix } from '@county/domain';
import { as, countStatements, startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

let people: TestSubgraph;
let gateway: TestGateway;
let seedMs: number;
const city = generateDemoCity({ counties: 1 });
const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE && r.code.endsWith('001'))!;

beforeAll(async () => {
  const started = Date.now();
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  seedMs = Date.now() - started;
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway.stop();
  await people.close();
});

const sql = async <T = Record<string, number>>(statement: string, params: unknown[] = []): Promise<T[]> =>
  people.orm.em.getConnection().execute(statement, params);
const one = async (statement: string, params: unknown[] = []) =>
  Object.values((await sql(statement, params))[0])[0];

describe('demo workforce of the demo county (published figures)', () => {
  it('seeds directory and workforce in bulk, fast', () => {
    expect(seedMs).toBeLessThan(15000);
  });

  it('has 1769 departing village cadres, each with one placement plan', async () => {
    expect(await one('select count(*)::int from departing_cadre')).toBe(1769);
    expect(
      await one("select count(*)::int from departing_cadre where placement is null or placement_note = ''"),
    ).toBe(0);
  });

  it('trained 462 in the village secretaries’ class (every secretary among them) and the 148 new cadres', async () => {
    const classes = await sql<{ audience: string; n: number }>(
      'select c.audience, count(*)::int as n from training_attendance a join training_course c on c.id = a.course_id group by c.audience',
    );
    const size = Object.fromEntries(classes.map((c) => [c.audience, c.n]));
    expect(size.VILLAGE_SECRETARIES).toBe(462);
    expect(size.NEW_VILLAGE_CADRES).toBe(148);
    const secretaries = city.people.filter((p) => ['村党支部书记', '社区党组织书记'].includes(p.position));
    expect(
      await one(
        `select count(*)::int from training_attendance a join training_course c on c.id = a.course_id
         where c.audience = 'VILLAGE_SECRETARIES' and a.person_id in (?)`,
        [secretaries.map((p) => p.id)],
      ),
    ).toBe(secretaries.length);
    expect(
      await one(
        `select count(*)::int from training_attendance a join training_course c on c.id = a.course_id
         join village_cadre_term t on t.person_id = a.person_id
         where c.audience = 'NEW_VILLAGE_CADRES' and t.newly_elected`,
      ),
    ).toBe(148);
  });

  it('puts community workers on all three posts and all eighteen levels, each within its post’s range and its quota', async () => {
    const levels = await sql<{ level: number }>('select distinct level from community_worker order by level');
    expect(levels.map((l) => l.level)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(await one('select count(distinct post_type)::int from community_worker')).toBe(3);
    expect(
      await one(`select count(*)::int from community_worker where
        (post_type = 'HEAD' and level not between 7 and 18) or (post_type = 'DEPUTY' and level not between 4 and 15)
        or (post_type = 'OTHER' and level not between 1 and 12)`),
    ).toBe(0);
    expect(
      await one(`select count(*)::int from community_quota q where q.quota <
        (select count(*) from community_worker w where w.organization_id = q.organization_id)`),
    ).toBe(0);
  });

  it('has young cadres in secondment, the finished ones with a second assessment', async () => {
    expect(await one('select count(*)::int from secondment')).toBeGreaterThanOrEqual(20);
    expect(
      await one(
        'select count(*)::int from secondment where ends_on < current_date and second_assessment_grade is null',
      ),
    ).toBe(0);
    expect(await one('select count(*)::int from secondment where ends_on >= current_date')).toBeGreaterThan(
      0,
    );
  });

  it('marks every county leader of the directory (13 in the demo county) in the cadre records', async () => {
    const leaders = city.people.filter((p) => p.roles.includes('COUNTY_LEADER' as never)).length;
    expect(await one('select count(*)::int from cadre where county_leader')).toBe(leaders);
    expect(await one("select count(*)::int from cadre where rank = 'COUNTY_PRINCIPAL'")).toBe(2);
  });
});

const STATS = `query ($code: ID!, $year: Int) { region(code: $code) { workforceStats(year: $year) {
  peopleByRole { role count }
  communityWorkersByPostType { postType count }
  communityWorkersByLevel { level count }
  quota { communities quota filled vacancies }
  assessmentGrades { year excellent competent basicallyCompetent incompetent }
  cadresInSecondment
  training { people peopleTrained hours villageCadres villageCadresTrained coverage }
  departingCadresByPlacement { placement count }
} } }`;

/** The same figures counted with plain SQL, region by region. */
async function recount(code: string, year: number) {
  const like = `${code}%`;
  const inRegion = `p.organization_id in (select id from organization where region_code like ?)`;
  const roles = await sql<{ role: string; n: number }>(
    `select r as role, count(*)::int as n from person p, unnest(p.roles) r where ${inRegion} group by r`,
    [like],
  );
  const workersIn = `organization_id in (select id from organization where region_code like ?)`;
  const grades = await sql<{ grade: string; n: number }>(
    `select a.grade, count(*)::int as n from assessment a join person p on p.id = a.person_id
     where a.year = ? and ${inRegion} group by a.grade`,
    [year, like],
  );
  const gradeCount = (grade: string) => grades.find((g) => g.grade === grade)?.n ?? 0;
  const trainedIds = `select distinct a.person_id from training_attendance a join person p on p.id = a.person_id where ${inRegion}`;
  return {
    roles: Object.fromEntries(roles.map((r) => [r.role, r.n])),
    workers: await one(`select count(*)::int from community_worker where ${workersIn}`, [like]),
    heads: await one(`select count(*)::int from community_worker where post_type = 'HEAD' and ${workersIn}`, [
      like,
    ]),
    quota: await one(`select coalesce(sum(quota), 0)::int from community_quota where ${workersIn}`, [like]),
    excellent: gradeCount('EXCELLENT'),
    incompetent: gradeCount('INCOMPETENT'),
    seconded: await one(
      `select count(distinct s.person_id)::int from secondment s join person p on p.id = s.person_id
       where s.starts_on <= current_date and s.ends_on >= current_date and ${inRegion}`,
      [like],
    ),
    trained: await one(`select count(*)::int from (${trainedIds}) t`, [like]),
    hours: await one(
      `select coalesce(sum(a.hours), 0)::int from training_attendance a join person p on p.id = a.person_id where ${inRegion}`,
      [like],
    ),
    people: await one(`select count(*)::int from person p where ${inRegion}`, [like]),
    departing: await one(`select count(*)::int from departing_cadre where ${workersIn}`, [like]),
  };
}

describe('Region.workforceStats through the gateway, against a plain SQL recount', () => {
  it.each([
    ['the county', DEMO_COUNTY_CODE],
    ['the county-seat subdistrict', '990722001'],
  ])('agrees for %s', async (_label, code) => {
    const { data, errors } = await gateway.query<any>(STATS, { code, year: 2025 });
    expect(errors).toBeUndefined();
    const stats = data.region.workforceStats;
    const expected = await recount(code, 2025);
    for (const { role, count } of stats.peopleByRole) expect(count).toBe(expected.roles[role] ?? 0);
    const sum = (list: { count: number }[]) => list.reduce((s, x) => s + x.count, 0);
    expect(sum(stats.communityWorkersByPostType)).toBe(expected.workers);
    expect(sum(stats.communityWorkersByLevel)).toBe(expected.workers);
    expect(stats.communityWorkersByPostType.find((p: any) => p.postType === 'HEAD').count).toBe(
      expected.heads,
    );
    expect(stats.quota.quota).toBe(expected.quota);
    expect(stats.quota.filled).toBe(expected.workers);
    expect(stats.quota.vacancies).toBe(expected.quota - expected.workers);
    expect(stats.assessmentGrades).toMatchObject({
      year: 2025,
      excellent: expected.excellent,
      incompetent: expected.incompetent,
    });
    expect(stats.cadresInSecondment).toBe(expected.seconded);
    expect(stats.training).toMatchObject({
      people: expected.people,
      peopleTrained: expected.trained,
      hours: expected.hours,
    });
    expect(stats.training.coverage).toBeCloseTo(expected.trained / expected.people, 10);
    expect(sum(stats.departingCadresByPlacement)).toBe(expected.departing);
  });

  it('shows the published figures for the demo county', async () => {
    const { data } = await gateway.query<any>(STATS, { code: DEMO_COUNTY_CODE });
    const stats = data.region.workforceStats;
    expect(stats.assessmentGrades.year).toBe(2025);
    expect(stats.communityWorkersByLevel).toHaveLength(18);
    expect(stats.departingCadresByPlacement.reduce((s: number, p: any) => s + p.count, 0)).toBe(1769);
    expect(stats.cadresInSecondment).toBeGreaterThan(0);
    expect(stats.quota.vacancies).toBeGreaterThan(0);
  });

  it('counts zero, not an error, for a year nobody was assessed', async () => {
    const village = city.regions.find((r) => r.parentCode === township.code)!;
    const { data, errors } = await gateway.query<any>(STATS, { code: village.code, year: 2019 });
    expect(errors).toBeUndefined();
    expect(data.region.workforceStats.assessmentGrades).toEqual({
      year: 2019,
      excellent: 0,
      competent: 0,
      basicallyCompetent: 0,
      incompetent: 0,
    });
  });

  it('costs one statement per statistic asked for (the community workers’ three share one), and only those', async () => {
    const all = await countStatements(people.orm, () => people.query<any>(STATS, { code: DEMO_COUNTY_CODE }));
    expect(all.result.errors).toBeUndefined();
    // the region, then one aggregate per statistic, except by post type, by level and quota: one together
    expect(all.sql).toHaveLength(1 + 6);
    expect(all.sql.filter((text) => text.includes('community_worker'))).toHaveLength(1);
    const few = await countStatements(people.orm, () =>
      people.query(`{ region(code: "${DEMO_COUNTY_CODE}") { workforceStats { cadresInSecondment } } }`),
    );
    expect(few.sql).toHaveLength(2);
  });

  it('counts the community workers of a region and its children in one statement', async () => {
    const children = `{ region(code: "${DEMO_COUNTY_CODE}") { workforceStats { quota { filled } }
      children { code workforceStats { quota { filled vacancies } communityWorkersByLevel { level count } } } } }`;
    const run = await countStatements(people.orm, () => people.query<any>(children));
    expect(run.result.errors).toBeUndefined();
    const data = (run.result as any).data.region;
    expect(data.children.length).toBeGreaterThan(1);
    // the county's workers are its townships' workers
    const sum = data.children.reduce((n: number, c: any) => n + c.workforceStats.quota.filled, 0);
    expect(sum).toBe(data.workforceStats.quota.filled);
    // one for the county's level, one for its children's level
    expect(run.sql.filter((text) => text.includes('community_worker'))).toHaveLength(2);
  });

  it('refuses a future year, naming the argument', async () => {
    const { errors } = await gateway.query(STATS, { code: DEMO_COUNTY_CODE, year: 2999 });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('a person’s record: in full for hr, personal data masked for everyone else', () => {
  const RECORD = `query ($first: Int) { communityWorkers(first: $first) { nodes {
    level monthlyBasePay education serviceYears seniorityLevel levelRange { min max }
    person { name idNumber phone birthDate annualAssessments { year grade bonusEligible promotionEligible }
      cadre { rank } villageCadreTerms { termStart newlyElected } trainings { hours course { title } } }
  } } }`;

  it('gives hr the full record', async () => {
    const { data, errors } = await gateway.query<any>(
      RECORD,
      { first: 5 },
      { claims: { sub: 'hr', roles: ['hr'] } },
    );
    expect(errors).toBeUndefined();
    const worker = data.communityWorkers.nodes[0];
    expect(worker.education).not.toBeNull();
    expect(worker.serviceYears).toBeGreaterThanOrEqual(0);
    expect(worker.person.idNumber).not.toContain('*');
    expect(worker.person.annualAssessments.map((a: any) => a.year)).toEqual([2025, 2024]);
    expect(worker.person.trainings.length).toBeGreaterThan(0);
  });

  it.each([
    ['anonymous', undefined],
    ['a leader', { claims: { sub: 'l', roles: ['leader' as const] } }],
  ])('masks personal data for %s', async (_who, auth) => {
    const { data, errors } = await gateway.query<any>(RECORD, { first: 5 }, auth);
    expect(errors).toBeUndefined();
    for (const worker of data.communityWorkers.nodes) {
      expect(worker).toMatchObject({ education: null, serviceYears: null, seniorityLevel: null });
      expect(worker.person).toMatchObject({ annualAssessments: null, birthDate: null });
      expect(worker.person.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(worker.monthlyBasePay).toBeGreaterThan(0);
    }
  });

  it('refuses the assessment list to anyone but hr', async () => {
    const { errors } = await people.query(
      '{ annualAssessments(first: 1) { totalCount } }',
      {},
      as.role('leader'),
    );
    expect(errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', allowedRoles: ['hr'] });
    const { data } = await people.query<any>(
      '{ annualAssessments(year: 2025, first: 1) { totalCount } }',
      {},
      as.role('hr'),
    );
    expect(data.annualAssessments.totalCount).toBe(
      await one('select count(*)::int from assessment where year = 2025'),
    );
  });
});

describe('lists cost the same statements whatever the page size', () => {
  it.each([
    [
      'community workers with their person, records and community',
      12,
      (
        n: number,
      ) => `{ communityWorkers(first: ${n}) { totalCount nodes { level organization { name communityQuota { quota filled vacancies } }
        person { name cadre { rank } posts { position } annualAssessments { grade } trainings { course { title attendeeCount } } } } } }`,
    ],
    [
      'cadres with posts and their organisations',
      7,
      (n: number) =>
        `{ cadres(first: ${n}, regionCode: "${DEMO_COUNTY_CODE}") { totalCount nodes { rank person { name secondments { toOrganization { name } } } posts { position organization { name } } } } }`,
    ],
    [
      'departing cadres with their village and township',
      // the village and the township are both organisations: one statement
      3,
      (n: number) =>
        `{ departingCadres(first: ${n}) { totalCount nodes { name placement organization { name } responsibleOrganization { name } } } }`,
    ],
  ])('%s: %i statements at most for a page of 100', async (_label, statements, page) => {
    const small = await countStatements(people.orm, () => people.query(page(3), {}, as.role('hr')));
    const large = await countStatements(people.orm, () => people.query<any>(page(100), {}, as.role('hr')));
    expect(large.result.errors).toBeUndefined();
    expect(Object.values(large.result.data!)[0]).toHaveProperty('nodes');
    // at most one statement per entity type per level, whatever the page size (loads of one type at
    // different levels may share a statement when they fall in the same tick)
    expect(large.sql.length).toBeLessThanOrEqual(statements);
    expect(small.sql.length).toBeLessThanOrEqual(statements);
    expect(large.sql.length).toBeGreaterThanOrEqual(statements - 1);
  });
});

describe('the people subgraph’s lists, paged as plain SQL orders them', () => {
  type Connection = {
    totalCount: number;
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const hr = { claims: { sub: 'hr', roles: ['hr' as const] } };
  const prefix = (code: string) => `${regionCodePrefix(code)}%`;
  const IN_TOWNSHIP_ORG = `organization_id in (select id from organization where region_code like ?)`;
  const IN_TOWNSHIP_PERSON = `person_id in (select p.id from person p join organization o on o.id = p.organization_id
    where o.region_code like ?)`;

  /** Up to three pages of `field(first: FIRST, …)` through the gateway, each after the last one's cursor. */
  async function walk(field: string, args: string, first: number) {
    const ids: string[] = [];
    const counts: number[] = [];
    let after: string | null = null;
    let more = true;
    for (let page = 0; more && page < 3; page++) {
      const { data, errors } = await gateway.query<any>(
        `query ($after: String) { ${field}(${args} first: ${first}, after: $after) {
          totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
        hr,
      );
      expect(errors).toBeUndefined();
      const connection: Connection = data[field];
      counts.push(connection.totalCount);
      ids.push(...connection.nodes.map((node) => node.id));
      [after, more] = [connection.pageInfo.endCursor, connection.pageInfo.hasNextPage];
    }
    return { ids, counts, more };
  }

  const t = township.code;
  const LISTS: [string, string, number, string, unknown[]][] = [
    [
      'people',
      `regionCode: "${t}", role: GRID_WORKER,`,
      9,
      `select id from person where ${IN_TOWNSHIP_ORG} and 'GRID_WORKER' = any(roles) order by name, id`,
      [prefix(t)],
    ],
    ['people', `name: "王",`, 25, `select id from person where name like '%王%' order by name, id`, []],
    [
      'organizations',
      `regionCode: "${t}",`,
      8,
      `select id from organization where region_code like ? order by name, id`,
      [prefix(t)],
    ],
    [
      'secondments',
      `regionCode: "${DEMO_COUNTY_CODE}", current: false,`,
      4,
      `select id from secondment where ${IN_TOWNSHIP_PERSON}
        and not (starts_on <= (now() at time zone 'Asia/Shanghai')::date and ends_on >= (now() at time zone 'Asia/Shanghai')::date)
        order by starts_on, id`,
      [prefix(DEMO_COUNTY_CODE)],
    ],
    [
      'trainingCourses',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      2,
      `select id from training_course where organizer_id in (select id from organization where region_code like ?)
        order by starts_on, id`,
      [prefix(DEMO_COUNTY_CODE)],
    ],
    [
      'departingCadres',
      `regionCode: "${t}", placement: PUBLIC_WELFARE_POST,`,
      5,
      `select id from departing_cadre where ${IN_TOWNSHIP_ORG} and placement = 'PUBLIC_WELFARE_POST' order by id, id`,
      [prefix(t)],
    ],
    [
      'communityWorkers',
      `regionCode: "${DEMO_COUNTY_CODE}", postType: OTHER,`,
      6,
      `select id from community_worker where ${IN_TOWNSHIP_ORG} and post_type = 'OTHER' order by id`,
      [prefix(DEMO_COUNTY_CODE)],
    ],
    [
      'annualAssessments',
      `regionCode: "${t}",`,
      10,
      `select id from assessment where ${IN_TOWNSHIP_PERSON} order by id`,
      [prefix(t)],
    ],
    [
      'cadres',
      `regionCode: "${DEMO_COUNTY_CODE}", countyLeader: false,`,
      15,
      `select id from cadre where ${IN_TOWNSHIP_PERSON} and not county_leader order by id`,
      [prefix(DEMO_COUNTY_CODE)],
    ],
    [
      'idleAssets',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      20,
      `select id from merge_idle_asset where successor_code like ? or predecessor_code like ? order by id`,
      [prefix(DEMO_COUNTY_CODE), prefix(DEMO_COUNTY_CODE)],
    ],
    [
      'restructuredFacilities',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      5,
      `select id from restructured_facility where successor_code like ? or predecessor_code like ? order by id`,
      [prefix(DEMO_COUNTY_CODE), prefix(DEMO_COUNTY_CODE)],
    ],
  ];

  it.each(LISTS)('%s(%s) pages as SQL orders it', async (field, args, first, statement, params) => {
    const expected = (await sql<{ id: string }>(statement, params)).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(first);
    const walked = await walk(field, args, first);
    expect(walked.ids).toEqual(expected.slice(0, walked.ids.length));
    expect(walked.ids.length).toBe(walked.more ? 3 * first : expected.length);
    for (const count of walked.counts) expect(count).toBe(expected.length);
  });

  it('answers a cursor that does not fit the list’s columns with BAD_USER_INPUT on `after`', async () => {
    const cursor = Buffer.from(JSON.stringify(['not-a-uuid', 'not-a-uuid'])).toString('base64url');
    const { errors } = await gateway.query(`{ cadres(after: "${cursor}") { totalCount } }`, {}, hr);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });
});
