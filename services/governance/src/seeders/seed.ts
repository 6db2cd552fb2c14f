import type { MikroORM } from '@mikro-orm/postgresql';
import {
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
  type DemoCity,
} from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { Grid } from '../grid/grid.entity';
import { demoCounties, type DemoCounty } from './county';
import { demoGrids, type GridRow } from './grids';
import { demoMediation, type DemoMediation } from './mediation';
import { demoDisputes } from './disputes';
import { demoRiskJudgements } from './risk';

type Tables = Record<string, Record<string, unknown>[]>;

/**
 * A county's standing structure: its governance centre (the county's political-legal committee, which writes
 * as `department:<its id>`), its three levels of grids and its mediation organisations.
 */
export function demoStructure(
  city: DemoCity,
  county: DemoCounty,
): { tables: Tables; mediation: DemoMediation; thirdLevel: Map<string, GridRow[]> } {
  const { grids, thirdLevel } = demoGrids(county);
  const mediation = demoMediation(city, county);
  const centre = {
    organization_id: demoOrganizationId(organizationNaturalKey(county.code, 'dept:political-legal')),
    region_code: county.code,
  };
  return {
    tables: { governance_centre: [centre], grid: grids, mediation_organization: mediation.rows },
    mediation,
    thirdLevel,
  };
}

/**
 * Loads the governance demo data for the demo city when the database has no grids yet: the structure of each
 * county, a year of disputes with their steps and return visits, and the villages' risk judgements, one
 * statement per table.
 */
export async function seedGovernanceDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(Grid, {})) > 0) return 0;
  const city = generateDemoCity(options);
  const tables: Tables = {};
  const add = (more: Tables) => {
    for (const [table, rows] of Object.entries(more)) (tables[table] ??= []).push(...rows);
  };
  for (const county of demoCounties(city)) {
    const structure = demoStructure(city, county);
    add(structure.tables);
    const { disputes, steps, visits } = demoDisputes(county, structure.mediation, structure.thirdLevel);
    add({
      dispute: disputes,
      dispute_step: steps,
      return_visit: visits,
      risk_judgement: demoRiskJudgements(county),
    });
  }
  await em.transactional(async (tx) => {
    for (const [table, rows] of Object.entries(tables)) await bulkInsert(tx, table, rows);
  });
  return Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
}
