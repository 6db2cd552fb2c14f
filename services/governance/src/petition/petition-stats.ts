import { chinaDateSql, chinaDayStartSql, CHINA_TIME_ZONE, regionCodePrefix } from '@county/domain';
import type { SubgraphContext } from '@county/kit';
import type { PetitionChannel } from './petition-vocabulary';
import type { PetitionStats, PetitionVolume } from './petition-stats.types';

/*
 * One statement over the petitions of the region (the index on region code and time received finds them):
 * the period and the same period a year earlier, each grouped three ways — in all, by channel, by month — so
 * the cost follows the petitions of two periods. A year-earlier petition is labelled with the month it
 * compares with, one year on.
 */
const START = chinaDayStartSql('?::date');
const YEAR_AGO_START = chinaDayStartSql(`?::date - interval '1 year'`);
const YEAR_AGO_END = chinaDayStartSql(`?::date - interval '1 year'`);
/** One period's petitions of the region: `received_at` bounded on both sides, so an index range serves it. */
const period = (current: boolean, start: string, end: string) => `
  select ${current} as current, channel, petitioner_count, status, accept_by, decided_at, reply_by, replied_at,
         review_requested_at, repeat_of_id, escalated_to, handling_level, satisfaction, calendar_provisional,
         to_char((received_at at time zone '${CHINA_TIME_ZONE}')${current ? '' : " + interval '1 year'"}, 'YYYY-MM') as month
    from petition
   where region_code like ? and received_at >= ${start} and received_at < ${end} + interval '1 day'`;
const STATS_SQL = `
with p as (${period(true, START, START)}
  union all${period(false, YEAR_AGO_START, YEAR_AGO_END)} and ?
)
select current, grouping(channel) = 0 as of_channel, grouping(month) = 0 as of_month, channel, month,
       count(*)::int as received, sum(petitioner_count)::int as petitioners,
       count(decided_at)::int as decided,
       count(*) filter (where ${chinaDateSql('decided_at')} <= accept_by)::int as decided_on_time,
       count(*) filter (where status in ('ACCEPTED', 'REPLIED', 'UNDER_REVIEW', 'REVIEWED'))::int as accepted,
       count(replied_at)::int as replied,
       count(*) filter (where ${chinaDateSql('replied_at')} <= reply_by)::int as replied_on_time,
       count(repeat_of_id)::int as repeats,
       count(*) filter (where petitioner_count >= ?)::int as groups,
       count(escalated_to)::int as escalated,
       count(*) filter (where handling_level in ('TOWNSHIP', 'VILLAGE'))::int as handled_locally,
       count(review_requested_at)::int as review_requested,
       count(satisfaction)::int as rated,
       count(*) filter (where satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))::int as satisfied,
       coalesce(bool_or(calendar_provisional), false) as provisional
  from p
 group by grouping sets ((current), (current, channel), (current, month))
 order by channel nulls first, month nulls first`;

interface StatsRow {
  current: boolean;
  of_channel: boolean;
  of_month: boolean;
  channel: PetitionChannel | null;
  month: string | null;
  received: number;
  petitioners: number;
  decided: number;
  decided_on_time: number;
  accepted: number;
  replied: number;
  replied_on_time: number;
  repeats: number;
  groups: number;
  escalated: number;
  handled_locally: number;
  review_requested: number;
  rated: number;
  satisfied: number;
  provisional: boolean;
}

const ratio = (part: number, whole: number) => (whole ? part / whole : null);
const change = (now: number, before: number | null) =>
  before ? Math.round(((now - before) / before) * 10000) / 10000 : null;

/** Whether `to` lies within a year of `from`, so the period and the one a year earlier do not overlap. */
const withinAYear = (from: string, to: string) => {
  const yearOn = new Date(`${from}T00:00:00Z`);
  yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
  return to < yearOn.toISOString().slice(0, 10);
};

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

/** The petition statistics of `regionCode` and below, for petitions received `from`–`to` (days, inclusive). */
export async function petitionStats(
  ctx: SubgraphContext,
  regionCode: string,
  from: string,
  to: string,
  groupMin: number,
): Promise<PetitionStats> {
  const compare = withinAYear(from, to);
  const prefix = `${regionCodePrefix(regionCode) ?? regionCode}%`;
  // planned with its values, not prepared: a generic plan cannot use the region's code prefix (`like ?`);
  // each period a range of its own (an `or` of both had PostgreSQL read all the region's petitions: 25–40 ms
  // a cockpit refresh at the bench's size)
  const rows: StatsRow[] = await ctx.em
    .getConnection()
    .execute(STATS_SQL, [prefix, from, to, prefix, from, to, compare, groupMin]);
  const pick = (current: boolean, test: (row: StatsRow) => boolean) =>
    rows.filter((row) => row.current === current && test(row));
  const total = (current: boolean) => pick(current, (row) => !row.of_channel && !row.of_month)[0];
  const now = total(true);
  const n = (key: keyof StatsRow) => (now?.[key] as number | undefined) ?? 0;
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
    calendarProvisional: now?.provisional ?? false,
  };
}
