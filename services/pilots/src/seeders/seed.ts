import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { PilotLead } from '../lead/lead.entity';
import { buildDemoPilots, type DemoPilotRows } from './build';
import { buildFurtherCountyPilots } from './further-counties';

/** One set of pilot rows: one statement per table, parents first. */
async function insertPilots(em: EntityManager, rows: DemoPilotRows): Promise<number> {
  await bulkInsert(em, 'pilot_lead', rows.leads);
  await bulkInsert(em, 'pilot', rows.pilots);
  await bulkInsert(em, 'pilot_evaluation', rows.evaluations);
  await bulkInsert(em, 'pilot_promotion', rows.promotions);
  await bulkInsert(em, 'pilot_ledger_entry', rows.ledger);
  return Object.values(rows).reduce((total, table: unknown[]) => total + table.length, 0);
}

/**
 * Loads the demo city's pilots when the database has no pilot leads yet, in one transaction; then, in the
 * province mode (provinceCities), each further county's own (`buildFurtherCountyPilots`), a county at a time.
 * Ids of organisations and people are the demo directory's (computed, never fetched).
 */
export async function seedPilotsDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(PilotLead, {})) > 0) return 0;
  // the demo city's pilots are the published city figures: built from the city alone, whatever the province
  const cityRows = buildDemoPilots(generateDemoCity({ ...options, provinceCities: 0 }));
  const further = options.provinceCities ? buildFurtherCountyPilots(generateDemoCity(options)) : [];
  return em.transactional(async (tx) => {
    let written = await insertPilots(tx, cityRows);
    for (const county of further) written += await insertPilots(tx, county);
    return written;
  });
}
