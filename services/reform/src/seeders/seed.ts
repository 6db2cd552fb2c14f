import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { SpecialGroup } from '../special-group/special-group.entity';
import { planDemoLedger, type DemoLedger } from './plan';

/** Parents before children (foreign keys). */
const TABLES: (keyof DemoLedger)[] = [
  'special_group',
  'work_point',
  'reform_task',
  'milestone',
  'progress_report',
  'supervision_order',
  'problem',
  'assessment',
];

/** A ledger's rows, table by table, plans before their tasks: one statement per table. */
async function insertLedger(em: EntityManager, ledger: DemoLedger): Promise<number> {
  const plans = ledger.reform_task.filter((t) => ledger.reform_task.some((c) => c.parent_id === t.id));
  for (const table of TABLES) {
    const rows =
      table === 'reform_task'
        ? [...plans, ...ledger.reform_task.filter((t) => !plans.includes(t))]
        : ledger[table];
    await bulkInsert(em, table, rows);
  }
  return TABLES.reduce((sum, table) => sum + ledger[table].length, 0);
}

/**
 * Loads the demo county's reform ledger when there is none yet: one statement per table. The ledger is the
 * default demo county's (the reform office of one county); more counties of the demo city add none, the
 * counties of the province's further cities (provinceCities) each their own at its scale (`planDemoLedger`),
 * one county at a time, so a province of many counties never builds one huge statement.
 */
export async function seedReformDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(SpecialGroup, {})) > 0) return 0;
  const city = generateDemoCity({ ...options, counties: Math.min(options.counties, 1) });
  const further = city.regions.filter((r) => r.level === 'COUNTY' && r.parentCode !== city.cityCode);
  return em.transactional(async (tx) => {
    let rows = await insertLedger(tx, planDemoLedger(city, DEMO_COUNTY_CODE));
    for (const county of further) rows += await insertLedger(tx, planDemoLedger(city, county.code));
    return rows;
  });
}
