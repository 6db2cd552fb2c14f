import { Field, Int, ObjectType } from 'type-graphql';
import { regionCodePrefix, yearRule } from '@county/domain';
import { paginate, parseInput, PreparedRead, type Page, type SubgraphContext } from '@county/kit';
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

// planned once per connection: the pattern is a column, so no plan could use it as an index prefix anyway
const SUMMARIES = PreparedRead.of<SummaryRow>(
  `select r.code,
          count(j.id)::int as judged,
          count(*) filter (where j.level <> 'NONE')::int as "atRisk",
          count(*) filter (where j.level = 'HIGH')::int as high,
          count(*) filter (where j.level = 'MEDIUM')::int as medium,
          count(*) filter (where j.level = 'LOW')::int as low,
          count(distinct j.leader_id) filter (where j.level <> 'NONE')::int as "leadersAssigned"
     from unnest(?::text[], ?::text[]) as r(code, pattern)
     left join risk_judgement j on j.year = ? and j.region_code like r.pattern
    group by r.code`,
);

/**
 * The summaries of every region a request asks for (a county and each of its townships, as the cockpit
 * does) in one statement: one pass over the year's judgements, grouped by the asking region's prefix.
 */
export function riskSummary(ctx: SubgraphContext, regionCode: string, year: number): Promise<RiskSummary> {
  parseInput(yearRule, year, 'year');
  return ctx.loaders
    .get<string, RiskSummary>(`Region.riskSummary.${year}`, async (codes) => {
      const rows = await SUMMARIES.run(ctx.em, [
        `{${codes.join(',')}}`,
        `{${codes.map(like).join(',')}}`,
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
  const qb = ctx.em
    .createQueryBuilder(RiskJudgement, 'r')
    .where({ year: args.year, regionCode: { $like: like(regionCode) } })
    .andWhere(args.level ? { level: args.level } : { level: { $ne: RiskLevel.NONE } });
  return paginate(qb, args, 'regionCode', 'id');
}
