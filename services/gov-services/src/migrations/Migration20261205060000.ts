import { Migration } from '@mikro-orm/migrations';
import { CHINA_TODAY_SQL } from '@county/domain';

/**
 * 人员在岗日期: each staff member's joining day and leaving day, so that a past year's staffing can be
 * counted (report 001: staff per township 4.5 → 9.2). The roster had no dates: a row already there joined
 * on the day this migration runs (the earliest day the roster vouches for), and one already marked as left
 * left that same day, so neither counts in any past year. `active` stays, held in step by a check.
 */
export class Migration20261205060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "service_staff"
      add column "joined_on" date not null default ${CHINA_TODAY_SQL},
      add column "left_on" date null;`);
    this.addSql(`update "service_staff" set "left_on" = "joined_on" where not "active";`);
    // from now on every write says when
    this.addSql(`alter table "service_staff" alter column "joined_on" drop default,
      add constraint "service_staff_left_after_joined" check ("left_on" >= "joined_on"),
      add constraint "service_staff_active_until_left" check ("active" = ("left_on" is null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_staff"
      drop constraint "service_staff_active_until_left", drop constraint "service_staff_left_after_joined",
      drop column "left_on", drop column "joined_on";`);
  }
}
