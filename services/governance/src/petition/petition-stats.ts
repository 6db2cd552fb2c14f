import { rollupPeriod, yearsBefore } from '@county/domain';
import { PreparedRead, type SubgraphContext } from '@county/kit';
import type { PetitionChannel } from './petition-vocabulary';
import type { GROUP_PETITION_MIN } from './petition.rules';
import type { PetitionStats, PetitionVolume } from './petition-stats.types';

/*
 * The counters from the rollups (petition-rollup.entity.ts), never the petitions: whole months from
 * petition_rollup_month, the edge days from petition_rollup_day (rollupPeriod in @county/domain), for the
 * period and the same days a year earlier, each an index range on (region code, period). PostgreSQL sums
 * them as three grouping sets per region and period — in all, by channel, by month — so the cost follows
 * the months and channels asked, never the number of petitions. A year-earlier row is labelled with the
 * month it compares with, one year on. Channels and months with no petition received are left out, as they
 * always were (a rollup row can fall back to zero when its petitions change).
 *
 * Every region of one query level in one statement (a county's townships: one statement, not one each),
 * read by `region_code = any(...)`. Text that never changes: planned once per connection (PreparedRead).
 */
const COUNTS = [
  'received',
  'petitioners',
  'decided',
  'decided_on_time',
  'accepted',
  'replied',
  'replied_on_time',
  'repeats',
  'groups',
  'escalated',
  'handled_locally',
  'review_requested',
  'rated',
  'satisfied',
  'provisional',
] as const;
const of = (table: string) => COUNTS.map((column) => `${table}.${column}`).join(', ');
/** One period's rollup rows, `current` or a year earlier (`shift`: the months they compare with). */
const period = (current: boolean, shift: string) => `
  select m.region_code as region, ${current} as current, (m.month${shift})::date as month_start, m.channel, ${of('m')}
    from petition_rollup_month m
   where ?::boolean and m.region_code = any(?::text[]) and m.month >= ?::date and m.month < ?::date
  union all
  select d.region_code, ${current}, (date_trunc('month', d.day::timestamp)${shift})::date, d.channel, ${of('d')}
    from petition_rollup_day d
   where ?::boolean and d.region_code = any(?::text[])
     and (d.day >= ?::date and d.day < ?::date or d.day >= ?::date and d.day <= ?::date)`;
const STATS_SQL = `
with counted as (${period(true, '')}
  union all${period(false, ` + interval '1 year'`)}
)
select region, current, grouping(channel) = 0 as of_channel, grouping(month_start) = 0 as of_month, channel,
       to_char(month_start::timestamp, 'YYYY-MM') as month,
       ${COUNTS.map((name) => `sum(${name})::int as ${name}`).join(', ')}
  from counted
 group by grouping sets ((region, current), (region, current, channel), (region, current, month_start))
having sum(received) > 0
 order by region, current, channel nulls first, month_start nulls first`;

type StatsRow = {
  region: string;
  current: boolean;
  of_channel: boolean;
  of_month: boolean;
  channel: PetitionChannel | null;
  month: string | null;
} & Record<(typeof COUNTS)[number], number>;

const ratio = (part: number, whole: number) => (whole ? part / whole : null);
const change = (now: number, before: number | null) =>
  before ? Math.round(((now - before) / before) * 10000) / 10000 : null;

/** Whether `to` lies within a year of `from`, so the period and the one a year earlier do not overlap. */
const withinAYear = (from: string, to: string) => {
  const yearOn = new Date(`${from}T00:00:00Z`);
  yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
  return to < yearOn.toISOString().slice(0, 10);
};

/** The values of one `period` of STATS_SQL: whole months, then the head and tail days. */
function periodValues(read: boolean, regions: string, from: string, to: string) {
  const days = rollupPeriod(from, to);
  return [
    ...[read, regions, days.monthsFrom, days.monthsUntil],
    ...[read, regions, days.from, days.headUntil, days.tailFrom, days.to],
  ];
}

