import { allOf, pageRows, parseInput, type Page, type RowFilter, type SubgraphContext } from '@county/kit';
import { Pilot } from './pilot.entity';
import type { PilotsArgs } from './pilot.args';
import { pilotsArgsRule } from './pilot.rules';
import { FLAGGED_FOR_CLEAN_UP_SQL, OVERDUE_SQL } from './pilot.stage';
import { containsText, regionLike } from '../field-rules';

/** SQL: the pilot runs in the region with this prefix or below it (any of its region codes). */
export const IN_REGION_SQL = 'exists (select 1 from unnest(region_codes) as rc(code) where rc.code like ?)';

/** A page of pilots under the filters every pilot list shares, plus `scope` (an organisation's, a person's: a condition on `p`). */
export function pagePilots(ctx: SubgraphContext, args: PilotsArgs, scope?: RowFilter): Promise<Page<Pilot>> {
  parseInput(pilotsArgsRule, args, '');
  return pageRows(ctx, Pilot, 'p', allOf(scope, pilotConditions(args)), args, 'name', 'id');
}

/**
 * The filters as one condition on the alias `p`, and its parameters: one `andWhere` of text costs MikroORM
 * far less than one per filter with criteria objects (the cockpit's cold request, BENCH_PROFILE=cockpit).
 */
function pilotConditions(args: PilotsArgs): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (args.level) add('p.level = ?', args.level);
  if (args.field) add('p.field = ?', args.field);
  if (args.stage) add('p.stage = ?', args.stage);
  if (args.leadOrganizationId) add('p.lead_organization_id = ?', args.leadOrganizationId);
  if (args.leaderId) add('p.leader_id = ?', args.leaderId);
  if (args.regionCode) add(IN_REGION_SQL, regionLike(args.regionCode));
  if (args.approvedYear) add('extract(year from approved_on) = ?', args.approvedYear);
  if (args.flaggedForCleanUp !== undefined && args.flaggedForCleanUp !== null)
    add(args.flaggedForCleanUp ? FLAGGED_FOR_CLEAN_UP_SQL : `not ${FLAGGED_FOR_CLEAN_UP_SQL}`);
  if (args.overdue !== undefined && args.overdue !== null)
    add(args.overdue ? OVERDUE_SQL : `not ${OVERDUE_SQL}`);
  if (args.name) add('p.name ilike ?', containsText(args.name));
  return { sql: conditions.map((condition) => `(${condition})`).join(' and '), params };
}
