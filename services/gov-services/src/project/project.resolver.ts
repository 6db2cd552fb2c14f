import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  DateScalar,
  entityGroupLoader,
  entityLoader,
  PageArgs,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { chinaDay, regionCodePrefix, uuidRule } from '@county/domain';
import { workingCalendar } from '../calendar/working-days';
import { OrganizationRef, PersonRef, RegionRef } from '../directory';
import { ServiceCase } from '../case/case.entity';
import { ServiceItem } from '../item/item.entity';
import { ApprovalStep, InvestmentProject } from './project.entity';
import { InvestmentProjectsArgs } from './project.args';
import { projectPeriodRule, projectsArgsRule } from './project.rules';
import { ProjectStage } from './project-vocabulary';
import { ProjectStats, projectStatsFigures } from './project-figures';
import { criticalPath } from './project-state';

export const InvestmentProjectConnection = ConnectionType(
  InvestmentProject,
  '投资项目 — a page of investment projects',
);

const stepsLoader = (ctx: SubgraphContext) =>
  entityGroupLoader(ctx, ApprovalStep, 'projectId', { submittedOn: 'asc', id: 'asc' });

/** A step waiting past its due day, or approved past its limit. */
const isLate = (step: ApprovalStep, today: string): boolean =>
  step.approvedOn ? step.onTime === false : step.dueOn < today;

@Resolver(() => InvestmentProject)
export class ProjectResolver {
  @Query(() => InvestmentProject, { nullable: true, description: '投资项目 — one project by id' })
  investmentProject(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InvestmentProject | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, InvestmentProject, 'id').load(id);
  }

  @Query(() => InvestmentProjectConnection, {
    description: '投资项目 — projects built in a region and below it, by stage and kind, by registration',
  })
  investmentProjects(
    @Args() args: InvestmentProjectsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<InvestmentProject>> {
    parseInput(projectsArgsRule, args, '');
    const filters: RowFilter[] = [
      { sql: 'p.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] },
    ];
    if (args.stage) filters.push({ sql: 'p.stage = ?', params: [args.stage] });
    if (args.kind) filters.push({ sql: 'p.kind = ?', params: [args.kind] });
    return pageRows(ctx, InvestmentProject, 'p', allOf(...filters), args, 'registeredOn', 'id');
  }

  @FieldResolver(() => RegionRef, { description: '建设地点 — the township or village' })
  region(@Root() project: InvestmentProject): RegionRef {
    return { code: project.regionCode };
  }

  @FieldResolver(() => PersonRef, {
    nullable: true,
    description: '代办员 — the proxy agent carrying it through',
  })
  proxyAgent(@Root() project: InvestmentProject): PersonRef | null {
    return project.proxyAgentId ? { id: project.proxyAgentId } : null;
  }

  @FieldResolver(() => Boolean, { description: '提前介入 — involved before the first application' })
  earlyInvolvement(@Root() project: InvestmentProject): boolean {
    return project.earlyInvolvementOn !== null;
  }

  @FieldResolver(() => [ApprovalStep], { description: '审批环节 — its steps, by submission' })
  steps(@Root() project: InvestmentProject, @Ctx() ctx: SubgraphContext): Promise<ApprovalStep[]> {
    return stepsLoader(ctx).load(project.id);
  }

  @FieldResolver(() => [ApprovalStep], {
    description:
      '关键路径 — the steps the total waited on, first to last (parallel steps off it did not move the total); empty until every step is approved',
  })
  async criticalPath(
    @Root() project: InvestmentProject,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ApprovalStep[]> {
    return criticalPath(await stepsLoader(ctx).load(project.id));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      '审批总用时 — working days from the first submission to the last approval, less the days every open step’s case was suspended; while in approval, to today; null before any submission',
  })
  totalWorkingDays(@Root() project: InvestmentProject): number | null {
    if (project.stage === ProjectStage.APPROVED) return project.totalWorkingDays;
    return project.firstSubmittedOn ? workingCalendar.between(project.firstSubmittedOn, chinaDay()) : null;
  }

  @FieldResolver(() => Boolean, {
    description: '超时 — a step was approved past its statutory limit, or is still waiting past its due day',
  })
  async late(@Root() project: InvestmentProject, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const today = chinaDay();
    return (await stepsLoader(ctx).load(project.id)).some((step) => isLate(step, today));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '目标内完成 — approved within its target; null while in approval or without a target',
  })
  withinTarget(@Root() project: InvestmentProject): boolean | null {
    if (project.stage !== ProjectStage.APPROVED || project.targetDays === null) return null;
    return project.totalWorkingDays! <= project.targetDays;
  }
}

