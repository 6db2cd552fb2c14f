import { Migration } from '@mikro-orm/migrations';

/**
 * 审批环节即办件 (issue 21, part 3): each approval step of an investment project is a service case of its
 * own. Steps recorded before keep a null case and their own dates.
 */
export class Migration20261205113000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "approval_step" add column "case_id" uuid null;`);
    this.addSql(
      `alter table "approval_step" add constraint "approval_step_case_id_unique" unique ("case_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "approval_step" drop constraint "approval_step_case_id_unique";`);
    this.addSql(`alter table "approval_step" drop column "case_id";`);
  }
}
