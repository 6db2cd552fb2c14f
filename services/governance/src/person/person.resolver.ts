import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { manyByKey, parseInput, type Page, type SubgraphContext } from '@county/kit';
import { PersonRef } from '../directory';
import { Grid } from '../grid/grid.entity';
import { Dispute } from '../dispute/dispute.entity';
import { DisputeFilterArgs } from '../dispute/dispute.args';
import { DisputeConnection } from '../dispute/dispute.resolver';
import { findDisputes } from '../dispute/dispute.query';
import { RiskJudgement } from '../risk/risk-judgement.entity';
import { yearRule } from '@county/domain';

/** What this subgraph adds to a person: the grids they serve, the disputes they mediated, the villages assigned. */
@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => [Grid], {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '负责网格 — the grids this person serves as grid worker, by code',
  })
  grids(@Root() person: PersonRef, @Ctx() ctx: SubgraphContext): Promise<Grid[]> {
    return ctx.loaders
      .get<string, Grid[]>('Grid.byWorker', async (ids) => {
        const rows: Grid[] = await ctx.em
          .createQueryBuilder(Grid)
          .where({ gridWorkerIds: { $overlap: [...ids] } })
          .orderBy({ code: 'asc' })
          .execute('all', true);
        // a grid with several workers belongs to each of them
        const pairs = rows.flatMap((grid) => grid.gridWorkerIds.map((worker) => ({ worker, grid })));
        return manyByKey(ids, pairs, (pair) => pair.worker).map((group) => group.map((pair) => pair.grid));
      })
      .load(person.id);
  }

  @FieldResolver(() => DisputeConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '调解纠纷 — disputes this person mediated',
  })
  mediations(
    @Root() person: PersonRef,
    @Args() args: DisputeFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Dispute>> {
    return findDisputes(ctx, { ...args, mediatorId: person.id });
  }

  @FieldResolver(() => [RiskJudgement], {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '包联风险村 — villages this county leader is assigned to in a year',
  })
  riskAssignments(
    @Root() person: PersonRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiskJudgement[]> {
    parseInput(yearRule, year, 'year');
    return ctx.loaders
      .get<string, RiskJudgement[]>(`RiskJudgement.byLeader.${year}`, async (ids) => {
        const rows: RiskJudgement[] = await ctx.em
          .createQueryBuilder(RiskJudgement)
          .where({ year, leaderId: { $in: [...ids] } })
          .orderBy({ regionCode: 'asc' })
          .execute('all', true);
        return manyByKey(ids, rows, (row) => row.leaderId ?? '');
      })
      .load(person.id);
  }
}
