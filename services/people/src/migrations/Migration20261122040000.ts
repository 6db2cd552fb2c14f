import { Migration } from '@mikro-orm/migrations';

/** The workforce records (issue 7): cadres and posts, village cadre terms and departing cadres, secondments,
 * community workers and quotas, yearly assessments, training courses and attendance. */
export class Migration20261122040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "post" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "position" varchar(100) not null, "started_on" date not null, "ended_on" date null, constraint "post_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "post_person_id_index" on "post" ("person_id");`);
    this.addSql(
      `create table "cadre" ("id" uuid not null, "person_id" uuid not null, "rank" text check ("rank" in ('COUNTY_PRINCIPAL', 'COUNTY_DEPUTY', 'SECTION_PRINCIPAL', 'SECTION_DEPUTY', 'STAFF')) not null, "county_leader" boolean not null default false, "version" int not null default 1, constraint "cadre_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "cadre" add constraint "cadre_person_id_unique" unique ("person_id");`);
    this.addSql(
      `create table "assessment" ("id" uuid not null, "person_id" uuid not null, "year" smallint not null, "qualitative_score" smallint not null, "quantitative_score" smallint not null, "grade" text check ("grade" in ('EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT')) not null, "version" int not null default 1, constraint "assessment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_person_id_year_unique" unique ("person_id", "year");`,
    );
    this.addSql(
      `create table "departing_cadre" ("id" uuid not null, "name" varchar(50) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) not null, "organization_id" uuid not null, "position" varchar(100) not null, "left_on" date not null, "placement" text check ("placement" in ('PUBLIC_WELFARE_POST', 'COLLECTIVE_ECONOMY', 'BUSINESS_SUPPORT', 'RESERVE_TALENT', 'RETIREMENT_ALLOWANCE')) not null, "placement_note" varchar(200) not null, "responsible_organization_id" uuid not null, "version" int not null default 1, constraint "departing_cadre_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "departing_cadre_organization_id_index" on "departing_cadre" ("organization_id");`,
    );
    this.addSql(
      `create table "community_worker" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "post_type" text check ("post_type" in ('HEAD', 'DEPUTY', 'OTHER')) not null, "level" smallint not null, "hired_on" date not null, "education" text check ("education" in ('HIGH_SCHOOL', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE')) not null, "all_round_certified" boolean not null default false, "version" int not null default 1, constraint "community_worker_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "community_worker_organization_id_index" on "community_worker" ("organization_id");`,
    );
    this.addSql(
      `alter table "community_worker" add constraint "community_worker_person_id_unique" unique ("person_id");`,
    );
    this.addSql(
      `create table "community_quota" ("id" uuid not null, "organization_id" uuid not null, "quota" smallint not null, "version" int not null default 1, constraint "community_quota_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "community_quota" add constraint "community_quota_organization_id_unique" unique ("organization_id");`,
    );
    this.addSql(
      `create table "secondment" ("id" uuid not null, "person_id" uuid not null, "from_organization_id" uuid not null, "to_organization_id" uuid not null, "front" text check ("front" in ('MAJOR_PROJECT', 'KEY_WORK', 'TOWNSHIP')) not null, "recommended_by" text check ("recommended_by" in ('SENDING_UNIT', 'RECEIVING_UNIT', 'ORGANIZATION_DEPARTMENT')) not null, "starts_on" date not null, "ends_on" date not null, "second_assessment_grade" text check ("second_assessment_grade" in ('EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT')) null, "second_assessment_score" smallint null, "version" int not null default 1, constraint "secondment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "secondment_person_id_index" on "secondment" ("person_id");`);
    this.addSql(`create index "secondment_starts_on_id_index" on "secondment" ("starts_on", "id");`);
    this.addSql(
      `create table "training_course" ("id" uuid not null, "title" varchar(200) not null, "organizer_id" uuid not null, "audience" text check ("audience" in ('VILLAGE_SECRETARIES', 'NEW_VILLAGE_CADRES', 'COMMUNITY_WORKERS', 'YOUNG_CADRES')) not null, "starts_on" date not null, "ends_on" date not null, "hours" smallint not null, constraint "training_course_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "training_course_organizer_id_index" on "training_course" ("organizer_id");`);
    this.addSql(
      `create index "training_course_starts_on_id_index" on "training_course" ("starts_on", "id");`,
    );
    this.addSql(
      `create table "training_attendance" ("id" uuid not null, "course_id" uuid not null, "person_id" uuid not null, "hours" smallint not null, constraint "training_attendance_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "training_attendance_person_id_index" on "training_attendance" ("person_id");`);
    this.addSql(
      `alter table "training_attendance" add constraint "training_attendance_course_id_person_id_unique" unique ("course_id", "person_id");`,
    );
    this.addSql(
      `create table "village_cadre_term" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "position" varchar(100) not null, "term_start" date not null, "term_end" date not null, "newly_elected" boolean not null, constraint "village_cadre_term_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "village_cadre_term_person_id_index" on "village_cadre_term" ("person_id");`);
    this.addSql(
      `alter table "post" add constraint "post_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "post" add constraint "post_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "cadre" add constraint "cadre_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "departing_cadre" add constraint "departing_cadre_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "departing_cadre" add constraint "departing_cadre_responsible_organization_id_foreign" foreign key ("responsible_organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "community_worker" add constraint "community_worker_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "community_worker" add constraint "community_worker_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "community_quota" add constraint "community_quota_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "secondment" add constraint "secondment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "secondment" add constraint "secondment_from_organization_id_foreign" foreign key ("from_organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "secondment" add constraint "secondment_to_organization_id_foreign" foreign key ("to_organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "training_course" add constraint "training_course_organizer_id_foreign" foreign key ("organizer_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "training_attendance" add constraint "training_attendance_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "training_attendance" add constraint "training_attendance_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "village_cadre_term" add constraint "village_cadre_term_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "village_cadre_term" add constraint "village_cadre_term_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
  }
}
