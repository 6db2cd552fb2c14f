import { Migration } from '@mikro-orm/migrations';

const ancestors = (province: boolean) => `create or replace function region_and_ancestors(code text)
  returns text[] language sql immutable strict parallel safe as $$
  select array_agg(distinct c) from unnest(array[
    code,
    case when length(code) > 9 then left(code, 9) end,
    case when length(code) > 6 then left(code, 6) end,
    left(code, 4) || '00'${province ? `,\n    left(code, 2) || '0000'` : ''}
  ]) c where c is not null $$;`;

/** A province code: six digits ending "0000" (@county/domain's levelOfRegionCode). */
const PROVINCE_ROWS = `region_code like '__0000' and length(region_code) = 6`;

/*
 * A province (省) above the cities: every dispute also counts for the province its code lies in, as
 * @county/domain's parentRegionCode chain now goes on from the city. The rollups gain the province rows,
 * recounted from the disputes; the rows below are unchanged.
 */
export class Migration20261205121500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(ancestors(true));
    // none before this migration; cleared all the same, so that the province's rows are exactly the recount
    this.addSql(`delete from dispute_rollup_day where ${PROVINCE_ROWS};`);
    this.addSql(`delete from dispute_rollup_month where ${PROVINCE_ROWS};`);
    this.addSql(
      `insert into dispute_rollup_day select * from dispute_rollup_recount('day') where ${PROVINCE_ROWS};`,
    );
    this.addSql(
      `insert into dispute_rollup_month select * from dispute_rollup_recount('month') where ${PROVINCE_ROWS};`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from dispute_rollup_day where ${PROVINCE_ROWS};`);
    this.addSql(`delete from dispute_rollup_month where ${PROVINCE_ROWS};`);
    this.addSql(ancestors(false));
  }
}
