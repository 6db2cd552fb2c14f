import { Migration } from '@mikro-orm/migrations';

/** A province (省/自治区/直辖市) above the cities: the level the directory may now hold. */
export class Migration20261205121500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "region" drop constraint "region_level_check";`);
    this.addSql(
      `alter table "region" add constraint "region_level_check" check ("level" in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "region" drop constraint "region_level_check";`);
    this.addSql(
      `alter table "region" add constraint "region_level_check" check ("level" in ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'));`,
    );
  }
}
