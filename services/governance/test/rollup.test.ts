import {
  DEMO_CITY_CODE,
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { parentRegionCode, rollupPeriod } from '@county/domain';
import { bulkInsert } from '@county/kit';
import { as, countStatements, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { statsBeforeRollup } from './stats-before-rollup';

let people: TestSubgraph;
let governance: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const [village, otherVillage] = city.regions.filter((r) => r.parentCode === township.code);
const orgId = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));
const villageCommittee = orgId(village.code, 'mediation');
const townshipCommittee = orgId(township.code, 'mediation');
const villageGrid = demoOrganizationId(`governance:grid:${village.code}-001`);
const centre = as.role(`department:${orgId(DEMO_COUNTY_CODE, 'dept:political-legal')}`);
const REGIONS = [DEMO_CITY_CODE, DEMO_COUNTY_CODE, township.code, otherTownship.code, village.code];

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 1, directory: people });
});
afterAll(async () => {
  await governance?.close();
  await people?.close();
});

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  governance.orm.em.fork().getConnection().execute<T[]>(text, params);

/** Rows where a rollup and its recount differ (rows fallen back to all zeros are as good as absent). */
async function rollupDifferences(): Promise<unknown[]> {
  const counters = 'reported, mediated, resolved, resolved_locally, open_red, open_orange, reopened';
  const tier = (table: string, period: string) => {
    const kept = `select '${period}' as tier, region_code, ${period}, kind, ${counters} from ${table}
                  where (${counters}) <> (0, 0, 0, 0, 0, 0, 0)`;
    const recount = `select '${period}', * from dispute_rollup_recount('${period}')`;
    return `(${kept} except all ${recount}) union all (${recount} except all ${kept})`;
  };
  return sql(`${tier('dispute_rollup_day', 'day')} union all ${tier('dispute_rollup_month', 'month')}`);
}

const ALL_FIELDS = `reported mediated resolved resolutionRate resolvedLocally localResolutionShare
  averageDaysToResolve p80DaysToResolve openRed openOrange reopened visited returnVisitCoverage satisfactionRate relapses
  byKind { kind mediated resolved } byMonth { month mediated resolved }`;
const COCKPIT_FIELDS = `reported mediated resolved resolutionRate localResolutionShare openRed openOrange
  byKind { kind mediated } byMonth { month mediated resolved }`;
const statsQuery = (fields: string) => `query ($code: String!, $from: Date!, $to: Date!) {
  _entities(representations: [{ __typename: "Region", code: $code }]) {
    ... on Region { disputeStats(from: $from, to: $to) { ${fields} } }
  }
}`;
async function stats(code: string, from: string, to: string, fields = ALL_FIELDS) {
  const { data, errors } = await governance.query<any>(statsQuery(fields), { code, from, to });
  expect(errors).toBeUndefined();
  return data._entities[0].disputeStats;
}

/** Every field, for each region, equals what the statement over the disputes answers. */
async function expectSameAsBefore(periods: [string, string][]) {
  for (const code of REGIONS)
    for (const [from, to] of periods)
      expect({ code, from, to, ...(await stats(code, from, to)) }).toEqual({
        code,
        from,
        to,
        ...(await statsBeforeRollup(governance.orm, code, from, to)),
      });
}

