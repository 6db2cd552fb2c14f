import { Migration } from '@mikro-orm/migrations';

/**
 * 下沉方式 (issue 21, seed 001 part 三): how each item came to be handled in the townships (进驻 / 下放 /
 * other), with the document and the day. Items recorded before stay null until the bureau records it.
 */
export class Migration20261205170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "service_item"
      add column "moved_down" text check ("moved_down" in ('STATIONED', 'DELEGATED', 'OTHER')) null,
      add column "moved_down_document" varchar(200) null,
      add column "moved_down_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_item"
      drop column "moved_down",
      drop column "moved_down_document",
      drop column "moved_down_on";`);
  }
}
