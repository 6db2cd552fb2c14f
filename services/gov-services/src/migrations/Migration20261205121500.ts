import { Migration } from '@mikro-orm/migrations';

const DAY = ['received', 'completed', 'on_time', 'one_visit', 'rated', 'satisfied', 'bad'];
const RANK = ['received', 'completed', 'on_time'];

/** The rollup tables as they stand at this migration: period, keys, counters (frozen, as it ran). */
const TABLES: [table: string, period: string, keys: string[], counters: string[]][] = [
  ['rollup_day', 'day', ['channel', 'level'], [...DAY, 'rectified_on_time', 'target_cases', 'target_met']],
  [
    'rollup_month',
    'month',
    ['channel', 'level'],
    [...DAY, 'rectified_on_time', 'target_cases', 'target_met'],
  ],
  ['rollup_duration', 'day', ['working_days'], ['cases']],
  ['rollup_duration_month', 'month', ['working_days'], ['cases']],
  ['rollup_item_month', 'month', ['item_id'], RANK],
  ['rollup_item_year', 'year', ['item_id'], RANK],
  ['rollup_centre_month', 'month', ['centre_id'], RANK],
  ['rollup_centre_year', 'year', ['centre_id'], RANK],
];

/** Six digits ending "00" but not "0000": a city's row, which every event's chain holds exactly once. */
const CITY_ROWS = `length(region_code) = 6 and region_code like '____00' and region_code not like '__0000'`;
const PROVINCE_ROWS = `length(region_code) = 6 and region_code like '__0000'`;

/*
 * A province (省) above the cities: each case event now also books the province its centre's code lies in
 * (@county/domain's parentRegionCode goes on from the city). The rows booked before gain their province,
 * summed from the city rows (a city's row holds each of its events once); nothing else changes.
 */
export class Migration20261205121500 extends Migration {
  override async up(): Promise<void> {
    for (const [table, period, keys, counters] of TABLES) {
      // none before this migration; cleared all the same, so that the province's rows are exactly the sums
      this.addSql(`delete from ${table} where ${PROVINCE_ROWS};`);
      const columns = ['region_code', period, ...keys, ...counters].join(', ');
      this.addSql(`insert into ${table} (${columns})
        select left(region_code, 2) || '0000', ${period}, ${keys.join(', ')}, ${counters.map((c) => `sum(${c})`).join(', ')}
          from ${table} where ${CITY_ROWS}
         group by left(region_code, 2), ${period}, ${keys.join(', ')};`);
    }
  }

  override async down(): Promise<void> {
    for (const [table] of TABLES) this.addSql(`delete from ${table} where ${PROVINCE_ROWS};`);
  }
}
