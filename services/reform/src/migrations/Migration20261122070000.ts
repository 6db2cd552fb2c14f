import { Migration } from '@mikro-orm/migrations';

/**
 * `reform_task_state` becomes PL/pgSQL: as a SQL function it was inlined into every statement that called
 * it, and planning that (1–1.7 ms) cost more than running it on the demo ledger; PL/pgSQL keeps the body's
 * plan per connection. Same body, same results.
 *
 * Assessments keep the region of the organisation assessed, so the results board can be asked for a region
 * and everything below it in SQL (the directory owns the organisation; the region is copied when the
 * assessment is written, as the demo seed does).
 */
export class Migration20261122070000 extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create or replace function reform_task_state(as_of date, tolerance double precision, scope_year int, scope_ids uuid[])
returns table (task_id uuid, expected double precision, actual double precision, milestone_overdue boolean, lagging boolean)
language plpgsql stable as $$
#variable_conflict use_column
begin
  return query
with own as (
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
  from state;
end
$$;`);
    this.addSql(`alter table "assessment" add column "region_code" varchar(12) null;`);
    this.addSql(
      `create index "assessment_year_region_prefix_idx" on "assessment" ("year", "region_code" text_pattern_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "assessment_year_region_prefix_idx";`);
    this.addSql(`alter table "assessment" drop column "region_code";`);
  }
}
