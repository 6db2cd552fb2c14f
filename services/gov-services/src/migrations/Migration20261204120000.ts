import { Migration } from '@mikro-orm/migrations';

/** 法定延期上限: an item's own statutory cap on extensions; null keeps the law's default (10 working days). */
export class Migration20261204120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "service_item" add column "max_extension_days" smallint null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_item" drop column "max_extension_days";`);
  }
}
