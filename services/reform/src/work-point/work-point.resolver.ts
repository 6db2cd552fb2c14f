import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import {
  allOf,
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  PageArgs,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule, yearRule } from '@county/domain';
import { SpecialGroup } from '../special-group/special-group.entity';
import { ReformTask } from '../task/task.entity';
import { WorkPoint } from './work-point.entity';

@ArgsType()
class WorkPointsArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => ID, { nullable: true })
  specialGroupId?: string;
}

const workPointsArgsRule = z.object({ year: yearRule.nullish(), specialGroupId: uuidRule.nullish() });

export const WorkPointConnection = ConnectionType(WorkPoint, '工作要点列表 — a page of work points');

@Resolver(() => WorkPoint)
export class WorkPointResolver {
  @Query(() => WorkPointConnection, { description: '工作要点 — work points by year and special group' })
  workPoints(@Args() args: WorkPointsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<WorkPoint>> {
    parseInput(workPointsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.year) filters.push({ sql: 'w.year = ?', params: [args.year] });
    if (args.specialGroupId) filters.push({ sql: 'w.special_group_id = ?', params: [args.specialGroupId] });
    return pageRows(ctx, WorkPoint, 'w', allOf(...filters), args, 'year', 'id');
  }

  @FieldResolver(() => SpecialGroup, { description: '专项小组 — the special group responsible' })
  specialGroup(@Root() point: WorkPoint, @Ctx() ctx: SubgraphContext): Promise<SpecialGroup | null> {
    return entityLoader(ctx, SpecialGroup, 'id').load(point.specialGroupId);
  }

  @FieldResolver(() => [ReformTask], { description: '改革任务 — the tasks it is broken into' })
  tasks(@Root() point: WorkPoint, @Ctx() ctx: SubgraphContext): Promise<ReformTask[]> {
    return entityGroupLoader(ctx, ReformTask, 'workPointId', { code: 'asc' }).load(point.id);
  }
}
