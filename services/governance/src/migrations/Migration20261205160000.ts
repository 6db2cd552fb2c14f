import { Migration } from '@mikro-orm/migrations';
import { petitionRollupSql, when, type PetitionCounters } from './petition-rollup-sql';

/*
 * The petition rollups: counters of the petitions received each China day and month, by channel, for the
 * petition's region and every region above it (region_and_ancestors, as the dispute rollups), kept by
 * statement triggers on `petition` in the same transaction as every write (registration, acceptance,
 * extension, reply, satisfaction, review, the register's import, the demo seed, SQL by hand), so no write
 * path can miss them; filled here from the petitions already recorded.
 */

const ON_TIME = (at: string, by: string) => `(${at} at time zone 'Asia/Shanghai')::date <= ${by}`;

/** What one petition adds to each counter: shared by the recount and the triggers. */
const COUNTERS: PetitionCounters = [
  ['received', '1'],
  ['petitioners', 'petitioner_count'],
  ['decided', when('decided_at is not null')],
  ['decided_on_time', when(ON_TIME('decided_at', 'accept_by'))],
  ['accepted', when(`status in ('ACCEPTED', 'REPLIED', 'UNDER_REVIEW', 'REVIEWED')`)],
  ['replied', when('replied_at is not null')],
  ['replied_on_time', when(ON_TIME('replied_at', 'reply_by'))],
  ['repeats', when('repeat_of_id is not null')],
  // GROUP_PETITION_MIN (petition.rules.ts) as this migration ran
  ['groups', when('petitioner_count >= 5')],
  ['escalated', when('escalated_to is not null')],
  ['handled_locally', when(`handling_level in ('TOWNSHIP', 'VILLAGE')`)],
  ['review_requested', when('review_requested_at is not null')],
  ['rated', when('satisfaction is not null')],
  ['satisfied', when(`satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')`)],
  ['provisional', when('calendar_provisional')],
];
const ROLLUP = petitionRollupSql(COUNTERS);

const table = (name: string, period: string) =>
  `create table "${name}" ("region_code" varchar(12) not null, "${period}" date not null, "channel" text check ("channel" in ('LETTER', 'VISIT', 'ONLINE', 'PHONE')) not null, ${ROLLUP.names
    .map((n) => `"${n}" int not null default 0`)
    .join(', ')}, constraint "${name}_pkey" primary key ("region_code", "${period}", "channel"));`;

export class Migration20261205160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(table('petition_rollup_day', 'day'));
    this.addSql(table('petition_rollup_month', 'month'));
    this.addSql(ROLLUP.recount);
    this.addSql(ROLLUP.book);
    // transition tables allow one event per trigger: three triggers, one function
    this.addSql(
      `create trigger petition_rollup_insert after insert on "petition" referencing new table as new_rows for each statement execute function petition_rollup_book();`,
    );
    this.addSql(
      `create trigger petition_rollup_update after update on "petition" referencing old table as old_rows new table as new_rows for each statement execute function petition_rollup_book();`,
    );
    this.addSql(
      `create trigger petition_rollup_delete after delete on "petition" referencing old table as old_rows for each statement execute function petition_rollup_book();`,
    );
    this.addSql(
      `create function petition_rollup_clear() returns trigger language plpgsql as $$ begin truncate petition_rollup_day, petition_rollup_month; return null; end $$;`,
    );
    this.addSql(
      `create trigger petition_rollup_truncate after truncate on "petition" for each statement execute function petition_rollup_clear();`,
    );
    this.addSql(`insert into petition_rollup_day select * from petition_rollup_recount('day');`);
    this.addSql(`insert into petition_rollup_month select * from petition_rollup_recount('month');`);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate'])
      this.addSql(`drop trigger petition_rollup_${event} on "petition";`);
    this.addSql(
      `drop function petition_rollup_book(), petition_rollup_clear(), petition_rollup_recount(text);`,
    );
    this.addSql(`drop table "petition_rollup_month", "petition_rollup_day";`);
  }
}
