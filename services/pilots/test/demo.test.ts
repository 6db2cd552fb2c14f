import { DEMO_REPORT_YEAR, generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph, DEMO_PILOT_FIGURES } from '@county/pilots';
import ExcelJS from 'exceljs';
import { XLSX_CONTENT_TYPE } from '@county/kit';
import { CHINA_TODAY_SQL } from '@county/domain';
import {
  as,
  countStatements,
  startTestGateway,
  startTestSubgraph,
  subgraphHeaders,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';

/**
 * The demo city's published figures (淄博, seed 003), asked through the gateway as a dashboard would;
 * and every figure of `pilotStats` against a plain SQL recount.
 */
let people: TestSubgraph;
let pilots: TestSubgraph;
let gateway: TestGateway;
const claims = { sub: 'dashboard', roles: ['leader' as const] };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  pilots = await startTestSubgraph(pilotsSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, pilots]);
});
afterAll(async () => {
  await gateway?.stop();
  await pilots?.close();
  await people?.close();
});

const STATS = `query ($code: ID!, $year: Int) { region(code: $code) { name pilotStats(year: $year) {
  year carried pursuing
  byLevel { level carried newThisYear closed leadsIssued leadsWon leadSuccessRate }
  byStage { stage count } byLevelAndStage { level stage count } approvedByYear { year level count }
  leadsIssued leadsWon leadSuccessRate evaluatedPilots questionnairesIssued questionnairesReturned
  verySatisfied verySatisfiedShare satisfiedShare overduePilots flaggedForCleanUp } } }`;

const levelOf = (stats: any, level: string) => stats.byLevel.find((l: any) => l.level === level);

