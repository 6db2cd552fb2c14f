import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertCurrentVersion,
  assertPerformAction,
  assertSignedIn,
  badInput,
  notFound,
  parseInput,
  presentFields,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { workingCalendar } from '../calendar/working-days';
import { countyCentreOf } from '../centre/county-centre';
import { permissions } from '../permissions';
import { ApprovalStep, InvestmentProject } from './project.entity';
import {
  ApproveApprovalStepInput,
  RegisterInvestmentProjectInput,
  SubmitApprovalStepInput,
  UpdateInvestmentProjectInput,
} from './project.args';
import { approveStepRule, registerProjectRule, submitStepRule, updateProjectRule } from './project.rules';
import { requireProxyAgent, settleProject } from './project-state';
import { approveStepCase, pausesOf, stepFromCase } from './step-case';
import { clearStatsCache } from '../stats/stats-cache';
import { DEFAULT_TARGET_DAYS } from './project-vocabulary';

/** The project, locked for the rest of the transaction: its steps and totals change together. */
async function lockProject(em: EntityManager, id: string, field: string): Promise<InvestmentProject> {
  const project = await em.findOne(InvestmentProject, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!project) throw notFound(field, `no investment project has id ${id}`);
  return project;
}

const stepsOf = (em: EntityManager, projectId: string) =>
  em.find(ApprovalStep, { projectId }, { orderBy: { submittedOn: 'asc', id: 'asc' } });

@Resolver(() => InvestmentProject)
export class ProjectMutations {
  @Mutation(() => InvestmentProject, {
    description: '项目登记 — take a project on for full-process proxy service (全程代办); the county bureau',
  })
  async registerInvestmentProject(
    @Arg('input') input: RegisterInvestmentProjectInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InvestmentProject> {
    assertSignedIn(ctx);
    const data = parseInput(registerProjectRule, input, 'input');
    assertPerformAction(ctx, permissions, 'project.manage', await countyCentreOf(ctx.em, data.regionCode));
    if (await ctx.em.count(InvestmentProject, { code: data.code }))
      throw badInput('input.code', 'unique', 'is already the code of another project');
    const [site] = await ctx.directory.regionsByCode([data.regionCode]);
    if (!site) throw badInput('input.regionCode', 'exists', `no Region with code "${data.regionCode}"`);
    if (data.proxyAgentId) await requireProxyAgent(ctx, data.proxyAgentId, 'input.proxyAgentId');
    const project = ctx.em.create(InvestmentProject, {
      id: crypto.randomUUID(),
      ...data,
      earlyInvolvementOn: data.earlyInvolvementOn ?? null,
      proxyAgentId: data.proxyAgentId ?? null,
      targetDays: data.targetDays ?? DEFAULT_TARGET_DAYS[data.kind] ?? null,
    });
    await ctx.em.flush();
    return project;
  }

  @Mutation(() => InvestmentProject, {
    description:
      '项目变更 — assign its proxy agent (代办员), record early involvement (提前介入) or a target; the county bureau',
  })
  async updateInvestmentProject(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateInvestmentProjectInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InvestmentProject> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, ...changes } = parseInput(updateProjectRule, input, 'input');
    const present = presentFields(changes);
    return ctx.em.transactional(async (em) => {
      const project = await lockProject(em, id, 'id');
      assertPerformAction(ctx, permissions, 'project.manage', await countyCentreOf(em, project.regionCode));
      assertCurrentVersion(project.version, version);
      if (
        present.earlyInvolvementOn &&
        project.firstSubmittedOn &&
        present.earlyInvolvementOn > project.firstSubmittedOn
      )
        throw badInput(
          'input.earlyInvolvementOn',
          'before-application',
          `must be on or before ${project.firstSubmittedOn}, the first submission`,
        );
      if (present.proxyAgentId) await requireProxyAgent(ctx, present.proxyAgentId, 'input.proxyAgentId');
      Object.assign(project, present);
      await em.flush();
      return project;
    });
  }

  @Mutation(() => ApprovalStep, {
    description:
      '申报 — a step: the service case the project window accepted (受理) for one item of the county catalogue becomes the project’s step; its statutory limit is the item’s as the case was received; the county bureau',
  })
  async submitApprovalStep(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('input') input: SubmitApprovalStepInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ApprovalStep> {
    assertSignedIn(ctx);
    parseInput(uuidRule, projectId, 'projectId');
    const data = parseInput(submitStepRule, input, 'input');
    return ctx.em.transactional(async (em) => {
      const project = await lockProject(em, projectId, 'projectId');
      assertPerformAction(ctx, permissions, 'project.manage', await countyCentreOf(em, project.regionCode));
      assertCurrentVersion(project.version, data.version);
      const steps = await stepsOf(em, project.id);
      const step = await stepFromCase(em, project, steps, data);
      const all = [...steps, step];
      settleProject(project, all, await pausesOf(em, all));
      await em.flush();
      return step;
    });
  }

  @Mutation(() => ApprovalStep, {
    description:
      '批复 — the step approved on a day: its service case completed as approved, its working days the case’s (working-day calendar, net of suspensions); the step’s department or the county bureau',
  })
  async approveApprovalStep(
    @Arg('stepId', () => ID) stepId: string,
    @Arg('input') input: ApproveApprovalStepInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ApprovalStep> {
    assertSignedIn(ctx);
    parseInput(uuidRule, stepId, 'stepId');
    const data = parseInput(approveStepRule, input, 'input');
    workingCalendar.require(data.approvedOn, 'input.approvedOn');
    const approved = await ctx.em.transactional(async (em) => {
      const found = await em.findOne(ApprovalStep, { id: stepId });
      if (!found) throw notFound('stepId', `no approval step has id ${stepId}`);
      const project = await lockProject(em, found.projectId, 'stepId');
      const steps = await stepsOf(em, project.id);
      const step = steps.find((s) => s.id === stepId)!;
      assertPerformAction(ctx, permissions, 'project.approve', {
        organizationId: step.organizationId,
        countyCentre: await countyCentreOf(em, project.regionCode),
      });
      assertCurrentVersion(step.version, data.version);
      if (step.approvedOn)
        throw badInput('stepId', 'approved', `the step was approved on ${step.approvedOn}`);
      if (data.approvedOn < step.submittedOn)
        throw badInput(
          'input.approvedOn',
          'after-submission',
          `must be on or after ${step.submittedOn}, when the step was submitted`,
        );
      if (step.caseId) await approveStepCase(em, step, data.approvedOn, ctx.identity.subject!);
      else {
        // a step recorded before steps were cases keeps counting on its own dates
        step.approvedOn = data.approvedOn;
        step.workingDays = workingCalendar.between(step.submittedOn, data.approvedOn, 'input.approvedOn');
        step.onTime = step.workingDays <= step.limitDays;
      }
      settleProject(project, steps, await pausesOf(em, steps));
      await em.flush();
      return step;
    });
    clearStatsCache();
    return approved;
  }
}
