import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { MAX_PAGE_SIZE, pageSize, parseInput, type SubgraphContext } from '@county/kit';
import { yearRule } from '../field-rules';
import { organizationRef, OrganizationRef } from '../directory/directory.types';
import { IndicatorScore } from './assessment.entity';

@ObjectType({ description: '问效榜条目 — an organisation’s place on the results board' })
export class ResultsBoardEntry {
  @Field(() => Int, { description: '名次 — rank; equal totals share a rank' })
  rank!: number;

  @Field(() => OrganizationRef, { description: '单位 — the organisation' })
  organization!: OrganizationRef;

  @Field(() => Float, { description: '总分 — the assessment total' })
  total!: number;

  @Field(() => [IndicatorScore], { description: '指标得分 — its indicator scores' })
  scores!: IndicatorScore[];
}

interface BoardRow {
  rank: string;
  organization_id: string;
  total: number;
  scores: IndicatorScore[];
}

@Resolver()
export class AssessmentResolver {
  @Query(() => [ResultsBoardEntry], {
    description: `问效榜 — organisations ranked by their reform assessment total for a year (top \`first\`, at most ${MAX_PAGE_SIZE})`,
  })
  async resultsBoard(
    @Arg('year', () => Int) year: number,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ResultsBoardEntry[]> {
    parseInput(yearRule, year, 'year');
    const rows: BoardRow[] = await ctx.em.getConnection().execute(
      `select rank() over (order by total desc) as rank, organization_id, total, scores
         from assessment where year = ? order by total desc, organization_id limit ?`,
      [year, pageSize(first)],
    );
    return rows.map((row) => ({
      rank: Number(row.rank),
      organization: organizationRef(row.organization_id),
      total: row.total,
      scores: row.scores,
    }));
  }
}
