import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDateSql as chinaDate } from '@county/domain';
import {
  defineFeed,
  feedSql as sql,
  FeedRowError,
  pgArray,
  recordChanges,
  stageChanges,
  type FeedCounts,
  type FeedRun,
  type FeedTarget,
} from '@county/kit';
import { permissions } from '../permissions';
import { chinaDay, netWorkingDays, workingCalendar } from '../calendar/working-days';
import { CaseResult, CaseStatus } from '../vocabulary';
import { clearStatsCache } from '../stats/stats-cache';
import { applyRollupChanges, eventRowsOf } from './feed-rollups';

export const CASE_FEED_SOURCE = 'zwfw-cases';
const RECORDED_BY = `feed:${CASE_FEED_SOURCE}`;

const CASES: FeedTarget = { name: 'case', table: 'service_case', entity: 'ServiceCase' };

/** The platform's status 撤回 keeps the case as it stood (running or completed), marked withdrawn. */
function derive(row: Record<string, unknown>): Record<string, unknown> {
  const accepted = row.accepted_at as string;
  const completed = row.completed_at as string | null;
  const withdrawn = row.status === 'WITHDRAWN';
  if (row.status === 'COMPLETED' && !completed)
    throw new FeedRowError('办结时间', 'required', '办结时间 is required for a completed case (办件状态 1)');
  if (row.status === 'ACCEPTED' && completed)
    throw new FeedRowError(
      '办件状态',
      'status',
      '办件状态 0 (running) with a 办结时间: one of them is wrong',
      '0',
    );
  if (completed && completed < accepted)
    throw new FeedRowError('办结时间', 'order', '办结时间 is before 受理时间', completed);
  let workingDays: number | null = null;
  let provisional = false;
  if (completed) {
    try {
      workingDays = netWorkingDays(
        chinaDay(new Date(accepted)),
        chinaDay(new Date(completed)),
        [],
        '办结时间',
      );
      provisional = workingCalendar.touchesProvisional(
        chinaDay(new Date(accepted)),
        chinaDay(new Date(completed)),
      );
    } catch (error) {
      throw new FeedRowError('办结时间', 'calendar', `办结时间: ${(error as Error).message}`, completed);
    }
  }
  return {
    received_at: accepted,
    status: completed ? CaseStatus.COMPLETED : CaseStatus.ACCEPTED,
    result: withdrawn ? CaseResult.WITHDRAWN : completed ? row.result : null,
    withdrawn,
    working_days: workingDays,
    calendar_provisional: provisional,
  };
}

