import { Migration } from '@mikro-orm/migrations';

/*
 * Regions that change (两项改革: 撤乡并镇、撤并建制村): a region's validity period and the successions of a
 * merge, so that a merge does not rewrite the past.
 */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "region" add column "valid_from" date null, add column "valid_to" date null;`);
    this.addSql(
      `alter table "region" add constraint "region_validity_check" check ("valid_to" is null or "valid_from" is null or "valid_to" >= "valid_from");`,
    );
    this.addSql(`create table "region_succession" (
      "predecessor_code" varchar(12) not null, "successor_code" varchar(12) not null,
      "effective_on" date not null, "decision_document" varchar(200) not null, "decided_on" date not null,
      "recorded_at" timestamptz not null default now(),
      constraint "region_succession_pkey" primary key ("predecessor_code", "successor_code"),
      constraint "region_succession_not_self" check ("predecessor_code" <> "successor_code"));`);
    this.addSql(
      `alter table "region_succession" add constraint "region_succession_predecessor_code_foreign" foreign key ("predecessor_code") references "region" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "region_succession" add constraint "region_succession_successor_code_foreign" foreign key ("successor_code") references "region" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `create index "region_succession_successor_index" on "region_succession" ("successor_code");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "region_succession";`);
    this.addSql(`alter table "region" drop constraint "region_validity_check";`);
    this.addSql(`alter table "region" drop column "valid_from", drop column "valid_to";`);
  }
}
