/**
 * `reform_task_state(as_of, tolerance, scope_year, scope_ids)`: 序时进度 and 滞后 of every task (or of one
 * year's tasks, or of some tasks and their children) on a date. Expected progress is the share of the
 * milestones due by then (from v3, a task without milestones follows the time-proportional schedule: the
 * elapsed share of its planned start → end), actual progress the latest report submitted by then (100 once completed), a
 * plan's both the weighted roll-up of its tasks; lagging is actual behind expected by more than the
 * tolerance, or a milestone overdue.
 *
 * The one place its SQL lives; each migration that (re)defines it loads its version from here. Versions are
 * frozen once a migration has shipped them: a change is a new version here and a new migration.
 */
const SIGNATURE = `reform_task_state(as_of date, tolerance double precision, scope_year int, scope_ids uuid[])
returns table (task_id uuid, expected double precision, actual double precision, milestone_overdue boolean, lagging boolean)`;

const QUERY = `with own as (
    select t.id, t.parent_id, t.weight, t.status,
      coalesce(m.due, 0) as expected,
      case when t.status in ('COMPLETED', 'CLOSED') then 100 else coalesce(r.percent, 0) end::double precision as actual,
      coalesce(m.overdue, false) as overdue
    from reform_task t
    left join lateral (
      select sum(share) filter (where planned_date <= as_of) as due,
        bool_or(planned_date < as_of and completed_on is null) as overdue
      from milestone where task_id = t.id
    ) m on true
    left join lateral (
      select percent from progress_report
      where task_id = t.id and submitted_at < as_of + 1
      order by period_end desc limit 1
    ) r on true
    where (scope_year is null or t.year = scope_year)
      and (scope_ids is null or t.id = any(scope_ids) or t.parent_id = any(scope_ids))
  ), plans as (
    select parent_id, sum(expected * weight) / nullif(sum(weight), 0) as expected,
      sum(actual * weight) / nullif(sum(weight), 0) as actual, bool_or(overdue) as overdue
    from own where parent_id is not null group by parent_id
  ), state as (
    select o.id, o.status, least(100, coalesce(p.expected, o.expected)) as expected,
      case when o.status in ('COMPLETED', 'CLOSED') then 100 else coalesce(p.actual, o.actual) end as actual,
      o.overdue or coalesce(p.overdue, false) as overdue
    from own o left join plans p on p.parent_id = o.id
  )
  select id, expected, actual, overdue,
    status in ('NOT_STARTED', 'IN_PROGRESS') and (actual < expected - tolerance or overdue)
  from state`;

/**
 * v3: 序时进度 by default. A task with no milestones is expected to be as far along as the share of its
 * planned span that has elapsed (0 before its start, 100 from its end date on); a milestone plan, where
 * there is one, overrides it. Milestones taken off a schedule (removed_on) no longer count. Without this a task imported from the ledger (no milestones) never lagged,
 * even past its end at 0 %.
 */
const QUERY_V3 = QUERY.replace(
  'coalesce(m.due, 0) as expected,',
  `case when m.planned > 0 then coalesce(m.due, 0)
        when as_of >= t.planned_end then 100
        when as_of <= t.planned_start then 0
        else 100.0 * (as_of - t.planned_start) / (t.planned_end - t.planned_start)
      end::double precision as expected,`,
)
  .replace(
    'select sum(share) filter (where planned_date <= as_of) as due,',
    'select count(*) as planned, sum(share) filter (where planned_date <= as_of) as due,',
  )
  // a milestone taken off the schedule stays on record (removed_on) but is no longer planned
  .replace(
    'from milestone where task_id = t.id',
    'from milestone where task_id = t.id and removed_on is null',
  );

export const REFORM_TASK_STATE = {
  /** Migration20261122034920: a SQL function. */
  v1: `create function ${SIGNATURE}
language sql stable as $$
  ${QUERY}
$$;`,
  /**
   * Migration20261122070000: PL/pgSQL with the same query. As SQL it was inlined into every statement that
   * called it, and planning it (1–1.7 ms) cost more than running it on the demo ledger.
   */
  v2: `create or replace function ${SIGNATURE}
language plpgsql stable as $$
#variable_conflict use_column
begin
  return query
${QUERY};
end
$$;`,
  /** Migration20261205040000: the time-proportional schedule for tasks without milestones (QUERY_V3). */
  v3: `create or replace function ${SIGNATURE}
language plpgsql stable as $$
#variable_conflict use_column
begin
  return query
${QUERY_V3};
end
$$;`,
} as const;
