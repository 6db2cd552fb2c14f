import { Migration } from '@mikro-orm/migrations';
import { REFORM_TASK_STATE } from '../task/task-state.sql';

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
    this.addSql(REFORM_TASK_STATE.v2);
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
