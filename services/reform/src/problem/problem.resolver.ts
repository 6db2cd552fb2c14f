import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { regionCodePrefix, regionCodeRule } from '@county/domain';
import {
  allOf,
  ConnectionType,
  entityLoader,
  escapeLike,
  PageArgs,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { ProblemAccount, ProblemStatus } from '../vocabulary';
import { organizationRef, personRef, regionRef, OrganizationRef, PersonRef, RegionRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { Problem } from './problem.entity';

@ArgsType()
class ProblemsArgs extends PageArgs {
  @Field(() => ProblemAccount, { nullable: true, description: '账目 — on this account' })
  account?: ProblemAccount;

  @Field(() => ProblemStatus, { nullable: true })
  status?: ProblemStatus;

  @Field(() => ID, { nullable: true, description: 'Found in this region or anywhere below it' })
  regionCode?: string;
}

const problemsArgsRule = z.object({ regionCode: regionCodeRule.nullish() });

export const ProblemConnection = ConnectionType(Problem, '问题清单 — a page of the problem list');

@Resolver(() => Problem)
export class ProblemResolver {
  @Query(() => ProblemConnection, { description: '问题清单 — problems by account, status and region' })
  problems(@Args() args: ProblemsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Problem>> {
    parseInput(problemsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.account) filters.push({ sql: 'p.account = ?', params: [args.account] });
    if (args.status) filters.push({ sql: 'p.status = ?', params: [args.status] });
    if (args.regionCode)
      filters.push({
        sql: 'p.region_code like ?',
        params: [`${escapeLike(regionCodePrefix(args.regionCode) ?? '')}%`],
      });
    return pageRows(ctx, Problem, 'p', allOf(...filters), args, 'number', 'id');
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: '发现人 — the county leader who found it' })
  foundByPerson(@Root() problem: Problem): PersonRef | null {
    return personRef(problem.foundByPersonId);
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: '发现单位 — the organisation that found it',
  })
  foundByOrganization(@Root() problem: Problem): OrganizationRef | null {
    return problem.foundByOrganizationId ? organizationRef(problem.foundByOrganizationId) : null;
  }

  @FieldResolver(() => RegionRef, { description: '区划 — where it was found' })
  region(@Root() problem: Problem): RegionRef {
    return regionRef(problem.regionCode);
  }

  @FieldResolver(() => [ReformTask], { description: '关联任务 — the reform tasks that address it' })
  async tasks(@Root() problem: Problem, @Ctx() ctx: SubgraphContext): Promise<ReformTask[]> {
    const tasks = await entityLoader(ctx, ReformTask, 'id').loadMany(problem.taskIds);
    return tasks.filter((task): task is ReformTask => task !== null && !(task instanceof Error));
  }
}
