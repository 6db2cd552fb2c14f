import {
  DEMO_CITY_CODE,
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { regionCodePrefix } from '@county/domain';
import type { Claims } from '@county/kit';
import { countStatements, startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { Migration20261205160000 } from '../src/migrations/Migration20261205160000';
import { governanceRollupDifferences } from '../src/rollup-differences';

let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const townships = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const [township, otherTownship] = townships;
const village = city.regions.find((r) => r.parentCode === township.code)!;
const orgId = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));
const bureau: Claims = {
  sub: 'test-bureau',
  roles: [`department:${orgId(DEMO_COUNTY_CODE, 'dept:petitions')}`],
};
const townshipGovernment = orgId(township.code, 'government');
const REGIONS = [DEMO_CITY_CODE, DEMO_COUNTY_CODE, township.code, otherTownship.code, village.code];

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, governance]);
}, 180_000);
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  governance.orm.em.fork().getConnection().execute<T[]>(text, params);

/** Rows where a rollup and its recount differ (rows fallen back to all zeros are as good as absent). */
async function rollupDifferences(): Promise<unknown[]> {
  const tier = (period: string) => {
    const kept = `select '${period}' as tier, t.* from petition_rollup_${period} t where t.received <> 0`;
    const recount = `select '${period}', * from petition_rollup_recount('${period}')`;
    return `(${kept} except all ${recount}) union all (${recount} except all ${kept})`;
  };
  return sql(`${tier('day')} union all ${tier('month')}`);
}

const VOLUME = 'received petitioners receivedYearAgo petitionersYearAgo receivedChange petitionersChange';
const FIELDS = `${VOLUME} decided decidedOnTime onTimeAcceptanceRate accepted replied repliedOnTime onTimeReplyRate
  repeats repeatShare groups escalated handledLocally localHandlingShare reviewRequested rated satisfactionRate
  byChannel { channel ${VOLUME} } byMonth { month ${VOLUME} } calendarProvisional`;

async function stats(code: string, from: string, to: string) {
  const { data, errors } = await gateway.query<any>(
    `query ($code: ID!, $from: Date!, $to: Date!) { region(code: $code) { petitionStats(from: $from, to: $to) { ${FIELDS} } } }`,
    { code, from, to },
    { claims: bureau },
  );
  expect(errors).toBeUndefined();
  return data.region.petitionStats;
}

type Counts = Record<string, number>;
const COUNTED = `count(*)::int as received, sum(petitioner_count)::int as petitioners,
  count(decided_at)::int as decided,
  count(*) filter (where (decided_at at time zone 'Asia/Shanghai')::date <= accept_by)::int as decided_on_time,
  count(*) filter (where status in ('ACCEPTED', 'REPLIED', 'UNDER_REVIEW', 'REVIEWED'))::int as accepted,
  count(replied_at)::int as replied,
  count(*) filter (where (replied_at at time zone 'Asia/Shanghai')::date <= reply_by)::int as replied_on_time,
  count(repeat_of_id)::int as repeats, count(*) filter (where petitioner_count >= 5)::int as groups,
  count(escalated_to)::int as escalated,
  count(*) filter (where handling_level in ('TOWNSHIP', 'VILLAGE'))::int as handled_locally,
  count(review_requested_at)::int as review_requested, count(satisfaction)::int as rated,
  count(*) filter (where satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))::int as satisfied,
  count(*) filter (where calendar_provisional)::int as provisional`;

/**
 * The statistics straight from the petition rows (no rollup): counted by SQL per period, channel and month,
 * put together here the way the figures are defined.
 */
