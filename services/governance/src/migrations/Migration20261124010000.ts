import { Migration } from '@mikro-orm/migrations';
import { disputeRollupSql, type Counters } from './dispute-rollup-sql';

/*
 * The dispute rollups: counters of the disputes reported each China day and month, by kind, for the
 * dispute's region and every region above it, kept by statement triggers on `dispute` in the same
 * transaction as every write (mutations, demo seed, bulk loads, SQL by hand), so no write path can miss them.
 *
 * Statement triggers with transition tables rather than row triggers: a bulk insert (the demo seed, 6,222
 * disputes a county) is booked as one grouped upsert instead of one upsert per dispute and region level.
 */

/** What each counter counts, as a condition on a dispute row: shared by the recount and the triggers. */
const COUNTERS: Counters = [
  ['reported', 'true'],
  ['mediated', 'organization_id is not null'],
  ['resolved', `status = 'RESOLVED'`],
  ['resolved_locally', `status = 'RESOLVED' and resolution_level in ('TOWNSHIP', 'VILLAGE')`],
  ['open_red', `status in ('REGISTERED', 'MEDIATING') and risk_colour = 'RED'`],
  ['open_orange', `status in ('REGISTERED', 'MEDIATING') and risk_colour = 'ORANGE'`],
];
const ROLLUP = disputeRollupSql(COUNTERS, ['organization_id', 'status', 'resolution_level', 'risk_colour']);

const table = (name: string, period: string) =>
  `create table "${name}" ("region_code" varchar(12) not null, "${period}" date not null, "kind" text check ("kind" in ('MARRIAGE_FAMILY', 'NEIGHBOURS', 'HOMESTEAD_LAND', 'CONTRACT', 'DAMAGES', 'PROPERTY_MANAGEMENT', 'LABOUR_WAGES', 'MEDICAL', 'LAND_ACQUISITION_DEMOLITION', 'OTHER')) not null, "reported" int not null default 0, "mediated" int not null default 0, "resolved" int not null default 0, "resolved_locally" int not null default 0, "open_red" int not null default 0, "open_orange" int not null default 0, constraint "${name}_pkey" primary key ("region_code", "${period}", "kind"));`;

export class Migration20261124010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(table('dispute_rollup_day', 'day'));
    this.addSql(table('dispute_rollup_month', 'month'));

    // The SQL twin of @county/domain's parentRegionCode chain (village → township → county → city), read off
    // the code's shape as regionCodePrefix does: a dispute counts for region R exactly when its code starts
    // with regionCodePrefix(R), as the statistics selected disputes before the rollup.
    this
      .addSql(`create function region_and_ancestors(code text) returns text[] language sql immutable strict parallel safe as $$
      select array_agg(distinct c) from unnest(array[
        code,
        case when length(code) > 9 then left(code, 9) end,
        case when length(code) > 6 then left(code, 6) end,
        left(code, 4) || '00'
      ]) c where c is not null $$;`);

    // The one recount ('day' or 'month'), straight from the disputes: the migration fills the rollups with
    // it, tests compare the rollups with it.
    this.addSql(ROLLUP.recount);

    this.addSql(ROLLUP.book);
    // transition tables allow one event per trigger: three triggers, one function
    this.addSql(
      `create trigger dispute_rollup_insert after insert on "dispute" referencing new table as new_rows for each statement execute function dispute_rollup_book();`,
    );
    this.addSql(
      `create trigger dispute_rollup_update after update on "dispute" referencing old table as old_rows new table as new_rows for each statement execute function dispute_rollup_book();`,
    );
    this.addSql(
      `create trigger dispute_rollup_delete after delete on "dispute" referencing old table as old_rows for each statement execute function dispute_rollup_book();`,
    );
    this.addSql(
      `create function dispute_rollup_clear() returns trigger language plpgsql as $$ begin truncate dispute_rollup_day, dispute_rollup_month; return null; end $$;`,
    );
    this.addSql(
      `create trigger dispute_rollup_truncate after truncate on "dispute" for each statement execute function dispute_rollup_clear();`,
    );

    this.addSql(`insert into dispute_rollup_day select * from dispute_rollup_recount('day');`);
    this.addSql(`insert into dispute_rollup_month select * from dispute_rollup_recount('month');`);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate'])
      this.addSql(`drop trigger dispute_rollup_${event} on "dispute";`);
    this.addSql(
      `drop function dispute_rollup_book(), dispute_rollup_clear(), dispute_rollup_recount(text), region_and_ancestors(text);`,
    );
    this.addSql(`drop table "dispute_rollup_month", "dispute_rollup_day";`);
  }
}
