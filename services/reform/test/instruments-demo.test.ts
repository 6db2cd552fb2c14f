import { DEMO_COUNTY_CODE } from '@county/demo-data';
import pg from 'pg';
import { countStatements, type TestSubgraph } from '@county/test-kit';
import { INSTRUMENTS_SQL } from '../src/stats/instrument-stats.sql';
import { INSTRUMENT_FIGURES as FIGURES, INSTRUMENT_YEAR } from '../src/seeders/instruments.catalogue';
import { city, department, reformOffice, startReform } from './fixtures';

/**
 * The seeds' figures for the reform office's instruments, reproduced by the demo county and read through
 * the subgraph: 30 key tasks dispatched monthly (002), 9 inspections and 9 bulletins naming 9 + 9 units
 * (003), 8 criteria (002), 14 reform and 321 implementing documents (002, 003), 8 briefing issues, 540+
 * articles, 210+ posts and 36 meetings (002, 003), replication in 49 towns and 1,380 villages (004).
 */
let people: TestSubgraph;
let reform: TestSubgraph;

beforeAll(async () => {
  ({ people, reform } = await startReform());
});
afterAll(async () => {
  await reform?.close();
  await people?.close();
});

const sql = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  reform.orm.em.fork().getConnection().execute(text, params);

const STATS = `query ($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Region { code
  reformInstrumentStats(year: $year) { year dispatchRounds closedDispatchRounds dispatchedTasks dispatchEntries
    unreportedEntries dispatchCoverage inspections inspectedOrganizations bulletins commendedMentions laggingMentions
    bulletinSupervisionOrders outcomes selectedOutcomes outcomesByAdoptionLevel { level count }
    replicatedTowns replicatedVillages reformDocuments implementingDocuments promotion { kind count } } } } }`;

async function stats(codes: string[], year = INSTRUMENT_YEAR) {
  const representations = codes.map((code) => ({ __typename: 'Region', code }));
  const result = await reform.query<any>(STATS, { r: representations, year });
  expect(result.errors).toBeUndefined();
  return result.data._entities.map((e: any) => e.reformInstrumentStats);
}

describe('Region.reformInstrumentStats reproduces the seeds’ figures for the demo county', () => {
  it('dispatch, inspections, bulletins, outcomes by adoption level, documents and promotion', async () => {
    const [county] = await stats([DEMO_COUNTY_CODE]);
    const [{ unreported }] = await sql<{ unreported: number }>(
      `select count(*)::int as unreported from dispatch_entry where reported is null`,
    );
    expect(unreported).toBeGreaterThan(0);
    const entries = FIGURES.keyTasks * FIGURES.dispatchRounds;
    expect(county).toEqual({
      year: INSTRUMENT_YEAR,
      dispatchRounds: 12,
      closedDispatchRounds: 12,
      dispatchedTasks: 30,
      dispatchEntries: entries,
      unreportedEntries: unreported,
      dispatchCoverage: Math.round((1000 * (entries - unreported)) / entries) / 10,
      inspections: 9,
      inspectedOrganizations: 27,
      bulletins: 9,
      commendedMentions: 9,
      laggingMentions: 9,
      bulletinSupervisionOrders: 0,
      outcomes: 16,
      selectedOutcomes: 14,
      outcomesByAdoptionLevel: [
        { level: 'CITY', count: FIGURES.cityAdoptions },
        { level: 'PROVINCE', count: 2 },
        { level: 'STATE', count: 4 },
      ],
      replicatedTowns: 49,
      replicatedVillages: 1380,
      reformDocuments: 14,
      implementingDocuments: 321,
      promotion: [
        { kind: 'BRIEFING', count: 8 },
        { kind: 'ARTICLE', count: FIGURES.articles },
        { kind: 'WECHAT_POST', count: FIGURES.wechatPosts },
        { kind: 'MEETING', count: 36 },
      ],
    });
    // "540余篇", "210余篇": more than the round figure
    expect(FIGURES.articles).toBeGreaterThan(540);
    expect(FIGURES.wechatPosts).toBeGreaterThan(210);
    // "20余家乡镇、部门" inspected (000)
    expect(county.inspectedOrganizations).toBeGreaterThan(20);
  });

  it('a township counts the inspections that visited it; a year without instruments answers zeros', async () => {
    const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE)!;
    const visited = await sql<{ n: number }>(
      `select count(*)::int as n from inspection where ? = any(region_codes) and year = ?`,
      [township.code, INSTRUMENT_YEAR],
    );
    const [here] = await stats([township.code]);
    expect(here.inspections).toBe(visited[0].n);
    expect(here.dispatchRounds).toBe(0);
    const [before] = await stats([DEMO_COUNTY_CODE], 2017);
    expect(before).toMatchObject({ dispatchRounds: 0, dispatchCoverage: 0, inspections: 0, outcomes: 0 });
    expect(before.promotion.every((p: { count: number }) => p.count === 0)).toBe(true);
  });

  it('many regions in one request cost one statement', async () => {
    const townships = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE).slice(0, 5);
    const { result, sql: statements } = await countStatements(reform.orm, () =>
      stats([DEMO_COUNTY_CODE, ...townships.map((t) => t.code)]),
    );
    expect(result).toHaveLength(6);
    expect(statements.filter((s) => /dispatch_round/.test(s))).toHaveLength(1);
  });

  it('the outcome library holds its 8 criteria and judges each outcome against them', async () => {
    const result = await reform.query<any>(
      `query ($year: Int!) { outcomeCriteria(year: $year) { key position }
        outcomes(year: $year, selected: true, adoptedAt: STATE, first: 10) { totalCount
          nodes { title criteriaMetCount judgement { criterion { key } met } adoptions { level adoptedBy } } } }`,
      { year: INSTRUMENT_YEAR },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.outcomeCriteria).toHaveLength(FIGURES.criteria);
    expect(result.data.outcomes.totalCount).toBe(4);
    for (const outcome of result.data.outcomes.nodes) {
      expect(outcome.judgement).toHaveLength(8);
      expect(outcome.judgement.filter((j: { met: boolean }) => j.met)).toHaveLength(outcome.criteriaMetCount);
      expect(outcome.adoptions.map((a: { level: string }) => a.level)).toContain('STATE');
    }
  });
});

