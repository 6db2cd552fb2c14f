import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { regionCodePrefix, regionCodeRule, yearRule } from '@county/domain';
import { MAX_PAGE_SIZE, pageSize, parseInput, PreparedRead, type SubgraphContext } from '@county/kit';
import { organizationRef, OrganizationRef } from '../directory';
import { ScoringRule } from './scoring.entity';

@ObjectType({ description: '问效榜加分条目 — an organisation’s assessment, its bonus points and their sum' })
export class ScoredBoardEntry {
  @Field(() => Int, { description: '名次 — rank by the sum; equal sums share a rank' })
  rank!: number;

  @Field(() => OrganizationRef, { description: '单位 — the organisation' })
  organization!: OrganizationRef;

  @Field(() => Float, { nullable: true, description: '考核总分 — the assessment total (null: not assessed)' })
  assessmentTotal!: number | null;

  @Field(() => Int, { description: '争取试点 — pilots won in the year' })
  leadsWon!: number;

  @Field(() => Int, { description: '成果采纳 — adoptions of its outcomes by higher levels in the year' })
  outcomesAdopted!: number;

  @Field(() => Float, { description: '加分 — bonus points by the year’s rules' })
  bonusPoints!: number;

  @Field(() => Float, { description: '合计 — assessment total plus bonus' })
  total!: number;
}

@ObjectType({ description: '问效榜（含加分） — the results board with the year’s bonus points' })
export class ScoredBoard {
  @Field(() => Int)
  year!: number;

  @Field({ description: '规则已设置 — whether the reform office has set the year’s bonus rules' })
  rulesSet!: boolean;

  @Field(() => [ScoringRule], { description: '加分规则 — the rules applied' })
  rules!: ScoringRule[];

  @Field(() => [String], {
    description: '提示 — what the figures lack (no rules for the year, items at a level without a rule)',
  })
  warnings!: string[];

  @Field(() => [ScoredBoardEntry])
  entries!: ScoredBoardEntry[];
}

interface BoardRow {
  rank: string;
  organization_id: string;
  assessment_total: number | null;
  leads_won: string;
  outcomes_adopted: string;
  bonus: number;
  total: number;
  unscored: string;
}

/**
 * Assessments and bonus items of a year, summed per organisation in one statement. An item whose basis and
 * level have no rule scores nothing and is counted, so the board can say so.
 */
const BOARD = PreparedRead.of<BoardRow>(
  `with items as (
       select organization_id, region_code, 'LEAD_WON' as basis, level from lead_won where year = ?
       union all
       select o.lead_organization_id, o.region_code, 'OUTCOME_ADOPTED', a.level
         from outcome_adoption a join outcome o on o.id = a.outcome_id where a.year = ?
     ),
     bonus as (
       select i.organization_id,
         count(*) filter (where i.basis = 'LEAD_WON') as leads_won,
         count(*) filter (where i.basis = 'OUTCOME_ADOPTED') as outcomes_adopted,
         coalesce(sum(r.points), 0) as bonus,
         count(*) filter (where r.id is null) as unscored
       from items i left join scoring_rule r on r.year = ? and r.basis = i.basis and r.level = i.level
       where ?::text = '%' or i.region_code like ?
       group by i.organization_id
     ),
     board as (
       select coalesce(a.organization_id, b.organization_id) as organization_id, a.total as assessment_total,
         coalesce(b.leads_won, 0) as leads_won, coalesce(b.outcomes_adopted, 0) as outcomes_adopted,
         coalesce(b.bonus, 0) as bonus, coalesce(b.unscored, 0) as unscored,
         coalesce(a.total, 0) + coalesce(b.bonus, 0) as total
       from (select organization_id, total from assessment
              where year = ? and (?::text = '%' or region_code like ?)) a
       full join bonus b on b.organization_id = a.organization_id
     )
   select rank() over (order by total desc) as rank, board.*, sum(unscored) over () as all_unscored
     from board order by total desc, organization_id limit ?`,
);

@Resolver()
export class ScoringResolver {
  @Query(() => [ScoringRule], { description: '加分规则 — the year’s bonus rules (empty: none set)' })
  scoringRules(@Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<ScoringRule[]> {
    parseInput(yearRule, year, 'year');
    return ctx.em.find(ScoringRule, { year }, { orderBy: { basis: 'asc', level: 'asc' } });
  }

  @Query(() => ScoredBoard, {
    description: `问效榜（含加分） — assessment totals plus bonus points for pilots won and outcomes adopted, by the rules the reform office set for the year (top \`first\`, at most ${MAX_PAGE_SIZE}); a year without rules counts no bonus and says so in \`warnings\``,
  })
  async scoredResultsBoard(
    @Arg('year', () => Int) year: number,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Ctx() ctx: SubgraphContext,
    @Arg('regionCode', () => ID, {
      nullable: true,
      description: '区划 — organisations of this region or below',
    })
    regionCode?: string | null,
  ): Promise<ScoredBoard> {
    parseInput(yearRule, year, 'year');
    const size = pageSize(first);
    const pattern = regionCode
      ? `${regionCodePrefix(parseInput(regionCodeRule, regionCode, 'regionCode')) ?? ''}%`
      : '%';
    const [rules, rows] = await Promise.all([
      this.scoringRules(year, ctx),
      BOARD.run(ctx.em, [year, year, year, pattern, pattern, year, pattern, pattern, size]),
    ]);
    const warnings: string[] = [];
    if (!rules.length)
      warnings.push(
        `no bonus rules are set for ${year}: bonus points count as 0 until the reform office sets them (setScoringRules)`,
      );
    const unscored = Number(
      (rows[0] as (BoardRow & { all_unscored?: string }) | undefined)?.all_unscored ?? 0,
    );
    if (rules.length && unscored)
      warnings.push(`${unscored} bonus item(s) of ${year} are at a level the year’s rules do not score`);
    return {
      year,
      rulesSet: rules.length > 0,
      rules,
      warnings,
      entries: rows.map((row) => ({
        rank: Number(row.rank),
        organization: organizationRef(row.organization_id),
        assessmentTotal: row.assessment_total,
        leadsWon: Number(row.leads_won),
        outcomesAdopted: Number(row.outcomes_adopted),
        bonusPoints: Number(row.bonus),
        total: Math.round(Number(row.total) * 10) / 10,
      })),
    };
  }
}
