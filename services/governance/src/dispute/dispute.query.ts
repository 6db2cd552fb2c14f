import { chinaDayStartSql, isoDay, regionCodePrefix } from '@county/domain';
import {
  allOf,
  badInput,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { Dispute } from './dispute.entity';
import type { DisputesArgs } from './dispute.args';
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
 * `scope` (a condition on `d`) narrows further, e.g. to one committee's for `Organization.mediations`.
 */
export function findDisputes(
  ctx: SubgraphContext,
  args: DisputesArgs,
  scope?: RowFilter,
): Promise<Page<Dispute>> {
  parseInput(disputesArgsRule, args, '');
  return pageRows(ctx, Dispute, 'd', allOf(disputeConditions(args), scope), args, 'reportedAt', 'id');
}

/**
 * The filters as one condition on the alias `d`, and its parameters. Text rather than criteria objects:
 * MikroORM's criteria processing was most of the cockpit's two alert lists' CPU (bench,
 * BENCH_PROFILE=cockpit).
 */
function disputeConditions(args: DisputesArgs): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    conditions.push(`d.${column} = ?`);
    params.push(value);
  };
  equal('kind', args.kind);
  equal('status', args.status);
  equal('risk_colour', args.riskColour);
  if (args.reportedFrom && args.reportedTo)
    dayRange(args.reportedFrom, args.reportedTo, 'reportedFrom', 'reportedTo');
  if (args.reportedFrom) {
    conditions.push(`d.reported_at >= ${DAY_START}`);
    params.push(isoDay(args.reportedFrom));
  }
  if (args.reportedTo) {
    conditions.push(`d.reported_at < ${DAY_START} + interval '1 day'`);
    params.push(isoDay(args.reportedTo));
  }
  if (args.regionCode) {
    conditions.push('d.region_code like ?');
    params.push(`${regionCodePrefix(args.regionCode)}%`);
  }
  equal('grid_id', args.gridId);
  equal('organization_id', args.organizationId);
  equal('mediator_id', args.mediatorId);
  return { sql: conditions.join(' and '), params };
}