function volume(now: StatsRow | undefined, before: StatsRow | undefined, compare: boolean): PetitionVolume {
  const [received, petitioners] = [now?.received ?? 0, now?.petitioners ?? 0];
  const [receivedYearAgo, petitionersYearAgo] = compare
    ? [before?.received ?? 0, before?.petitioners ?? 0]
    : [null, null];
  return {
    received,
    petitioners,
    receivedYearAgo,
    petitionersYearAgo,
    receivedChange: change(received, receivedYearAgo),
    petitionersChange: change(petitioners, petitionersYearAgo),
  };
}

function toStats(rows: StatsRow[], compare: boolean): PetitionStats {
  const pick = (current: boolean, test: (row: StatsRow) => boolean) =>
    rows.filter((row) => row.current === current && test(row));
  const total = (current: boolean) => pick(current, (row) => !row.of_channel && !row.of_month)[0];
  const now = total(true);
  const n = (key: (typeof COUNTS)[number]) => now?.[key] ?? 0;
  const keyed = <K extends 'channel' | 'month'>(key: K, of: 'of_channel' | 'of_month') => {
    const before = new Map(pick(false, (row) => row[of]).map((row) => [row[key], row]));
    const current = new Map(pick(true, (row) => row[of]).map((row) => [row[key], row]));
    return [...new Set([...current.keys(), ...before.keys()])]
      .sort()
      .map((value) => ({ [key]: value, ...volume(current.get(value), before.get(value), compare) }));
  };
  return {
    ...volume(now, total(false), compare),
    decided: n('decided'),
    decidedOnTime: n('decided_on_time'),
    onTimeAcceptanceRate: ratio(n('decided_on_time'), n('decided')),
    accepted: n('accepted'),
    replied: n('replied'),
    repliedOnTime: n('replied_on_time'),
    onTimeReplyRate: ratio(n('replied_on_time'), n('replied')),
    repeats: n('repeats'),
    repeatShare: ratio(n('repeats'), n('received')),
    groups: n('groups'),
    escalated: n('escalated'),
    handledLocally: n('handled_locally'),
    localHandlingShare: ratio(n('handled_locally'), n('accepted')),
    reviewRequested: n('review_requested'),
    rated: n('rated'),
    satisfactionRate: ratio(n('satisfied'), n('rated')),
    byChannel: keyed('channel', 'of_channel') as PetitionStats['byChannel'],
    byMonth: keyed('month', 'of_month') as PetitionStats['byMonth'],
    calendarProvisional: n('provisional') > 0,
  };
}

/** The petition statistics of each region and everything below it, petitions received `from`–`to` (days). */
async function petitionStatsOf(
  ctx: SubgraphContext,
  regionCodes: readonly string[],
  from: string,
  to: string,
): Promise<PetitionStats[]> {
  const compare = withinAYear(from, to);
  const regions = `{${regionCodes.join(',')}}`;
  const rows = await PreparedRead.of<StatsRow>(STATS_SQL).run(ctx.em, [
    ...periodValues(true, regions, from, to),
    ...periodValues(compare, regions, yearsBefore(from, 1), yearsBefore(to, 1)),
  ]);
  return regionCodes.map((code) =>
    toStats(
      rows.filter((row) => row.region === code),
      compare,
    ),
  );
}

/**
 * The petition statistics of `regionCode` and below, for petitions received `from`–`to` (days, inclusive).
 * Every region asked for in the same tick with the same days shares one statement. The rollups count groups
 * at GROUP_PETITION_MIN, the only threshold the type admits.
 */
export function petitionStats(
  ctx: SubgraphContext,
  regionCode: string,
  from: string,
  to: string,
  // fixed in the rollups (migration 20261205160000): a caller cannot ask for another threshold
  _groupMin: typeof GROUP_PETITION_MIN,
): Promise<PetitionStats> {
  return ctx.loaders
    .get<string, PetitionStats>(`Region.petitionStats.${from}.${to}`, (codes) =>
      petitionStatsOf(ctx, codes, from, to),
    )
    .load(regionCode);
}
