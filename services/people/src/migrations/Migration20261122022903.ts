import { Migration } from '@mikro-orm/migrations';

export class Migration20261122022903 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "region" ("code" varchar(12) not null, "name" varchar(100) not null, "level" text check ("level" in ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "parent_code" varchar(12) null, constraint "region_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "region_parent_code_index" on "region" ("parent_code");`);
    this.addSql(`create index "region_code_prefix_idx" on "region" ("code" text_pattern_ops);`);

    this.addSql(
      `create table "organization" ("id" uuid not null, "name" varchar(200) not null, "type" text check ("type" in ('PARTY_COMMITTEE', 'PEOPLES_CONGRESS', 'GOVERNMENT', 'GOVERNMENT_DEPARTMENT', 'PARTY_DEPARTMENT', 'TOWNSHIP_GOVERNMENT', 'VILLAGE_COMMITTEE', 'COMMUNITY_COMMITTEE', 'PUBLIC_INSTITUTION', 'MEDIATION_COMMITTEE', 'SERVICE_CENTER')) not null, "region_code" varchar(12) not null, "parent_id" uuid null, "credit_code" varchar(18) null, "leader_id" uuid null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);
    this.addSql(
      `alter table "organization" add constraint "organization_credit_code_unique" unique ("credit_code");`,
    );
    this.addSql(`create index "organization_name_id_index" on "organization" ("name", "id");`);
    this.addSql(
      `create index "organization_region_prefix_idx" on "organization" ("region_code" text_pattern_ops, "name", "id");`,
    );

    this.addSql(
      `create table "person" ("id" uuid not null, "name" varchar(50) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "roles" text[] not null, "organization_id" uuid not null, "position" varchar(100) not null, "phone" varchar(20) not null, "id_number" varchar(18) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "person_organization_id_index" on "person" ("organization_id");`);
    this.addSql(`alter table "person" add constraint "person_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "person_roles_idx" on "person" using gin ("roles");`);
    this.addSql(`create index "person_name_id_index" on "person" ("name", "id");`);

    this.addSql(
      `alter table "region" add constraint "region_parent_code_foreign" foreign key ("parent_code") references "region" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "organization" add constraint "organization_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "organization" add constraint "organization_leader_id_foreign" foreign key ("leader_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "person" add constraint "person_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
  }
}
