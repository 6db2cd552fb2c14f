import { Migration } from '@mikro-orm/migrations';

/*
 * Community workers' pay scale per province as data kept by hr (`community_pay`); a province without a row
 * pays by the national default (COMMUNITY_WORKER_BASE_PAY, COMMUNITY_WORKER_PAY_STEP).
 */
export class Migration20261205060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "community_pay" ("province_code" varchar(6) not null, "base_pay" int not null, "pay_step" double precision not null, "version" int not null default 1, constraint "community_pay_pkey" primary key ("province_code"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "community_pay";`);
  }
}