describe('the dispute rollups', () => {
  it('spread a dispute over its region and the regions above it, as @county/domain derives them', async () => {
    const chain = (code: string) => {
      const codes = [code];
      for (let up = parentRegionCode(code); up; up = parentRegionCode(up)) codes.push(up);
      return codes.sort();
    };
    // the demo's regions, and a city without districts (东莞-like: townships right below the city)
    const codes = [...city.regions.map((r) => r.code), '441900', '441900003', '441900003201'];
    const rows = await sql<{ code: string; regions: string[] }>(
      `select code, region_and_ancestors(code) as regions from unnest(?::text[]) code`,
      [`{${codes.join(',')}}`],
    );
    expect(rows.length).toBe(codes.length);
    for (const row of rows) expect([...row.regions].sort()).toEqual(chain(row.code));
  });

  it('equal their recount after the demo seed', async () => {
    const [counts] = await sql<{ days: number; months: number }>(
      `select (select count(*)::int from dispute_rollup_day) as days,
              (select count(*)::int from dispute_rollup_month) as months`,
    );
    expect(counts.days).toBeGreaterThan(1000);
    expect(counts.months).toBeGreaterThan(100);
    expect(await rollupDifferences()).toEqual([]);
  });

  it('answer every field as the statement over the disputes did, for whole and partial months', async () => {
    await expectSameAsBefore([
      ['2019-01-01', '2019-12-31'], // the cockpit's year: month rows only
      ['2019-03-15', '2019-08-10'], // starts and ends mid-month: edge days and whole months
      ['2019-02-01', '2019-02-28'], // exactly one month
      ['2019-06-10', '2019-06-20'], // inside one month: day rows only
      ['2019-01-31', '2019-03-01'], // one edge day each side of a whole month
      ['2018-12-31', '2019-01-01'], // across the new year
      ['2019-12-20', '2019-12-31'], // the still-open disputes of late December
    ]);
  });

  it('keep the published 2019 figures for the county', async () => {
    const county = await stats(DEMO_COUNTY_CODE, '2019-01-01', '2019-12-31', COCKPIT_FIELDS);
    expect(county).toMatchObject({ mediated: 6222, resolved: 6209 });
    expect(Math.round(county.localResolutionShare * 100)).toBe(91);
  });

  it('stay equal to their recount through every mutation of a dispute’s course', async () => {
    const register = async (input: Record<string, unknown>) => {
      const { data, errors } = await governance.query<any>(
        `mutation ($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`,
        {
          input: {
            kind: 'NEIGHBOURS',
            channel: 'GRID_PATROL',
            gridId: villageGrid,
            parties: '王某与李某',
            partyCount: 2,
            summary: '因排水沟堵塞发生争执',
            riskColour: 'YELLOW',
            ...input,
          },
        },
        centre,
      );
      expect(errors).toBeUndefined();
      return data.registerDispute.id as string;
    };
    const step = async (id: string, input: Record<string, unknown>) => {
      const { errors } = await governance.query(
        `mutation ($id: ID!, $input: DisputeStepInput!) { recordDisputeStep(disputeId: $id, input: $input) { id } }`,
        { id, input },
        centre,
      );
      expect(errors).toBeUndefined();
      expect(await rollupDifferences()).toEqual([]);
    };
    // 00:30 on 1 June 2024 in China: a June day, though still May in UTC
    const june = () => stats(village.code, '2024-06-01', '2024-06-30', COCKPIT_FIELDS);

    const red = await register({ reportedAt: '2024-05-31T16:30:00Z', riskColour: 'RED' });
    expect(await rollupDifferences()).toEqual([]);
    expect(await june()).toMatchObject({ reported: 1, mediated: 0, openRed: 1 });
    await step(red, {
      action: 'START_MEDIATION',
      at: '2024-06-01T02:00:00Z',
      organizationId: villageCommittee,
    });
    expect(await june()).toMatchObject({ mediated: 1, openRed: 1, resolved: 0 });
    await step(red, {
      action: 'RESOLVE',
      at: '2024-06-03T02:00:00Z',
      organizationId: villageCommittee,
      resolutionLevel: 'VILLAGE',
      agreementForm: 'WRITTEN',
    });
    expect(await june()).toMatchObject({
      reported: 1,
      mediated: 1,
      resolved: 1,
      localResolutionShare: 1,
      openRed: 0,
      byMonth: [{ month: '2024-06', mediated: 1, resolved: 1 }],
    });

    const orange = await register({
      reportedAt: '2024-06-15T02:00:00Z',
      riskColour: 'ORANGE',
      kind: 'LABOUR_WAGES',
    });
    await step(orange, {
      action: 'START_MEDIATION',
      at: '2024-06-15T03:00:00Z',
      organizationId: townshipCommittee,
    });
    await step(orange, { action: 'FAIL', at: '2024-06-20T03:00:00Z' });
    await step(orange, { action: 'REFER', at: '2024-06-21T03:00:00Z', referral: 'ARBITRATION' });
    expect(await june()).toMatchObject({ reported: 2, mediated: 2, resolved: 1, openOrange: 0 });

    const [county] = await sql<{ id: string }>(
      `select id from mediation_organization where level = 'COUNTY' order by id limit 1`,
    );
    // settled on the spot, at county level, by a dispute registered at the township itself
    const yellow = await register({
      reportedAt: '2024-07-01T02:00:00Z',
      regionCode: township.code,
      gridId: null,
    });
    await step(yellow, {
      action: 'RESOLVE',
      at: '2024-07-02T02:00:00Z',
      organizationId: county.id,
      resolutionLevel: 'COUNTY',
      agreementForm: 'ORAL',
    });
    expect(await stats(township.code, '2024-07-01', '2024-07-01', COCKPIT_FIELDS)).toMatchObject({
      reported: 1,
      resolved: 1,
      localResolutionShare: 0,
    });
    await expectSameAsBefore([
      ['2024-01-01', '2024-12-31'],
      ['2024-05-31', '2024-06-01'],
      ['2024-06-02', '2024-07-15'],
    ]);
  });

  it('stay equal to their recount through writes in SQL by hand: many rows, moved and removed disputes', async () => {
    // many rows in one statement: the open disputes of a township turn red
    await sql(`update dispute set risk_colour = 'RED' where region_code like ? and status = 'MEDIATING'`, [
      `${township.code}%`,
    ]);
    // a dispute moved to another day, kind and village; an update that moves no counter
    await sql(
      `update dispute set reported_at = reported_at + interval '40 days', kind = 'OTHER', region_code = ?
        where id = (select id from dispute where region_code like ? and status = 'RESOLVED' order by id limit 1)`,
      [otherVillage.code, `${otherTownship.code}%`],
    );
    await sql(`update dispute set parties = parties || '（补录）' where region_code = ?`, [village.code]);
    // one added without a course, then removed
    const id = '40000000-0000-4000-8000-000000000001';
    await bulkInsert(governance.orm.em.fork(), 'dispute', [
      {
        id,
        region_code: otherVillage.code,
        kind: 'MEDICAL',
        channel: 'WALK_IN',
        reported_at: '2019-05-05T02:00:00Z',
        parties: '甲与乙',
        party_count: 2,
        summary: '纠纷',
        risk_colour: 'ORANGE',
        status: 'REGISTERED',
      },
    ]);
    expect(await rollupDifferences()).toEqual([]);
    await sql(`delete from dispute where id = ?`, [id]);
    expect(await rollupDifferences()).toEqual([]);
    await expectSameAsBefore([
      ['2019-01-01', '2019-12-31'],
      ['2019-04-17', '2019-11-02'],
    ]);
  });
});

