import type { QueryBuilder } from '@mikro-orm/postgresql';
import { paginate, parseInput, type Page, type SubgraphContext } from '@county/kit';
import { regionLike } from '../field-rules';
import { PilotLead } from './lead.entity';
import type { PilotLeadsArgs } from './lead.args';
import { pilotLeadsArgsRule } from './lead.rules';

/** A page of pilot leads, newest last (by issue date), under the filters every lead list shares. */
export function pageLeads(
  ctx: SubgraphContext,
  args: PilotLeadsArgs,
  scope?: (qb: QueryBuilder<PilotLead>) => void,
): Promise<Page<PilotLead>> {
  parseInput(pilotLeadsArgsRule, args, '');
  const qb = ctx.em.createQueryBuilder(PilotLead, 'l');
  scope?.(qb);
  if (args.level) qb.andWhere({ level: args.level });
  if (args.status) qb.andWhere({ status: args.status });
  if (args.organizationId) qb.andWhere({ organizationId: args.organizationId });
  if (args.regionCode) qb.andWhere({ regionCode: { $like: regionLike(args.regionCode) } });
  if (args.issuedYear) qb.andWhere('extract(year from issued_on) = ?', [args.issuedYear]);
  return paginate(qb, args, 'issuedOn', 'id');
}
