import type { QueryBuilder } from '@mikro-orm/postgresql';
import { paginate, parseInput, type Page, type SubgraphContext } from '@county/kit';
import { Pilot } from './pilot.entity';
import type { PilotsArgs } from './pilot.args';
import { pilotsArgsRule } from './pilot.rules';
import { FLAGGED_FOR_CLEAN_UP_SQL, OVERDUE_SQL } from './pilot.stage';
import { containsText, regionLike } from '../field-rules';

/** SQL: the pilot runs in the region with this prefix or below it (any of its region codes). */
export const IN_REGION_SQL = 'exists (select 1 from unnest(region_codes) as rc(code) where rc.code like ?)';

/** A page of pilots under the filters every pilot list shares, plus `scope` (an organisation's, a person's). */
export function pagePilots(
  ctx: SubgraphContext,
  args: PilotsArgs,
  scope?: (qb: QueryBuilder<Pilot>) => void,
): Promise<Page<Pilot>> {
  parseInput(pilotsArgsRule, args, '');
  const qb = ctx.em.createQueryBuilder(Pilot, 'p');
  scope?.(qb);
  if (args.level) qb.andWhere({ level: args.level });
  if (args.field) qb.andWhere({ field: args.field });
  if (args.stage) qb.andWhere({ stage: args.stage });
  if (args.leadOrganizationId) qb.andWhere({ leadOrganizationId: args.leadOrganizationId });
  if (args.leaderId) qb.andWhere({ leaderId: args.leaderId });
  if (args.regionCode) qb.andWhere(IN_REGION_SQL, [regionLike(args.regionCode)]);
  if (args.approvedYear) qb.andWhere('extract(year from approved_on) = ?', [args.approvedYear]);
  if (args.flaggedForCleanUp !== undefined && args.flaggedForCleanUp !== null) {
    qb.andWhere(args.flaggedForCleanUp ? FLAGGED_FOR_CLEAN_UP_SQL : `not ${FLAGGED_FOR_CLEAN_UP_SQL}`);
  }
  if (args.overdue !== undefined && args.overdue !== null) {
    qb.andWhere(args.overdue ? OVERDUE_SQL : `not ${OVERDUE_SQL}`);
  }
  if (args.name) qb.andWhere({ name: { $ilike: containsText(args.name) } });
  return paginate(qb, args, 'name', 'id');
}