describe('the statements behind disputeStats', () => {
  const year = { code: DEMO_CITY_CODE, from: '2019-01-01', to: '2019-12-31' };
  const count = (fields: string) =>
    countStatements(governance.orm, async () => {
      const { errors } = await governance.query(statsQuery(fields), year);
      expect(errors).toBeUndefined();
    });

  it('the cockpit’s fields cost one statement, over the rollups only', async () => {
    const { sql: statements } = await count(COCKPIT_FIELDS);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('dispute_rollup_month');
    expect(statements[0]).not.toMatch(/from dispute\b/);
  });

  it('asking for p80 adds one statement, and every resolution field together still only one', async () => {
    expect((await count(`${COCKPIT_FIELDS} p80DaysToResolve`)).sql).toHaveLength(2);
    expect(
      (
        await count(
          `${COCKPIT_FIELDS} averageDaysToResolve p80DaysToResolve visited returnVisitCoverage satisfactionRate relapses`,
        )
      ).sql,
    ).toHaveLength(2);
    expect((await count('satisfactionRate')).sql).toHaveLength(2);
  });
});

describe('which rollup rows a period reads', () => {
  it('reads whole months from the month rollup and only the edge days from the day rollup', () => {
    expect(rollupPeriod('2019-01-01', '2019-12-31')).toEqual({
      monthsFrom: '2019-01-01',
      monthsUntil: '2020-01-01',
      from: '2019-01-01',
      headUntil: '2019-01-01',
      tailFrom: '2020-01-01',
      to: '2019-12-31',
    });
    expect(rollupPeriod('2019-03-15', '2019-08-10')).toMatchObject({
      monthsFrom: '2019-04-01',
      monthsUntil: '2019-08-01',
      headUntil: '2019-04-01',
      tailFrom: '2019-08-01',
    });
    // inside one month, or across a month end without a whole month: days only, once each
    for (const [from, to] of [
      ['2019-06-10', '2019-06-20'],
      ['2019-01-31', '2019-02-27'],
      ['2019-12-31', '2019-12-31'],
    ]) {
      const reads = rollupPeriod(from, to);
      expect(reads.monthsFrom).toBe(reads.monthsUntil);
      expect(reads.headUntil > to && reads.tailFrom > to).toBe(true);
    }
    expect(rollupPeriod('2020-02-01', '2020-02-29')).toMatchObject({
      monthsFrom: '2020-02-01',
      monthsUntil: '2020-03-01',
    });
  });
});

describe('truncating the disputes', () => {
  it('empties the rollups with them', async () => {
    await sql('truncate dispute cascade');
    const [row] = await sql<{ n: number }>(
      `select (select count(*) from dispute_rollup_day) + (select count(*) from dispute_rollup_month) as n`,
    );
    expect(Number(row.n)).toBe(0);
  });
});
