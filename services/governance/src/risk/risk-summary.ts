import { Field, Int, ObjectType } from 'type-graphql';
import { regionCodePrefix } from '@county/domain';
import { paginate, parseInput, type Page, type SubgraphContext } from '@county/kit';
import { RiskLevel } from '../vocabulary';
import { RiskJudgement } from './risk-judgement.entity';
import type { RiskVillagesArgs } from './risk-judgement.args';
import { yearRule } from './risk-judgement.rules';

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

export async function riskSummary(
  ctx: SubgraphContext,
  regionCode: string,
  year: number,
): Promise<RiskSummary> {
  parseInput(yearRule, year, 'year');
  const [row] = await ctx.em.getConnection().execute<RiskSummary[]>(
    `select count(*)::int as judged,
            count(*) filter (where level <> 'NONE')::int as "atRisk",
            count(*) filter (where level = 'HIGH')::int as high,
            count(*) filter (where level = 'MEDIUM')::int as medium,
            count(*) filter (where level = 'LOW')::int as low,
            count(distinct leader_id) filter (where level <> 'NONE')::int as "leadersAssigned"
     from risk_judgement where year = ? and region_code like ?`,
    [year, like(regionCode)],
  );
  return row;
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
