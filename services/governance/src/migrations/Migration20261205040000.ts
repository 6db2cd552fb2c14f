import { Migration } from '@mikro-orm/migrations';
import { disputeRollupSql, type Counters } from './dispute-rollup-sql';

/*
 * Joint handling (联席会办) and relapses become a course of their own: a dispute referred to joint handling
 * stays open until the county centre records the meeting's outcome (status CONVENED in between), and a
 * relapse found on a return visit reopens the dispute (`reopened_count`). The rollups count both: their open
 * counters include joint handling, a new counter `reopened` counts reopened disputes, and both are recounted
 * from the disputes once, here.
 */

/** Still open: in mediation, or in joint handling (referred there and not yet concluded, or convened). */
const OPEN = `(status in ('REGISTERED', 'MEDIATING', 'CONVENED') or status = 'REFERRED' and referral = 'JOINT_HANDLING')`;

const COUNTERS: Counters = [
  ['reported', 'true'],
  ['mediated', 'organization_id is not null'],
  ['resolved', `status = 'RESOLVED'`],
  ['resolved_locally', `status = 'RESOLVED' and resolution_level in ('TOWNSHIP', 'VILLAGE')`],
  ['open_red', `${OPEN} and risk_colour = 'RED'`],
  ['open_orange', `${OPEN} and risk_colour = 'ORANGE'`],
  ['reopened', 'reopened_count > 0'],
];
const ROLLUP = disputeRollupSql(COUNTERS, [
  'organization_id',
  'status',
  'resolution_level',
  'risk_colour',
  'referral',
  'reopened_count',
]);

const STATUSES = `'REGISTERED', 'MEDIATING', 'RESOLVED', 'FAILED', 'REFERRED'`;
const ACTIONS = `'REGISTER', 'START_MEDIATION', 'RESOLVE', 'FAIL', 'REFER'`;

export class Migration20261205040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dispute_joint_handling" ("dispute_id" uuid not null, "centre_id" uuid not null, "convened_at" timestamptz not null, "department_ids" jsonb not null, "concluded_at" timestamptz null, "outcome" text check ("outcome" in ('RESOLVED', 'UNRESOLVED')) null, "result" text null, constraint "dispute_joint_handling_pkey" primary key ("dispute_id"));`,
    );
    this.addSql(
      `alter table "dispute_joint_handling" add constraint "dispute_joint_handling_dispute_id_foreign" foreign key ("dispute_id") references "dispute" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "dispute_joint_handling" add constraint "dispute_joint_handling_centre_id_foreign" foreign key ("centre_id") references "mediation_organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`alter table "dispute" drop constraint if exists "dispute_status_check";`);
    this.addSql(`alter table "dispute_step" drop constraint if exists "dispute_step_action_check";`);
    this.addSql(`alter table "dispute_step" drop constraint if exists "dispute_step_status_check";`);
    this.addSql(`alter table "dispute" add column "reopened_count" int not null default 0;`);
    this.addSql(
      `alter table "dispute" add constraint "dispute_status_check" check("status" in (${STATUSES}, 'CONVENED'));`,
    );
    this.addSql(
      `alter table "dispute_step" add constraint "dispute_step_action_check" check("action" in (${ACTIONS}, 'CONVENE', 'REOPEN'));`,
    );
    this.addSql(
      `alter table "dispute_step" add constraint "dispute_step_status_check" check("status" in (${STATUSES}, 'CONVENED'));`,
    );

    this.addSql(`alter table "dispute_rollup_day" add column "reopened" int not null default 0;`);
    this.addSql(`alter table "dispute_rollup_month" add column "reopened" int not null default 0;`);
    // its result columns change, which `create or replace` cannot do
    this.addSql(`drop function dispute_rollup_recount(text);`);
    this.addSql(ROLLUP.recount);
    this.addSql(ROLLUP.book);
    this.addSql(`truncate dispute_rollup_day, dispute_rollup_month;`);
    this.addSql(`insert into dispute_rollup_day select * from dispute_rollup_recount('day');`);
    this.addSql(`insert into dispute_rollup_month select * from dispute_rollup_recount('month');`);
  }

  /** Back to the course without joint handling or reopening: the restored checks refuse it while any dispute or step is CONVENED, CONVENE or REOPEN. */
  override async down(): Promise<void> {
    const before = disputeRollupSql(
      COUNTERS.filter(([name]) => name !== 'reopened').map(([name, when]) =>
        name.startsWith('open_')
          ? [name, when.replace(OPEN, `status in ('REGISTERED', 'MEDIATING')`)]
          : [name, when],
      ),
      ['organization_id', 'status', 'resolution_level', 'risk_colour'],
    );
    this.addSql(`drop function dispute_rollup_recount(text);`);
    this.addSql(`alter table "dispute_rollup_day" drop column "reopened";`);
    this.addSql(`alter table "dispute_rollup_month" drop column "reopened";`);
    this.addSql(before.recount);
    this.addSql(before.book);
    this.addSql(`alter table "dispute" drop constraint "dispute_status_check";`);
    this.addSql(`alter table "dispute_step" drop constraint "dispute_step_action_check";`);
    this.addSql(`alter table "dispute_step" drop constraint "dispute_step_status_check";`);
    this.addSql(
      `alter table "dispute" add constraint "dispute_status_check" check("status" in (${STATUSES}));`,
    );
    this.addSql(
      `alter table "dispute_step" add constraint "dispute_step_action_check" check("action" in (${ACTIONS}));`,
    );
    this.addSql(
      `alter table "dispute_step" add constraint "dispute_step_status_check" check("status" in (${STATUSES}));`,
    );
    this.addSql(`alter table "dispute" drop column "reopened_count";`);
    this.addSql(`drop table "dispute_joint_handling";`);
    this.addSql(`truncate dispute_rollup_day, dispute_rollup_month;`);
    this.addSql(`insert into dispute_rollup_day select * from dispute_rollup_recount('day');`);
    this.addSql(`insert into dispute_rollup_month select * from dispute_rollup_recount('month');`);
  }
}