describe('pilotStats of the demo city (990700) reproduces the published figures of its report year', () => {
  let stats: any;
  beforeAll(async () => {
    const { data, errors } = await gateway.query<any>(
      STATS,
      { code: '990700', year: DEMO_REPORT_YEAR },
      { claims },
    );
    expect(errors).toBeUndefined();
    expect(data.region.name).toBe('云澜市');
    stats = data.region.pilotStats;
  });

  it('192 pilots carried: 62 national, 130 provincial', () => {
    expect(stats.carried).toBe(192);
    expect(levelOf(stats, 'NATIONAL').carried).toBe(DEMO_PILOT_FIGURES.carried.NATIONAL);
    expect(levelOf(stats, 'PROVINCIAL').carried).toBe(DEMO_PILOT_FIGURES.carried.PROVINCIAL);
  });

  it('23 national and 37 provincial new since 2017, 1.2× all of 2016', () => {
    const since2017 = (level: string) =>
      stats.approvedByYear
        .filter((c: any) => c.level === level && c.year >= 2017)
        .reduce((sum: number, c: any) => sum + c.count, 0);
    const in2016 = stats.approvedByYear
      .filter((c: any) => c.year === 2016)
      .reduce((sum: number, c: any) => sum + c.count, 0);
    expect(since2017('NATIONAL')).toBe(23);
    expect(since2017('PROVINCIAL')).toBe(37);
    expect((23 + 37) / in2016).toBe(1.2);
  });

  it('136 leads issued 2017 to the report year: 48 national, 88 provincial', async () => {
    const years = [2016, 2017, 2018, 2019, 2020];
    const { data, errors } = await gateway.query<any>(
      `{ region(code: "990700") { ${years
        .map((y) => `y${y}: pilotStats(year: ${y}) { leadsIssued leadsWon byLevel { level leadsIssued } }`)
        .join(' ')} } }`,
      {},
      { claims },
    );
    expect(errors).toBeUndefined();
    const perYear = years.map((y) => data.region[`y${y}`]);
    const total = (pick: (s: any) => number) => perYear.reduce((sum, s) => sum + pick(s), 0);
    expect(total((s) => s.leadsIssued)).toBe(136);
    expect(total((s) => levelOf(s, 'NATIONAL').leadsIssued)).toBe(48);
    expect(total((s) => levelOf(s, 'PROVINCIAL').leadsIssued)).toBe(88);
    // each year counts only its own leads, so no single year holds them all
    expect(perYear[0].leadsIssued).toBe(0);
    expect(perYear[4].leadsIssued).toBe(0);
    for (const s of perYear.slice(1, 4)) expect(s.leadsIssued).toBeLessThan(136);
    expect(stats.leadsIssued).toBe(perYear[3].leadsIssued);
    expect(stats.leadSuccessRate).toBeCloseTo(stats.leadsWon / stats.leadsIssued);
  });

  it('11 pilots evaluated, 5176 questionnaires, 4937 very satisfied (95.4%)', () => {
    expect(stats.evaluatedPilots).toBe(11);
    expect(stats.questionnairesReturned).toBe(5176);
    expect(stats.verySatisfied).toBe(4937);
    expect(stats.verySatisfiedShare.toFixed(3)).toBe('0.954');
  });

  it('6 national and 18 provincial pilots closed in the clean-up of that year', () => {
    expect(levelOf(stats, 'NATIONAL').closed).toBe(6);
    expect(levelOf(stats, 'PROVINCIAL').closed).toBe(18);
  });

  it('the demo county carries its own: 18 at provincial level or above, 7 new (1 national, 6 provincial)', async () => {
    const { data, errors } = await gateway.query<any>(
      STATS,
      { code: '990722', year: DEMO_REPORT_YEAR },
      { claims },
    );
    expect(errors).toBeUndefined();
    const county = data.region.pilotStats;
    expect(county.carried).toBe(18);
    expect(levelOf(county, 'MUNICIPAL').carried).toBe(0);
    expect(levelOf(county, 'NATIONAL').newThisYear).toBe(1);
    expect(levelOf(county, 'PROVINCIAL').newThisYear).toBe(6);
  });

  it('carried follows the year: pilots closed in 2019 are gone in 2020, 2010 has only what was approved by then', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ region(code: "990700") { y2010: pilotStats(year: 2010) { carried } y2020: pilotStats(year: 2020) { carried
         byLevel { level closed } } } }`,
      {},
      { claims },
    );
    expect(errors).toBeUndefined();
    const [{ n: by2010 }] = await pilots.orm.em
      .getConnection()
      .execute("select count(*)::int n from pilot where approved_on < '2011-01-01'");
    expect(by2010).toBeGreaterThan(0);
    expect(data.region.y2010.carried).toBe(by2010);
    expect(data.region.y2020.carried).toBe(192 - 6 - 18);
    expect(data.region.y2020.byLevel.every((l: any) => l.closed === 0)).toBe(true);
  });

  it('new this year counts the year asked for', async () => {
    const { data } = await gateway.query<any>(STATS, { code: '990700', year: 2016 }, { claims });
    const byLevel = data.region.pilotStats.byLevel;
    expect(levelOf({ byLevel }, 'NATIONAL').newThisYear).toBe(DEMO_PILOT_FIGURES.new2016.NATIONAL);
    expect(levelOf({ byLevel }, 'PROVINCIAL').newThisYear).toBe(DEMO_PILOT_FIGURES.new2016.PROVINCIAL);
  });
});

describe('pilotStats against a plain SQL recount', () => {
  const township = generateDemoCity({ counties: 1 }).regions.find((r) => r.parentCode === '990722')!.code;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await pilots.orm.em.getConnection().execute(sql, params))[0].n);

  it.each([
    ['990700', 2019],
    ['990700', 2020],
    ['990700', 2012],
    ['990722', 2019],
    [township, 2019],
  ])('every figure of %s in %i matches a recount written another way', async (code, year) => {
    const { data, errors } = await pilots.query<any>(
      `query ($r: [_Any!]!, $year: Int) { _entities(representations: $r) { ... on Region { pilotStats(year: $year) {
        carried pursuing byStage { stage count } byLevel { level carried newThisYear closed leadsWon }
        leadsIssued evaluatedPilots questionnairesIssued verySatisfied overduePilots flaggedForCleanUp } } } }`,
      { r: [{ __typename: 'Region', code }], year },
    );
    expect(errors).toBeUndefined();
    const stats = data._entities[0].pilotStats;
    // a city or county code stands for every code under its prefix (990700: 9907…)
    const within = code.length === 6 ? code.replace(/(00){1,2}$/, '') : code;
    const width = within.length;
    // a pilot is in the region when one of its codes starts with the region's code (no LIKE, no lateral)
    const inRegion = `array_length(array(select c from unnest(region_codes) c where left(c, ${width}) = ?), 1) > 0`;
    // carried in the year: approved in it or before, and its closing (if any) in it or after
    const carriedIn = `extract(year from approved_on) <= ${year} and coalesce(extract(year from closed_on), 9999) >= ${year}`;
    expect(stats.carried).toBe(
      await count(`select count(*) n from pilot where ${carriedIn} and ${inRegion}`, [within]),
    );
    for (const { stage, count: n } of stats.byStage) {
      expect(n).toBe(
        await count(`select count(*) n from pilot where stage = ? and ${inRegion}`, [stage, within]),
      );
    }
    for (const level of stats.byLevel) {
      expect(level.carried).toBe(
        await count(`select count(*) n from pilot where level = ? and ${carriedIn} and ${inRegion}`, [
          level.level,
          within,
        ]),
      );
      expect(level.newThisYear).toBe(
        await count(
          `select count(*) n from pilot where level = ? and extract(year from approved_on) = ${year} and ${inRegion}`,
          [level.level, within],
        ),
      );
      expect(level.closed).toBe(
        await count(
          `select count(*) n from pilot where level = ? and extract(year from closed_on) = ${year} and ${inRegion}`,
          [level.level, within],
        ),
      );
      expect(level.leadsWon).toBe(
        await count(
          `select count(*) n from pilot_lead where level = ? and status = 'WON' and extract(year from issued_on) = ${year} and left(region_code, ${width}) = ?`,
          [level.level, within],
        ),
      );
    }
    expect(stats.leadsIssued).toBe(
      await count(
        `select count(*) n from pilot_lead where extract(year from issued_on) = ${year} and left(region_code, ${width}) = ?`,
        [within],
      ),
    );
    const evaluated = `from pilot_evaluation e where e.pilot_id in (select id from pilot where ${inRegion})`;
    expect(stats.evaluatedPilots).toBe(
      await count(`select count(distinct pilot_id) n ${evaluated}`, [within]),
    );
    expect(stats.questionnairesIssued).toBe(
      await count(`select coalesce(sum(questionnaires_issued), 0) n ${evaluated}`, [within]),
    );
    expect(stats.verySatisfied).toBe(
      await count(`select coalesce(sum(very_satisfied), 0) n ${evaluated}`, [within]),
    );
    const today = `(now() at time zone 'Asia/Shanghai')::date`;
    expect(stats.overduePilots).toBe(
      await count(
        `select count(*) n from pilot where stage in ('APPROVED', 'IN_PROGRESS') and deadline < ${today} and ${inRegion}`,
        [within],
      ),
    );
    expect(stats.flaggedForCleanUp).toBe(
      await count(
        `select count(*) n from pilot where stage <> 'PURSUING' and approval_document_number is null and ${inRegion}`,
        [within],
      ),
    );
    // the demo has some of each, so the comparisons above are not all 0 = 0
    if (code === '990700' && year === 2019) {
      expect(stats.overduePilots).toBeGreaterThan(0);
      expect(stats.flaggedForCleanUp).toBeGreaterThan(0);
      expect(stats.pursuing).toBeGreaterThan(0);
      expect(stats.leadsIssued).toBeGreaterThan(0);
      expect(stats.byLevel.some((l: any) => l.closed > 0)).toBe(true);
    }
  });
});

describe('the pilot list filters', () => {
  it.each([
    [
      'overdue in the city',
      'regionCode: "990700", overdue: true',
      `stage in ('APPROVED', 'IN_PROGRESS') and deadline < ${CHINA_TODAY_SQL} and exists (select 1 from unnest(region_codes) c where c like '9907%')`,
    ],
    [
      'not overdue, national, named 试点',
      'overdue: false, level: NATIONAL, name: "试点"',
      `not (stage in ('APPROVED', 'IN_PROGRESS') and deadline < ${CHINA_TODAY_SQL}) and level = 'NATIONAL' and name ilike '%试点%'`,
    ],
  ])('pages %s as a plain SQL query lists them', async (_, filters, where) => {
    const expected = (
      await pilots.orm.em
        .getConnection()
        .execute<{ id: string }[]>(`select id from pilot where ${where} order by name, id`)
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(3);
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const { data, errors }: any = await pilots.query<any>(
        `query ($after: String) { pilots(${filters}, first: 3, after: $after) {
           totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      expect(data.pilots.totalCount).toBe(expected.length);
      walked.push(...data.pilots.nodes.map((n: { id: string }) => n.id));
      after = data.pilots.pageInfo.hasNextPage ? data.pilots.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(expected);
  });
});

