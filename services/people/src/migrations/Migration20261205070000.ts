import { Migration } from '@mikro-orm/migrations';

/* Region outlines for the cockpit's map (GeoJSON in jsonb), one row per region, uploaded per parent by hr. */
export class Migration20261205070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "region_boundary" ("region_code" varchar(12) not null, "geometry" jsonb not null, "fictional" boolean not null, "source" varchar(200) not null, "digest" varchar(64) not null, "updated_at" timestamptz not null, constraint "region_boundary_pkey" primary key ("region_code"));`,
    );
    this.addSql(
      `alter table "region_boundary" add constraint "region_boundary_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "region_boundary";`);
  }
}
