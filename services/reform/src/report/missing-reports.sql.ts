import { PreparedRead } from '@county/kit';
import { ReportPeriodKind } from '../vocabulary';

/**
 * Reports never sent (未报送): per task and period, the reports that were due (past their due date on
 * `as_of`) and are still not in. A leaf task (a plan reports through its tasks) owes a monthly report for
 * every month its planned span touches, and, when it is a key task linked to a county leader, a quarterly
 * one for every quarter (the "1+2" system, as `submitProgressReport` takes them); none for the periods
 * after the one it reported 100 % in. Due dates as `parsePeriod`: the 5th after a month, the 10th after a
 * quarter.
 *
 * Parameters: as_of, year, region pattern, lead organisation (or null), as_of, period kind (or null) twice,
 * as_of.
 */
const MISSING = `missing as (
  with leaf as (
    select t.id, t.code, t.lead_organization_id, t.planned_start, t.planned_end, t.key_task, t.leader_id,
      (select min(r.period_end) from progress_report r
        where r.task_id = t.id and r.percent = 100 and r.submitted_at < ?::date + 1) as completed_by
    from reform_task t
    where t.year = ?::int and t.region_code like ?
      and (?::uuid is null or t.lead_organization_id = ?::uuid)
      and not exists (select 1 from reform_task c where c.parent_id = t.id)
  ), periods as (
    select l.id, l.code, l.lead_organization_id, l.completed_by, '${ReportPeriodKind.MONTHLY}' as kind,
      to_char(p, 'YYYY-MM') as period, p::date as starts, (p + interval '1 month 4 days')::date as due
    from leaf l, generate_series(date_trunc('month', l.planned_start::timestamp),
      l.planned_end::timestamp, interval '1 month') p
    union all
    select l.id, l.code, l.lead_organization_id, l.completed_by, '${ReportPeriodKind.QUARTERLY}',
      to_char(p, 'YYYY') || '-Q' || extract(quarter from p), p::date, (p + interval '3 months 9 days')::date
    from leaf l, generate_series(date_trunc('quarter', l.planned_start::timestamp),
      l.planned_end::timestamp, interval '3 months') p
    where l.key_task and l.leader_id is not null
  )
  select p.id as task_id, p.code, p.lead_organization_id, p.kind, p.period, p.due
  from periods p
  where p.due < ?::date
    and (p.completed_by is null or p.completed_by >= p.starts)
    and (?::text is null or p.kind = ?::text)
    and not exists (
      select 1 from progress_report r
      where r.task_id = p.id and r.period = p.period and r.submitted_at < ?::date + 1
    )
)`;

export interface MissingFilter {
  asOf: string;
  year: number;
  /** A LIKE pattern over region codes ('%' for all). */
  regionPattern: string;
  leadOrganizationId: string | null;
  kind: ReportPeriodKind | null;
}

export const missingParams = (f: MissingFilter) => [
  f.asOf,
  f.year,
  f.regionPattern,
  f.leadOrganizationId,
  f.leadOrganizationId,
  f.asOf,
  f.kind,
  f.kind,
  f.asOf,
];

export interface MissingRow {
  total_count: string;
  task_id: string | null;
  code: string;
  lead_organization_id: string;
  kind: ReportPeriodKind;
  period: string;
  due: string;
}

/** One page in ledger order (task code, period) and the list's length: one statement. */
export const missingPage = (paged: boolean) =>
  PreparedRead.of<MissingRow>(
    `with ${MISSING}
     select c.total_count, m.* from (select count(*) as total_count from missing) c
     left join lateral (
       select * from missing${paged ? ' where (code, period) > (?, ?)' : ''}
       order by code, period limit ?
     ) m on true`,
  );

export interface MissingCountRow {
  total_count: string;
  lead_organization_id: string | null;
  monthly: string;
  quarterly: string;
  total: string;
  tasks: string;
}

/** Counts per lead organisation, most missing first (equal counts by id), and how many organisations. */
export const missingCountsPage = (paged: boolean) =>
  PreparedRead.of<MissingCountRow>(
    `with ${MISSING}, counts as (
       select lead_organization_id,
         count(*) filter (where kind = '${ReportPeriodKind.MONTHLY}') as monthly,
         count(*) filter (where kind = '${ReportPeriodKind.QUARTERLY}') as quarterly,
         count(*) as total, count(distinct task_id) as tasks
       from missing group by lead_organization_id
     )
     select c.total_count, k.* from (select count(*) as total_count from counts) c
     left join lateral (
       select * from counts${paged ? ' where total < ?::bigint or (total = ?::bigint and lead_organization_id > ?::uuid)' : ''}
       order by total desc, lead_organization_id limit ?
     ) k on true`,
  );