describe('cross-subgraph fields through the gateway', () => {
  it('a pilot’s leader, lead organisation and regions come from people; an organisation’s pilots from here', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ pilots(regionCode: "990722", first: 3) { totalCount nodes { name leader { name } leadOrganization { id name }
         participatingOrganizations { name } regions { name level } lead { name } } } }`,
      {},
      { claims },
    );
    expect(errors).toBeUndefined();
    expect(data.pilots.totalCount).toBeGreaterThanOrEqual(18);
    const [first] = data.pilots.nodes;
    expect(first.leader.name).toEqual(expect.any(String));
    expect(first.leadOrganization.name).toMatch(/^(中共)?澄川县/);
    expect(first.regions[0].level).toMatch(/COUNTY|TOWNSHIP/);

    const organizationId = first.leadOrganization.id;
    const back = await gateway.query<any>(
      `query ($id: ID!) { organization(id: $id) { name pilots(first: 100) { totalCount nodes { leadOrganization { id } participatingOrganizations { id } } }
         pilotLeads { totalCount nodes { organization { id } } } } }`,
      { id: organizationId },
      { claims },
    );
    expect(back.errors).toBeUndefined();
    const expected = await pilots.orm.em
      .getConnection()
      .execute(
        'select count(*)::int n from pilot where lead_organization_id = ? or ? = any(participating_organization_ids)',
        [organizationId, organizationId],
      );
    expect(back.data.organization.pilots.totalCount).toBe(expected[0].n);
    for (const node of back.data.organization.pilots.nodes) {
      const ids = [node.leadOrganization.id, ...node.participatingOrganizations.map((o: any) => o.id)];
      expect(ids).toContain(organizationId);
    }
    expect(
      back.data.organization.pilotLeads.nodes.every((l: any) => l.organization.id === organizationId),
    ).toBe(true);
  });

  it('a person’s pilots are those they are the responsible leader of', async () => {
    const [row] = await pilots.orm.em
      .getConnection()
      .execute('select leader_id, count(*)::int n from pilot group by leader_id order by 2 desc limit 1');
    const { data, errors } = await gateway.query<any>(
      'query ($id: ID!) { person(id: $id) { name pilots(stage: IN_PROGRESS) { totalCount } all: pilots { totalCount } } }',
      { id: row.leader_id },
      { claims },
    );
    expect(errors).toBeUndefined();
    expect(data.person.all.totalCount).toBe(row.n);
    expect(data.person.pilots.totalCount).toBeLessThanOrEqual(row.n);
  });

  it('a page of 100 pilots with leaders and lead organisations costs the same statements as a page of 5', async () => {
    const page = (first: number) =>
      `{ pilots(first: ${first}) { nodes { name leader { name organization { name } } leadOrganization { name } evaluations { score } lead { name } } } }`;
    const run = (first: number) =>
      countStatements(pilots.orm, () =>
        countStatements(people.orm, () => gateway.query<any>(page(first), {}, { claims })),
      );
    const small = await run(5);
    const large = await run(100);
    expect(large.result.result.data.pilots.nodes).toHaveLength(100);
    expect(large.result.result.data.pilots.nodes.every((n: any) => n.leader.organization.name)).toBe(true);
    // pilots: the page, the evaluations, the leads and the lead organisations' names (from its copy of the
    // directory: Organization.name is shared with people); people: persons and their organisations
    expect(large.sql.length).toBe(small.sql.length);
    expect(large.result.sql.length).toBe(small.result.sql.length);
    expect(large.sql.length).toBe(4);
    expect(large.result.sql.length).toBe(2);
  });
});

describe('ledger exports (.xlsx)', () => {
  const readSheet = async (body: ArrayBuffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body);
    return workbook.worksheets[0];
  };

  it('the work ledger lists every pilot under way with the columns the source names', async () => {
    const response = await fetch(
      pilots.url.replace('/graphql', '/files/work-ledger.xlsx?regionCode=990722'),
      {
        headers: await subgraphHeaders(pilots, as.role('reform-office')),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    const sheet = await readSheet(await response.arrayBuffer());
    expect(sheet.name).toBe('改革试点工作台账');
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    for (const header of ['牵头单位', '参与单位', '完成时限', '任务目标', '成果形式', '阶段'])
      expect(headers).toContain(header);
    const [{ n }] = await pilots.orm.em
      .getConnection()
      .execute(
        "select count(*)::int n from pilot where stage in ('APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'PROMOTED') and exists (select 1 from unnest(region_codes) c where c like '990722%')",
      );
    expect(sheet.rowCount - 1).toBe(n);
    const column = (header: string) => headers.indexOf(header) + 1;
    const second = sheet.getRow(2);
    expect(String(second.getCell(column('牵头单位')).value)).toMatch(/^(中共)?澄川县/);
    expect(String(second.getCell(column('完成时限')).value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['已获批', '实施中', '已验收', '已推广']).toContain(second.getCell(column('阶段')).value);
  });

  it('the pursuit ledger comes through the gateway, behind its auth', async () => {
    const url = `${gateway.url}/files/pilots/pursuit-ledger.xlsx`;
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${await gateway.token(claims)}` },
    });
    expect(response.status).toBe(200);
    const sheet = await readSheet(await response.arrayBuffer());
    expect(sheet.name).toBe('改革试点争取台账');
    const [{ n }] = await pilots.orm.em
      .getConnection()
      .execute("select count(*)::int n from pilot where stage = 'PURSUING'");
    expect(n).toBeGreaterThan(0);
    expect(sheet.rowCount - 1).toBe(n);
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(sheet.getRow(2).getCell(headers.indexOf('阶段') + 1).value).toBe('争取中');
  });

  it('refuses a malformed region code, naming the field', async () => {
    const response = await fetch(pilots.url.replace('/graphql', '/files/work-ledger.xlsx?regionCode=99'), {
      headers: await subgraphHeaders(pilots, as.role('leader')),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'regionCode',
      rule: 'format',
    });
  });
});

