import { allOf, pageRows, parseInput, type Page, type RowFilter, type SubgraphContext } from '@county/kit';
import { regionLike } from '../field-rules';
import { PilotLead } from './lead.entity';
import type { PilotLeadsArgs } from './lead.args';
import { pilotLeadsArgsRule } from './lead.rules';

/**
 * A page of pilot leads, newest last (by issue date), under the filters every lead list shares, plus `scope`
 * (an organisation's: a condition on `l`).
 */
export function pageLeads(
  ctx: SubgraphContext,
  args: PilotLeadsArgs,
  scope?: RowFilter,
): Promise<Page<PilotLead>> {
  parseInput(pilotLeadsArgsRule, args, '');
  const filters: RowFilter[] = [];
  if (args.level) filters.push({ sql: 'l.level = ?', params: [args.level] });
  if (args.status) filters.push({ sql: 'l.status = ?', params: [args.status] });
  if (args.organizationId) filters.push({ sql: 'l.organization_id = ?', params: [args.organizationId] });
  if (args.regionCode) filters.push({ sql: 'l.region_code like ?', params: [regionLike(args.regionCode)] });
  // the year as a range of days: the issue date's index answers it, `extract(year …)` would not
  if (args.issuedYear)
    filters.push({
      sql: 'l.issued_on >= make_date(?::int, 1, 1) and l.issued_on < make_date(?::int + 1, 1, 1)',
      params: [args.issuedYear, args.issuedYear],
    });
  return pageRows(ctx, PilotLead, 'l', allOf(scope, ...filters), args, 'issuedOn', 'id');
}