@Resolver(() => ApprovalStep)
export class ApprovalStepResolver {
  @FieldResolver(() => ServiceItem, { description: '审批事项 — the service item applied for' })
  async item(@Root() step: ApprovalStep, @Ctx() ctx: SubgraphContext): Promise<ServiceItem> {
    return (await entityLoader(ctx, ServiceItem, 'id').load(step.itemId))!;
  }

  @FieldResolver(() => ServiceCase, {
    nullable: true,
    description:
      '办件 — the step’s own service case (its acceptance the submission, its completion the approval); null for a step recorded before steps were cases',
  })
  serviceCase(@Root() step: ApprovalStep, @Ctx() ctx: SubgraphContext): Promise<ServiceCase | null> {
    return step.caseId ? entityLoader(ctx, ServiceCase, 'id').load(step.caseId) : Promise.resolve(null);
  }

  @FieldResolver(() => OrganizationRef, { description: '审批部门 — the department deciding it' })
  organization(@Root() step: ApprovalStep): OrganizationRef {
    return { id: step.organizationId };
  }

  @FieldResolver(() => Int, {
    description:
      '用时 — working days from submission to approval, its case’s net of suspensions; while waiting, to today',
  })
  workingDays(@Root() step: ApprovalStep): number {
    return step.workingDays ?? workingCalendar.between(step.submittedOn, chinaDay());
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '按时 — approved within its limit; null while waiting',
  })
  onTime(@Root() step: ApprovalStep): boolean | null {
    return step.onTime;
  }

  @FieldResolver(() => Boolean, {
    description: '超时 — approved past its limit, or waiting past its due day',
  })
  late(@Root() step: ApprovalStep): boolean {
    return isLate(step, chinaDay());
  }
}

/** What projects add to the people subgraph's Region. */
@Resolver(() => RegionRef)
export class RegionProjectResolver {
  @FieldResolver(() => ProjectStats, {
    nullable: true,
    description:
      '项目审批统计 — investment projects built in this region and below, registered `from`–`to` (inclusive; both optional): stages, approval working days, on time, within target, early involvement',
  })
  projectStats(
    @Root() region: RegionRef,
    @Arg('from', () => DateScalar, { nullable: true }) from: Date | undefined,
    @Arg('to', () => DateScalar, { nullable: true }) to: Date | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProjectStats> {
    const asked = parseInput(projectPeriodRule, { regionCode: region.code, from, to }, '');
    return projectStatsFigures(ctx.em, {
      prefix: regionCodePrefix(asked.regionCode)!,
      from: asked.from ?? null,
      to: asked.to ?? null,
    });
  }
}

/** What projects add to the people subgraph's Person: the projects a proxy agent carries. */
@Resolver(() => PersonRef)
export class PersonProjectResolver {
  @FieldResolver(() => InvestmentProjectConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '代办项目 — investment projects this proxy agent (代办员) carries through approval',
  })
  proxyProjects(
    @Root() person: PersonRef,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<InvestmentProject>> {
    const filter = { sql: 'p.proxy_agent_id = ?', params: [person.id] };
    return pageRows(ctx, InvestmentProject, 'p', filter, args, 'registeredOn', 'id');
  }
}