describe('lead lists and ledgers, paged as plain SQL orders them', () => {
  type Connection = {
    totalCount: number;
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const PAGE = 'totalCount nodes { id } pageInfo { hasNextPage endCursor }';
  const rows = (statement: string, params: unknown[] = []) =>
    pilots.orm.em.fork().getConnection().execute<any[]>(statement, params);

  /** Up to three pages through the gateway (`$first`, `$after`), each after the last one's cursor. */
  async function expectPagedAsSql(
    query: string,
    variables: Record<string, unknown>,
    at: (data: any) => Connection,
    first: number,
    statement: string,
    params: unknown[] = [],
  ) {
    const expected = (await rows(statement, params)).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(first);
    const ids: string[] = [];
    let after: string | null = null;
    let more = true;
    for (let page = 0; more && page < 3; page++) {
      const { data, errors } = await gateway.query<any>(query, { ...variables, first, after }, { claims });
      expect(errors).toBeUndefined();
      const connection = at(data);
      expect(connection.totalCount).toBe(expected.length);
      ids.push(...connection.nodes.map((node) => node.id));
      [after, more] = [connection.pageInfo.endCursor, connection.pageInfo.hasNextPage];
    }
    expect(ids).toEqual(expected.slice(0, ids.length));
    expect(ids.length).toBe(more ? 3 * first : expected.length);
  }

  it('leads of the city by level, and of a year (days of the year, inclusive)', async () => {
    await expectPagedAsSql(
      `query ($first: Int, $after: String) { pilotLeads(regionCode: "990700", level: PROVINCIAL, first: $first, after: $after) { ${PAGE} } }`,
      {},
      (data) => data.pilotLeads,
      10,
      `select id from pilot_lead where region_code like '9907%' and level = 'PROVINCIAL' order by issued_on, id`,
    );
    const [{ year }] = await rows(
      `select extract(year from issued_on)::int as year from pilot_lead group by 1 order by count(*) desc limit 1`,
    );
    await expectPagedAsSql(
      `query ($year: Int, $first: Int, $after: String) { pilotLeads(issuedYear: $year, first: $first, after: $after) { ${PAGE} } }`,
      { year },
      (data) => data.pilotLeads,
      6,
      `select id from pilot_lead where extract(year from issued_on) = ? order by issued_on, id`,
      [year],
    );
  });

  it('an organisation’s leads (its scope) and a pilot’s ledger', async () => {
    const [{ organization }] = await rows(
      `select organization_id as organization from pilot_lead group by 1 order by count(*) desc limit 1`,
    );
    await expectPagedAsSql(
      `query ($id: ID!, $first: Int, $after: String) { organization(id: $id) { pilotLeads(first: $first, after: $after) { ${PAGE} } } }`,
      { id: organization },
      (data) => data.organization.pilotLeads,
      2,
      `select id from pilot_lead where organization_id = ? order by issued_on, id`,
      [organization],
    );
    const [{ pilot }] = await rows(
      `select pilot_id as pilot from pilot_ledger_entry group by 1 order by count(*) desc limit 1`,
    );
    await expectPagedAsSql(
      `query ($id: ID!, $first: Int, $after: String) { pilot(id: $id) { ledger(first: $first, after: $after) { ${PAGE} } } }`,
      { id: pilot },
      (data) => data.pilot.ledger,
      4,
      `select id from pilot_ledger_entry where pilot_id = ? order by month, id`,
      [pilot],
    );
  });

  it('answers a cursor that does not fit the list’s columns with BAD_USER_INPUT on `after`', async () => {
    const cursor = Buffer.from(JSON.stringify(['2019-13-45', 'x'])).toString('base64url');
    const { errors } = await gateway.query(
      `{ pilotLeads(after: "${cursor}") { totalCount } }`,
      {},
      { claims },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });
});
