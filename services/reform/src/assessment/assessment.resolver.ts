import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { regionCodePrefix, regionCodeRule, yearRule } from '@county/domain';
import {
  escapeLike,
  MAX_PAGE_SIZE,
  pageSize,
  parseInput,
  PreparedRead,
  type SubgraphContext,
} from '@county/kit';
import { organizationRef, OrganizationRef } from '../directory';
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

// prepared once per connection: the cockpit asks for it on every refresh
const BOARD = PreparedRead.of<BoardRow>(
  `select rank() over (order by total desc) as rank, organization_id, total, scores
     from assessment where year = ? and (?::text = '%' or region_code like ?)
    order by total desc, organization_id limit ?`,
);

/** The board for a year: a city's whole board, or a region's organisations ranked among themselves. */
export async function resultsBoard(
  ctx: SubgraphContext,
  year: number,
  first: number | undefined,
  regionCode?: string | null,
): Promise<ResultsBoardEntry[]> {
  parseInput(yearRule, year, 'year');
  const size = pageSize(first);
  const pattern = regionCode
    ? `${escapeLike(regionCodePrefix(parseInput(regionCodeRule, regionCode, 'regionCode')) ?? '')}%`
    : '%';
  const rows = await BOARD.run(ctx.em, [year, pattern, pattern, size]);
  return rows.map((row) => ({
    rank: Number(row.rank),
    organization: organizationRef(row.organization_id),
    total: row.total,
    scores: row.scores,
  }));
}

@Resolver()
export class AssessmentResolver {
  @Query(() => [ResultsBoardEntry], {
    description: `问效榜 — organisations ranked by their reform assessment total for a year (top \`first\`, at most ${MAX_PAGE_SIZE}); with \`regionCode\`, the organisations of that region and below, ranked among themselves`,
  })
  async resultsBoard(
    @Arg('year', () => Int) year: number,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Ctx() ctx: SubgraphContext,
    @Arg('regionCode', () => ID, {
      nullable: true,
      description:
        '区划 — only organisations located in this region or below (where they were when assessed)',
    })
    regionCode?: string | null,
  ): Promise<ResultsBoardEntry[]> {
    // the whole board (a city's) when no region is asked for; ranks are within the board shown
    return resultsBoard(ctx, year, first, regionCode);
  }
}