async function counted(code: string, from: string, to: string) {
  const compare =
    new Date(`${to}T00:00:00Z`) < new Date(`${Number(from.slice(0, 4)) + 1}${from.slice(4)}T00:00:00Z`);
  const rows = await sql<Counts & { current: boolean; channel: string; month: string }>(
    `select current, channel, to_char(day + case when current then interval '0' else interval '1 year' end, 'YYYY-MM') as month,
            ${COUNTED}
       from (select p.*, (received_at at time zone 'Asia/Shanghai')::date as day,
                    (received_at at time zone 'Asia/Shanghai')::date between ?::date and ?::date as current
               from petition p where region_code like ?) p
      where current or ? and day between (?::date - interval '1 year')::date and (?::date - interval '1 year')::date
      group by 1, 2, 3`,
    [from, to, `${regionCodePrefix(code)}%`, compare, from, to],
  );
  const sum = (of: typeof rows) =>
    of.reduce<Counts>((total, row) => {
      for (const [key, value] of Object.entries(row))
        if (typeof value === 'number') total[key] = (total[key] ?? 0) + value;
      return total;
    }, {});
  const ratio = (part = 0, whole = 0) => (whole ? part / whole : null);
  const change = (now: number, before: number | null) =>
    before ? Math.round(((now - before) / before) * 10000) / 10000 : null;
  const volume = (of: typeof rows) => {
    const [now, before] = [sum(of.filter((r) => r.current)), sum(of.filter((r) => !r.current))];
    const [received, petitioners] = [now.received ?? 0, now.petitioners ?? 0];
    const receivedYearAgo = compare ? (before.received ?? 0) : null;
    const petitionersYearAgo = compare ? (before.petitioners ?? 0) : null;
    return {
      received,
      petitioners,
      receivedYearAgo,
      petitionersYearAgo,
      receivedChange: change(received, receivedYearAgo),
      petitionersChange: change(petitioners, petitionersYearAgo),
    };
  };
  const by = (key: 'channel' | 'month') =>
    [...new Set(rows.map((r) => r[key]))].sort().map((value) => ({
      [key]: value,
      ...volume(rows.filter((r) => r[key] === value)),
    }));
  const n = sum(rows.filter((r) => r.current));
  const get = (key: string) => n[key] ?? 0;
  return {
    ...volume(rows),
    decided: get('decided'),
    decidedOnTime: get('decided_on_time'),
    onTimeAcceptanceRate: ratio(n.decided_on_time, n.decided),
    accepted: get('accepted'),
    replied: get('replied'),
    repliedOnTime: get('replied_on_time'),
    onTimeReplyRate: ratio(n.replied_on_time, n.replied),
    repeats: get('repeats'),
    repeatShare: ratio(n.repeats, n.received),
    groups: get('groups'),
    escalated: get('escalated'),
    handledLocally: get('handled_locally'),
    localHandlingShare: ratio(n.handled_locally, n.accepted),
    reviewRequested: get('review_requested'),
    rated: get('rated'),
    satisfactionRate: ratio(n.satisfied, n.rated),
    byChannel: by('channel'),
    byMonth: by('month'),
    calendarProvisional: get('provisional') > 0,
  };
}

const PERIODS: [string, string][] = [
  ['2019-01-01', '2019-12-31'], // the cockpit's year: month rows only, 2018 beside it
  ['2019-05-15', '2019-06-10'], // edge days and no whole month
  ['2019-03-15', '2019-08-10'], // edge days and whole months
  ['2019-06-01', '2019-06-01'], // one day
  ['2019-12-31', '2020-01-01'], // across the new year, China time
  ['2020-01-01', '2020-03-31'], // a quarter after the demo, 2019's beside it
  ['2018-01-01', '2019-12-31'], // over a year: no year earlier
];

async function expectAsCounted() {
  for (const code of REGIONS)
    for (const [from, to] of PERIODS)
      expect({ code, from, to, ...(await stats(code, from, to)) }).toEqual({
        code,
        from,
        to,
        ...(await counted(code, from, to)),
      });
}

const step = (name: string, input: string) =>
  `mutation ($id: ID!, $input: ${input}!) { ${name}(petitionId: $id, input: $input) { id version } }`;
async function write(mutation: string, variables: Record<string, unknown>) {
  const { data, errors } = await gateway.query<any>(mutation, variables, { claims: bureau });
  expect(errors).toBeUndefined();
  return Object.values(data)[0] as { id: string; version: number };
}
const register = (input: Record<string, unknown>) =>
  write(`mutation ($input: RegisterPetitionInput!) { registerPetition(input: $input) { id version } }`, {
    input: {
      petitioners: '王某',
      subject: '反映问题',
      petitionerCount: 1,
      regionCode: village.code,
      ...input,
    },
  });
type Booked = { id: string; version: number };
const accept = (p: Booked, at: string, handlingLevel: string) =>
  write(step('acceptPetition', 'AcceptPetitionInput'), {
    id: p.id,
    input: { at, handlingOrganizationId: townshipGovernment, handlingLevel, version: p.version },
  });
const reply = (p: Booked, at: string) =>
  write(step('replyPetition', 'ReplyPetitionInput'), {
    id: p.id,
    input: { at, result: 'EXPLAINED', reply: '已答复', version: p.version },
  });
