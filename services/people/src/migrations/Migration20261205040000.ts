import { Migration } from '@mikro-orm/migrations';

/*
 * 三岗十八级 level ranges per province as data kept by hr (`community_post_level_range`; a province without
 * a row keeps the national guidance), and village cadres' terms written through the graph (a version for
 * optimistic locking, and an index to find a village's terms).
 */
export class Migration20261205040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "community_post_level_range" ("id" uuid not null, "province_code" varchar(6) not null, "post_type" text check ("post_type" in ('HEAD', 'DEPUTY', 'OTHER')) not null, "min" smallint not null, "max" smallint not null, "version" int not null default 1, constraint "community_post_level_range_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "community_post_level_range" add constraint "community_post_level_range_province_code_post_type_unique" unique ("province_code", "post_type");`,
    );
    this.addSql(`alter table "village_cadre_term" add column "version" int not null default 1;`);
    this.addSql(
      `create index "village_cadre_term_organization_id_index" on "village_cadre_term" ("organization_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "village_cadre_term_organization_id_index";`);
    this.addSql(`alter table "village_cadre_term" drop column "version";`);
    this.addSql(`drop table "community_post_level_range";`);
  }
}
