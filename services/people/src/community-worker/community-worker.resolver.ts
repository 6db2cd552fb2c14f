import { Args, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { seesPersonalData } from '../permissions';
import { organizationInRegion, regionPattern } from '../workforce/region-filter';
import { Education } from '../workforce/vocabulary';
import { CommunityWorker } from './community-worker.entity';
import { CommunityWorkersArgs } from './community-worker.args';
import { communityWorkersArgsRule } from './community-worker.rules';
import { monthlyBasePay, seniorityLevel, serviceYears } from './career';
import { postLevelRange, type LevelRange } from './post-levels';
import { payScaleIn } from './community-pay';

/** The worker's post range in the province of their community. */
async function rangeOf(ctx: SubgraphContext, worker: CommunityWorker): Promise<LevelRange> {
  const community = await entityLoader(ctx, Organization, 'id').load(worker.organizationId);
  return postLevelRange(ctx, community!.regionCode, worker.postType);
}

export const CommunityWorkerConnection = ConnectionType(
  CommunityWorker,
  '社区工作者列表 — a page of community workers',
);

@ObjectType({ description: '等级范围 — the levels a post type may hold' })
export class CommunityLevelRange {
  @Field(() => Int, { description: '最低等级 — lowest level' })
  min!: number;

  @Field(() => Int, { description: '最高等级 — highest level' })
  max!: number;
}

@Resolver(() => CommunityWorker)
export class CommunityWorkerResolver {
  @Query(() => CommunityWorkerConnection, {
    description:
      '社区工作者列表 — community workers by region (including below), community, post type, level',
  })
  communityWorkers(
    @Args() args: CommunityWorkersArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<CommunityWorker>> {
    parseInput(communityWorkersArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({
        sql: organizationInRegion('w.organization_id'),
        params: [regionPattern(args.regionCode)],
      });
    if (args.organizationId) filters.push({ sql: 'w.organization_id = ?', params: [args.organizationId] });
    if (args.postType) filters.push({ sql: 'w.post_type = ?', params: [args.postType] });
    if (args.level) filters.push({ sql: 'w.level = ?', params: [args.level] });
    return pageRows(ctx, CommunityWorker, 'w', allOf(...filters), args, 'id', 'id');
  }

  @FieldResolver(() => Person, { description: '人员 — the person' })
  person(@Root() worker: CommunityWorker, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return entityLoader(ctx, Person, 'id').load(worker.personId);
  }

  @FieldResolver(() => Organization, { description: '所在社区 — the community whose quota the post uses' })
  organization(@Root() worker: CommunityWorker, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(worker.organizationId);
  }

  @FieldResolver(() => Education, {
    nullable: true,
    description: '学历 — personal data: null unless the caller has hr',
  })
  education(@Root() worker: CommunityWorker, @Ctx() ctx: SubgraphContext): Education | null {
    return seesPersonalData(ctx) ? worker.education : null;
  }

  @FieldResolver(() => CommunityLevelRange, {
    description: '岗位等级范围 — the levels the post type may hold in the community’s province',
  })
  async levelRange(
    @Root() worker: CommunityWorker,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityLevelRange> {
    return rangeOf(ctx, worker);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      '工作年限 — years of service today, education credited (bachelor 3, master 5, doctorate 7 by default); hr only',
  })
  serviceYears(@Root() worker: CommunityWorker, @Ctx() ctx: SubgraphContext): number | null {
    return seesPersonalData(ctx) ? serviceYears(worker.hiredOn, worker.education, new Date()) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '资历等级 — the level seniority alone reaches today (one step per N years); hr only',
  })
  async seniorityLevel(@Root() worker: CommunityWorker, @Ctx() ctx: SubgraphContext): Promise<number | null> {
    if (!seesPersonalData(ctx)) return null;
    const range = await rangeOf(ctx, worker);
    return seniorityLevel(worker.postType, worker.hiredOn, worker.education, new Date(), undefined, range);
  }

  @FieldResolver(() => Int, {
    description:
      '薪酬等级 — monthly base pay (yuan) of the level by the pay scale of the community’s province: pay follows the level',
  })
  async monthlyBasePay(@Root() worker: CommunityWorker, @Ctx() ctx: SubgraphContext): Promise<number> {
    const community = await entityLoader(ctx, Organization, 'id').load(worker.organizationId);
    return monthlyBasePay(worker.level, await payScaleIn(ctx, community!.regionCode));
  }
}
