import { Field, Int, ObjectType } from 'type-graphql';
import { regionCodePrefix, regionCodeRange, yearRule } from '@county/domain';
import { pageRows, parseInput, PreparedRead, type Page, type SubgraphContext } from '@county/kit';
import { RiskLevel } from '../vocabulary';
import { RiskJudgement } from './risk-judgement.entity';
import type { RiskVillagesArgs } from './risk-judgement.args';

@ObjectType({ description: '风险村研判汇总 — the villages of a region judged in one year, by level' })
export class RiskSummary {
  @Field(() => Int, { description: '研判村(社区) — villages judged' })
  judged!: number;

  @Field(() => Int, { description: '风险村 — judged at high, medium or low risk' })
  atRisk!: number;

  @Field(() => Int, { description: '高风险' })
  high!: number;

  @Field(() => Int, { description: '中风险' })
  medium!: number;

  @Field(() => Int, { description: '低风险' })
  low!: number;

  @Field(() => Int, { description: '包联县领导 — distinct county leaders assigned to villages at risk' })
  leadersAssigned!: number;
}

const like = (regionCode: string) => `${regionCodePrefix(regionCode) ?? regionCode}%`;

interface SummaryRow extends RiskSummary {
  code: string;
}

/*
 * Planned once per connection. Each region's judgements are an index range (`regionCodeRange`, on the
 * (region_code, year) index), read on their own: a join on `like` with the patterns as a column compared
 * every judgement of the year with every region asked (25 ms a county's townships at 45 counties).
 */
const SUMMARIES = PreparedRead.of<SummaryRow>(
  `select r.code, s.*
     from unnest(?::text[], ?::text[], ?::text[]) as r(code, lo, hi)
     cross join lateral (
       select count(j.id)::int as judged,
              count(*) filter (where j.level <> 'NONE')::int as "atRisk",
              count(*) filter (where j.level = 'HIGH')::int as high,
              count(*) filter (where j.level = 'MEDIUM')::int as medium,
              count(*) filter (where j.level = 'LOW')::int as low,
              count(distinct j.leader_id) filter (where j.level <> 'NONE')::int as "leadersAssigned"
         from risk_judgement j
        where j.year = ? and j.region_code between r.lo and r.hi) s`,
);

/**
 * The summaries of every region a request asks for (a county and each of its townships, as the cockpit
 * does) in one statement: one pass over the year's judgements, grouped by the asking region's prefix.
 */
export function riskSummary(ctx: SubgraphContext, regionCode: string, year: number): Promise<RiskSummary> {
  parseInput(yearRule, year, 'year');
  return ctx.loaders
    .get<string, RiskSummary>(`Region.riskSummary.${year}`, async (codes) => {
      const ranges = codes.map((code) => regionCodeRange(regionCodePrefix(code) ?? code));
      const rows = await SUMMARIES.run(ctx.em, [
        `{${codes.join(',')}}`,
        `{${ranges.map(({ lo }) => lo).join(',')}}`,
        `{${ranges.map(({ hi }) => hi).join(',')}}`,
        year,
      ]);
      const byCode = new Map(rows.map(({ code, ...summary }) => [code, summary]));
      return codes.map((code) => byCode.get(code)!);
    })
    .load(regionCode);
}

/** The judgements of villages under `regionCode` for a year, at-risk ones unless a level is asked for. */
export function riskVillages(
  ctx: SubgraphContext,
  regionCode: string,
  args: RiskVillagesArgs,
): Promise<Page<RiskJudgement>> {
  parseInput(yearRule, args.year, 'year');
  const filter = {
    sql: `r.year = ? and r.region_code like ? and ${args.level ? 'r.level = ?' : 'r.level <> ?'}`,
    params: [args.year, like(regionCode), args.level ?? RiskLevel.NONE],
  };
  return pageRows(ctx, RiskJudgement, 'r', filter, args, 'regionCode', 'id');
}