/** The item of each item code (the catalogue's code is the province's 实施编码). */
async function itemsByCode(em: EntityManager, codes: string[]): Promise<Map<string, unknown>> {
  const rows = (await em
    .getConnection()
    .execute(`select code, id from service_item where code = any(?::text[])`, [pgArray(codes)])) as {
    code: string;
    id: string;
  }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The centre of each region code (one centre per county, township and village). */
async function centresByRegion(em: EntityManager, codes: string[]): Promise<Map<string, unknown>> {
  const rows = (await em
    .getConnection()
    .execute(
      `select region_code, min(id::text) as id from service_centre where region_code = any(?::text[]) group by region_code having count(*) = 1`,
      [pgArray(codes)],
    )) as {
    region_code: string;
    id: string;
  }[];
  return new Map(rows.map((r) => [r.region_code, r.id]));
}

const CASE_SET = `item_id = excluded.item_id, item_version = excluded.item_version, centre_id = excluded.centre_id,
  region_code = excluded.region_code, level = excluded.level, channel = excluded.channel,
  applicant_kind = excluded.applicant_kind, status = excluded.status, received_at = excluded.received_at,
  accepted_at = excluded.accepted_at, completed_at = excluded.completed_at, working_days = excluded.working_days,
  on_time = excluded.on_time, visits = excluded.visits, calendar_provisional = excluded.calendar_provisional,
  result = excluded.result`;

/**
 * The set-based upsert of a delivery: only rows whose mapped values differ from the last delivery are
 * touched; their cases are written, their events appended, and the rollups moved by (after − before) of
 * the changed cases' event rows, so they stay equal to a full recount.
 */
async function upsertCases(tx: EntityManager, run: FeedRun): Promise<FeedCounts> {
  await stageChanges(tx, run, CASES);
  await eventRowsOf(tx, 'feed_case_before', 'feed_events_before');
  await sql(
    tx,
    `insert into service_case (id, item_id, item_version, centre_id, region_code, level, channel, proxy_agent_id,
       applicant_kind, status, received_at, accepted_at, completed_at, extension_days, working_days, on_time, visits,
       calendar_provisional, result)
     select x.case_id, x.item_id, v.version, x.centre_id, ce.region_code, ce.level, x.channel, null,
       x.applicant_kind, x.status, x.received_at, x.accepted_at, x.completed_at, 0, x.working_days,
       case when x.working_days is null then null else x.working_days <= v.committed_limit end, x.visits,
       x.calendar_provisional, x.result
       from feed_case_changed x join service_centre ce on ce.id = x.centre_id
       cross join lateral (
         -- the version in effect on the day received (the earliest one for a case older than the catalogue)
         select version, committed_limit from service_item_version
          where item_id = x.item_id
          order by (effective_from <= ${chinaDate('x.received_at')}) desc,
                   case when effective_from <= ${chinaDate('x.received_at')} then effective_from end desc nulls last,
                   effective_from
          limit 1) v
     on conflict (id) do update set ${CASE_SET}`,
  );
  // the events the case's columns summarise: all of a new case's; of a corrected case, those not yet
  // recorded (a corrected time adds one, the event log being append-only)
  const events = (cases: string) => `select e.case_id, e.kind, e.at, ?, ? from feed_case_changed x
       cross join lateral (values (x.case_id, 'RECEIVED', x.received_at), (x.case_id, 'ACCEPTED', x.accepted_at),
                                  (x.case_id, 'COMPLETED', x.completed_at)) e(case_id, kind, at)
      where e.at is not null and x.existing_id is ${cases}`;
  const by = [RECORDED_BY, `delivery ${run.jobId}`];
  await sql(
    tx,
    `insert into case_event (case_id, kind, occurred_at, recorded_by, note) ${events('null')}`,
    by,
  );
  await sql(
    tx,
    `insert into case_event (case_id, kind, occurred_at, recorded_by, note) ${events('not null')}
        and not exists (select 1 from case_event c where c.case_id = e.case_id and c.kind = e.kind and c.occurred_at = e.at)`,
    by,
  );
  await sql(
    tx,
    `create temporary table feed_case_after on commit drop as
       select c.* from service_case c join feed_case_changed x on x.case_id = c.id`,
  );
  await eventRowsOf(tx, 'feed_case_after', 'feed_events_after');
  await applyRollupChanges(tx, 'feed_events_before', 'feed_events_after');
  return recordChanges(tx, run, CASES);
}

/** 政务服务平台办件 — the province's daily case export, by 办件编号, row-level (good rows land). */
export const caseFeed = defineFeed({
  subgraph: 'gov-services',
  source: CASE_FEED_SOURCE,
  title: '政务服务平台办件',
  mappingFile: path.join(__dirname, '../../feeds/zwfw-cases.yaml'),
  staging: {
    table: 'feed_case_staging',
    columns: {
      source_id: 'text',
      item_id: 'uuid',
      centre_id: 'uuid',
      channel: 'text',
      applicant_kind: 'text',
      status: 'text',
      received_at: 'timestamptz',
      accepted_at: 'timestamptz',
      completed_at: 'timestamptz',
      result: 'text',
      visits: 'smallint',
      withdrawn: 'boolean',
      working_days: 'smallint',
      calendar_provisional: 'boolean',
    },
  },
  policy: 'row-level',
  permissions,
  action: 'feed.deliver',
  lookups: { item: itemsByCode, centre: centresByRegion },
  derive,
  upsert: upsertCases,
  afterCommit: clearStatsCache,
});