describe('the monthly dispatch of the demo year', () => {
  it('lists each round’s unreported tasks, and each task’s month-by-month record in one statement a level', async () => {
    const QUERY = `query ($year: Int!) { dispatchRounds(year: $year, first: 12) { totalCount nodes {
      month status taskCount unreportedCount entries(reported: false) { isReported
        task { code dispatchEntries(year: $year) { isReported round { month } } } } } } }`;
    const { result, sql: statements } = await countStatements(reform.orm, () =>
      reform.query<any>(QUERY, { year: INSTRUMENT_YEAR }),
    );
    expect(result.errors).toBeUndefined();
    const rounds = result.data.dispatchRounds;
    expect(rounds.totalCount).toBe(12);
    const months = Array.from(
      { length: 12 },
      (_, i) => `${INSTRUMENT_YEAR}-${String(i + 1).padStart(2, '0')}`,
    );
    expect(rounds.nodes.map((r: any) => r.month)).toEqual(months);
    const [{ unreported }] = await sql(
      `select count(*)::int as unreported from dispatch_entry where reported is null`,
    );
    expect(rounds.nodes.reduce((sum: number, r: any) => sum + r.unreportedCount, 0)).toBe(unreported);
    for (const round of rounds.nodes) {
      expect(round).toMatchObject({ status: 'CLOSED', taskCount: FIGURES.keyTasks });
      expect(round.entries).toHaveLength(round.unreportedCount);
      for (const entry of round.entries) {
        expect(entry.isReported).toBe(false);
        expect(entry.task.dispatchEntries.map((e: any) => e.round.month)).toEqual(months);
        expect(entry.task.dispatchEntries.find((e: any) => e.round.month === round.month).isReported).toBe(
          false,
        );
      }
    }
    expect(
      statements.filter((s) => /json_array_elements_text/.test(s) && /dispatch_entry e join/.test(s)),
    ).toHaveLength(1);
  });
});

describe('bonus points on the results board (问效榜)', () => {
  const BOARD = `query ($year: Int!) { scoredResultsBoard(year: $year, first: 100) { year rulesSet warnings
    rules { basis level points }
    entries { rank organization { id } assessmentTotal leadsWon outcomesAdopted bonusPoints total } } }`;

  it('pilots won and outcomes adopted score by the year’s rules, added to the assessment total', async () => {
    const result = await reform.query<any>(BOARD, { year: INSTRUMENT_YEAR }, reformOffice);
    expect(result.errors).toBeUndefined();
    const board = result.data.scoredResultsBoard;
    expect(board).toMatchObject({ rulesSet: true, warnings: [] });
    const entry = (key: string) => board.entries.find((e: any) => e.organization.id === department(key));
    // 机构编制: one national pilot (3) and one provincial (1)
    expect(entry('staffing')).toMatchObject({ leadsWon: 2, outcomesAdopted: 0, bonusPoints: 4 });
    // 审计: 直审村官 adopted by the state (5)
    expect(entry('audit')).toMatchObject({ outcomesAdopted: 1, bonusPoints: 5 });
    for (const e of board.entries) expect(e.total).toBeCloseTo((e.assessmentTotal ?? 0) + e.bonusPoints, 1);
    const totals = board.entries.map((e: any) => e.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('a year without rules answers the board with no bonus and a warning, never an error', async () => {
    const result = await reform.query<any>(BOARD, { year: 2019 }, reformOffice);
    expect(result.errors).toBeUndefined();
    const board = result.data.scoredResultsBoard;
    expect(board.rulesSet).toBe(false);
    expect(board.warnings).toEqual([expect.stringMatching(/no bonus rules are set for 2019/)]);
    expect(board.entries.length).toBeGreaterThan(0);
    expect(board.entries.every((e: any) => e.bonusPoints === 0)).toBe(true);
  });
});

describe('the instrument statistics statement', () => {
  it('keeps one generic plan per connection instead of planning again on every call', async () => {
    const client = new pg.Client({ connectionString: reform.database.url });
    await client.connect();
    try {
      // with statistics, a custom plan of a year without rows looked cheaper than the generic plan
      await client.query('analyze');
      let n = 0;
      const text = INSTRUMENTS_SQL.replace(/\?/g, () => `$${++n}`);
      const scope = JSON.stringify([{ region: DEMO_COUNTY_CODE, patterns: [`${DEMO_COUNTY_CODE}%`] }]);
      for (const year of [INSTRUMENT_YEAR - 1, INSTRUMENT_YEAR]) {
        const name = `instruments_${year}`;
        for (let call = 0; call < 8; call++) await client.query({ name, text, values: [year, scope] });
        const { rows } = await client.query<{ generic: number }>(
          'select generic_plans::int as generic from pg_prepared_statements where name = $1',
          [name],
        );
        // PostgreSQL tries five custom plans first; every later call reuses the generic one
        expect(rows[0].generic).toBe(3);
      }
    } finally {
      await client.end();
    }
  });
});
