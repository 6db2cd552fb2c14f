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
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { workingCalendar } from '../calendar/working-days';
import { countyCentreOf } from '../centre/county-centre';
import { ServiceItem } from '../item/item.entity';
import { versionInEffect } from '../item/item-versions';
import { permissions } from '../permissions';
import { ApprovalStep, InvestmentProject } from './project.entity';
import {
  ApproveApprovalStepInput,
  RegisterInvestmentProjectInput,
  SubmitApprovalStepInput,
  UpdateInvestmentProjectInput,
} from './project.args';
import { approveStepRule, registerProjectRule, submitStepRule, updateProjectRule } from './project.rules';
import { dueDay, requireProxyAgent, settleProject } from './project-state';
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
      '申报 — a step submitted for one service item of the county catalogue; its statutory limit is the item’s on that day; the county bureau',
  })
  async submitApprovalStep(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('input') input: SubmitApprovalStepInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ApprovalStep> {
    assertSignedIn(ctx);
    parseInput(uuidRule, projectId, 'projectId');
    const data = parseInput(submitStepRule, input, 'input');
    workingCalendar.require(data.submittedOn, 'input.submittedOn');
    const item = await requireExisting(ctx, ServiceItem, 'id', data.itemId, 'input.itemId');
    return ctx.em.transactional(async (em) => {
      const project = await lockProject(em, projectId, 'projectId');
      assertPerformAction(ctx, permissions, 'project.manage', await countyCentreOf(em, project.regionCode));
      assertCurrentVersion(project.version, data.version);
      if (item.regionCode !== project.regionCode.slice(0, 6))
        throw badInput(
          'input.itemId',
          'catalogue',
          'the item is not in the catalogue of the project’s county',
        );
      if (data.submittedOn < project.registeredOn)
        throw badInput(
          'input.submittedOn',
          'after-registration',
          `must be on or after ${project.registeredOn}, when the project was registered`,
        );
      if (project.earlyInvolvementOn && data.submittedOn < project.earlyInvolvementOn)
        throw badInput(
          'input.submittedOn',
          'after-early-involvement',
          `must be on or after ${project.earlyInvolvementOn}, the early involvement`,
        );
      const version = await versionInEffect(em, item, data.submittedOn);
      const steps = await stepsOf(em, project.id);
      if (steps.some((s) => s.itemId === item.id))
        throw badInput('input.itemId', 'unique', 'the project already has a step for this item');
      const step = em.create(ApprovalStep, {
        id: crypto.randomUUID(),
        projectId: project.id,
        itemId: item.id,
        itemVersion: version.version,
        organizationId: version.responsibleOrganizationId,
        submittedOn: data.submittedOn,
        limitDays: version.statutoryLimit,
        dueOn: dueDay(data.submittedOn, version.statutoryLimit, 'input.submittedOn'),
      });
      settleProject(project, [...steps, step]);
      await em.flush();
      return step;
    });
  }

  @Mutation(() => ApprovalStep, {
    description:
      '批复 — the step approved on a day; its working days count on the working-day calendar; the step’s department or the county bureau',
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
    return ctx.em.transactional(async (em) => {
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
      step.approvedOn = data.approvedOn;
      step.workingDays = workingCalendar.between(step.submittedOn, data.approvedOn, 'input.approvedOn');
      step.onTime = step.workingDays <= step.limitDays;
      settleProject(project, steps);
      await em.flush();
      return step;
    });
  }
}
