import { Migration } from '@mikro-orm/migrations';
import { REFORM_TASK_STATE } from '../task/task-state.sql';

/**
 * 序时进度 by default: `reform_task_state` v3 gives a task without milestones the elapsed share of its
 * planned span as expected progress, so a task imported without a schedule can lag. A milestone taken off
 * a schedule is kept with the day it was removed (removing one is how a lagging task stops lagging, so the
 * record and its audited change stay) and no longer counts.
 *
 * The problem list and the assessments become written by the reform office: a problem gets its deadline
 * (整改时限), the day it was closed and a version; an assessment a version (corrections are checked against
 * the one read). A problem's number is unique on its account: the next number is taken under that rule.
 */
export class Migration20261205040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "milestone" add column "removed_on" date null;`);
    this.addSql(REFORM_TASK_STATE.v3);
    this.addSql(
      `alter table "problem" add column "deadline" date null, add column "resolved_on" date null, add column "version" int not null default 1;`,
    );
    this.addSql(
      `alter table "problem" add constraint "problem_account_number_unique" unique ("account", "number");`,
    );
    this.addSql(`alter table "assessment" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "assessment" drop column "version";`);
    this.addSql(`alter table "problem" drop constraint "problem_account_number_unique";`);
    this.addSql(
      `alter table "problem" drop column "deadline", drop column "resolved_on", drop column "version";`,
    );
    this.addSql(REFORM_TASK_STATE.v2);
    this.addSql(`alter table "milestone" drop column "removed_on";`);
  }
}
