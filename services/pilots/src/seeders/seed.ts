import type { MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { PilotLead } from '../lead/lead.entity';
import { buildDemoPilots } from './build';

/**
 * Loads the demo city's pilots when the database has no pilot leads yet: one statement per table, in
 * one transaction. Ids of organisations and people are the demo directory's (computed, never fetched).
 */
export async function seedPilotsDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(PilotLead, {})) > 0) return 0;
  const rows = buildDemoPilots(generateDemoCity(options));
  await em.transactional(async (tx) => {
    await bulkInsert(tx, 'pilot_lead', rows.leads);
    await bulkInsert(tx, 'pilot', rows.pilots);
    await bulkInsert(tx, 'pilot_evaluation', rows.evaluations);
    await bulkInsert(tx, 'pilot_promotion', rows.promotions);
    await bulkInsert(tx, 'pilot_ledger_entry', rows.ledger);
  });
  return Object.values(rows).reduce((total, table: unknown[]) => total + table.length, 0);
}