const rate = (p: Booked, satisfaction: string) =>
  write(step('recordPetitionSatisfaction', 'PetitionSatisfactionInput'), {
    id: p.id,
    input: { satisfaction, version: p.version },
  });

describe('the petition rollups', () => {
  it('equal their recount after the demo seed', async () => {
    const [rows] = await sql<{ days: number; months: number }>(
      `select (select count(*)::int from petition_rollup_day) as days,
              (select count(*)::int from petition_rollup_month) as months`,
    );
    expect(rows.days).toBeGreaterThan(1000);
    expect(rows.months).toBeGreaterThan(100);
    expect(await rollupDifferences()).toEqual([]);
  });

  it('are checked by the restore check (rollupDifferences), which finds a row that drifted', async () => {
    const clean = {
      dispute_rollup_day: 0,
      dispute_rollup_month: 0,
      petition_rollup_day: 0,
      petition_rollup_month: 0,
    };
    expect(await governanceRollupDifferences(governance.orm.em)).toEqual(clean);
    const drift = `update petition_rollup_month set received = received + ? where (region_code, month, channel) =
      (select region_code, month, channel from petition_rollup_month order by 1, 2, 3 limit 1)`;
    await sql(drift, [1]);
    try {
      // the drifted row differs from its recount both ways: kept but not recounted, recounted but not kept
      expect(await governanceRollupDifferences(governance.orm.em)).toEqual({
        ...clean,
        petition_rollup_month: 2,
      });
    } finally {
      await sql(drift, [-1]);
    }
    expect(await governanceRollupDifferences(governance.orm.em)).toEqual(clean);
  });

  it('answer every figure as a count over the petitions does, for the demo as seeded', async () => {
    await expectAsCounted();
  }, 60_000);

  it('follow registrations, decisions, replies and ratings booked through the GraphQL writes', async () => {
    const before = await stats(township.code, '2019-01-01', '2019-12-31');
    // a group visit escalated to the province, accepted and replied to on time, rated satisfied, then reviewed
    let group = await register({
      channel: 'VISIT',
      receivedAt: '2019-05-06T02:00:00Z',
      petitionerCount: 7,
      escalatedTo: 'PROVINCE',
    });
    group = await accept(group, '2019-05-08T02:00:00Z', 'VILLAGE');
    group = await reply(group, '2019-06-20T02:00:00Z');
    group = await rate(group, 'SATISFIED');
    await write(step('requestPetitionReview', 'RequestPetitionReviewInput'), {
      id: group.id,
      input: { at: '2019-06-25T02:00:00Z', version: group.version },
    });
    // received 1 June in China (31 May in UTC), at the township, accepted late and replied to late, rated dissatisfied
    let late = await register({
      channel: 'ONLINE',
      receivedAt: '2019-05-31T17:00:00Z',
      regionCode: township.code,
    });
    late = await accept(late, '2019-07-15T02:00:00Z', 'COUNTY');
    late = await reply(late, '2019-12-30T02:00:00Z');
    await rate(late, 'DISSATISFIED');
    // a letter repeating the group visit, at the county, declined
    const repeat = await register({
      channel: 'LETTER',
      receivedAt: '2020-03-02T02:00:00Z',
      regionCode: DEMO_COUNTY_CODE,
      repeatOfId: group.id,
    });
    await write(step('declinePetition', 'DeclinePetitionInput'), {
      id: repeat.id,
      input: { at: '2020-03-03T02:00:00Z', reason: '已经办结', version: repeat.version },
    });
    // New Year's Day in China, still 2019 in UTC
    await register({ channel: 'PHONE', receivedAt: '2019-12-31T16:30:00Z', regionCode: otherTownship.code });

    const after = await stats(township.code, '2019-01-01', '2019-12-31');
    expect(after.received - before.received).toBe(2);
    expect(after.petitioners - before.petitioners).toBe(8);
    expect(after.groups - before.groups).toBe(1);
    expect(after.decidedOnTime - before.decidedOnTime).toBe(1);
    expect(after.rated - before.rated).toBe(2);
    expect(after.reviewRequested - before.reviewRequested).toBe(1);
    expect(await rollupDifferences()).toEqual([]);
    await expectAsCounted();
  }, 60_000);

  it('follow petitions changed, deleted and truncated by hand (SQL) within the same transaction', async () => {
    const em = governance.orm.em.fork();
    await em
      .transactional(async (tx) => {
        const run = (text: string) => tx.getConnection().execute(text, [], 'run', tx.getTransactionContext());
        await run(
          `update petition set channel = 'LETTER', received_at = received_at + interval '40 days' where id in (select id from petition order by id limit 50)`,
        );
        await run(
          `delete from petition where id in (select id from petition where repeat_of_id is null order by id desc limit 20)`,
        );
        const [inside] = await tx
          .getConnection()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from ((select * from petition_rollup_day where received <> 0 except all select * from petition_rollup_recount('day')) union all (select * from petition_rollup_recount('day') except all select * from petition_rollup_day where received <> 0)) d`,
            [],
            'all',
            tx.getTransactionContext(),
          );
        expect(inside.n).toBe(0);
        await run('truncate petition');
        const [left] = await tx
          .getConnection()
          .execute<{ n: number }[]>(
            `select (select count(*) from petition_rollup_day) + (select count(*) from petition_rollup_month) as n`,
            [],
            'all',
            tx.getTransactionContext(),
          );
        expect(Number(left.n)).toBe(0);
        throw Object.assign(new Error('rolled back'), { rolledBack: true });
      })
      .catch((error: { rolledBack?: boolean }) => {
        if (!error.rolledBack) throw error;
      });
    // rolled back with the petitions: still their recount
    expect(await rollupDifferences()).toEqual([]);
  });
});

describe('migration 20261205160000', () => {
  it('fills the rollups from the petitions already recorded (down and up again, rolled back)', async () => {
    const migration = new Migration20261205160000(
      governance.orm.em.getDriver() as unknown as AbstractSqlDriver,
      governance.orm.config,
    );
    await migration.down();
    await migration.up();
    const statements = migration.getQueries() as string[];
    const em = governance.orm.em.fork();
    await em
      .transactional(async (tx) => {
        const run = <T extends object[]>(text: string) =>
          tx.getConnection().execute<T>(text, [], 'all', tx.getTransactionContext());
        for (const statement of statements) await run<object[]>(statement);
        const [counts] = await run<{ days: number; received: number; petitions: number }[]>(
          `select (select count(*)::int from petition_rollup_day) as days,
                  (select sum(received)::int from petition_rollup_day where length(region_code) = 6 and region_code like '__0000') as received,
                  (select count(*)::int from petition) as petitions`,
        );
        expect(counts).toMatchObject({ received: counts.petitions });
        expect(counts.days).toBeGreaterThan(1000);
        const [left] = await run<{ n: number }[]>(
          `select count(*)::int as n from ((select * from petition_rollup_month except all select * from petition_rollup_recount('month'))
             union all (select * from petition_rollup_recount('month') except all select * from petition_rollup_month)) d`,
        );
        expect(left.n).toBe(0);
        throw Object.assign(new Error('rolled back'), { rolledBack: true });
      })
      .catch((error: { rolledBack?: boolean }) => {
        if (!error.rolledBack) throw error;
      });
    expect(await rollupDifferences()).toEqual([]);
  });
});

describe('the cost of Region.petitionStats', () => {
  const PERIOD = 'from: "2019-01-01", to: "2019-12-31"';
  const readsRollup = (text: string) => /petition_rollup_(day|month)/.test(text);
  const readsPetitions = (text: string) => /\bfrom\s+"?petition"?\s/i.test(text);

  it('a county and its townships: one statement each level, over the rollups only', async () => {
    const query = `{ region(code: "${DEMO_COUNTY_CODE}") { petitionStats(${PERIOD}) { received }
      children { code petitionStats(${PERIOD}) { received onTimeReplyRate byMonth { month received } } } } }`;
    const { result, sql: statements } = await countStatements(governance.orm, () =>
      gateway.query<any>(query, {}, { claims: bureau }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.region.children.length).toBe(townships.length);
    expect(statements.filter(readsRollup)).toHaveLength(2);
    expect(statements.filter(readsPetitions)).toEqual([]);
  });

  it('every township of the county asked at once: one statement for the whole level', async () => {
    const { result, sql: statements } = await countStatements(governance.orm, () =>
      governance.query<any>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Region { petitionStats(${PERIOD}) { received } } } }`,
        { r: townships.map((t) => ({ __typename: 'Region', code: t.code })) },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toHaveLength(townships.length);
    expect(statements).toHaveLength(1);
    const received = result.data._entities.map((e: any) => e.petitionStats.received);
    const expected = [];
    for (const t of townships) expected.push((await counted(t.code, '2019-01-01', '2019-12-31')).received);
    expect(received).toEqual(expected);
  });
});
