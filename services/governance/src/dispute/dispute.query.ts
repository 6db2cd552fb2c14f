import { chinaDayStartSql, isoDay, regionCodePrefix } from '@county/domain';
import { badInput, paginate, parseInput, type Page, type SubgraphContext } from '@county/kit';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { Dispute } from './dispute.entity';
import type { DisputeFilterArgs, DisputesArgs } from './dispute.args';
import { disputesArgsRule } from './dispute.rules';

/** Days are counted in China time: the county's working day, whatever the server's zone. */
export const DAY_START = chinaDayStartSql('?::date');

/** Throws unless `from` ≤ `to`; returns them as `YYYY-MM-DD`. */
export function dayRange(from: Date, to: Date, fromField: string, toField: string): [string, string] {
  const [first, last] = [isoDay(from), isoDay(to)];
  if (first > last) throw badInput(toField, 'after-from', `must not be before ${fromField}`);
  return [first, last];
}

/**
 * A page of disputes matching the filters, in the order they were reported (keyset on reported time, then id).
 * `scope` narrows further, e.g. to one mediator for `Person.mediations`.
 */
export function findDisputes(
  ctx: SubgraphContext,
  args: DisputesArgs,
  scope?: (qb: QueryBuilder<Dispute>) => void,
): Promise<Page<Dispute>> {
  parseInput(disputesArgsRule, args, '');
  const qb = ctx.em.createQueryBuilder(Dispute, 'd');
  applyFilters(qb, args);
  if (args.regionCode) qb.andWhere({ regionCode: { $like: `${regionCodePrefix(args.regionCode)}%` } });
  if (args.gridId) qb.andWhere({ gridId: args.gridId });
  if (args.organizationId) qb.andWhere({ organizationId: args.organizationId });
  if (args.mediatorId) qb.andWhere({ mediatorId: args.mediatorId });
  scope?.(qb);
  return paginate(qb, args, 'reportedAt', 'id');
}

function applyFilters(qb: QueryBuilder<Dispute>, args: DisputeFilterArgs): void {
  if (args.kind) qb.andWhere({ kind: args.kind });
  if (args.status) qb.andWhere({ status: args.status });
  if (args.riskColour) qb.andWhere({ riskColour: args.riskColour });
  if (args.reportedFrom && args.reportedTo)
    dayRange(args.reportedFrom, args.reportedTo, 'reportedFrom', 'reportedTo');
  if (args.reportedFrom) qb.andWhere(`d.reported_at >= ${DAY_START}`, [isoDay(args.reportedFrom)]);
  if (args.reportedTo)
    qb.andWhere(`d.reported_at < ${DAY_START} + interval '1 day'`, [isoDay(args.reportedTo)]);
}
