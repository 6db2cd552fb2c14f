import type { MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity } from '@county/demo-data';
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

/**
 * Loads the demo county's reform ledger when there is none yet: one statement per table. The ledger is the
 * default demo county's (the reform office of one county); more demo counties add none.
 */
export async function seedReformDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(SpecialGroup, {})) > 0) return 0;
  const ledger = planDemoLedger(generateDemoCity({ counties: Math.min(options.counties, 1) }));
  const plans = ledger.reform_task.filter((t) => ledger.reform_task.some((c) => c.parent_id === t.id));
  await em.transactional(async (tx) => {
    for (const table of TABLES) {
      // plans go in before their tasks
      const rows =
        table === 'reform_task'
          ? [...plans, ...ledger.reform_task.filter((t) => !plans.includes(t))]
          : ledger[table];
      await bulkInsert(tx, table, rows);
    }
  });
  return TABLES.reduce((sum, table) => sum + ledger[table].length, 0);
}
