import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  type SubgraphContext,
} from '@county/kit';
import { PersonRole, uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { ProblemAccount, ProblemStatus } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { Problem } from './problem.entity';
import { CreateProblemInput, UpdateProblemInput } from './problem.args';
import { createProblemRule, updateProblemRule } from './problem.rules';

/** A township code has 9 digits (GB/T 2260 plus the township's 3). */
const TOWNSHIP_CODE = /^\d{9}$/;

async function requireTasks(ctx: SubgraphContext, taskIds: readonly string[] | null | undefined) {
  const unique = [...new Set(taskIds ?? [])];
  if (!unique.length) return;
  const found = await ctx.em.find(ReformTask, { id: { $in: unique } }, { fields: ['id'] });
  const missing = unique.find((id) => !found.some((task) => task.id === id));
  if (missing) throw badInput('input.taskIds', 'exists', `no reform task has id ${missing}`);
}

function foundOnNotFuture(ctx: SubgraphContext, foundOn: string | null | undefined) {
  const today = requestToday(ctx);
  if (foundOn && foundOn > today)
    throw badInput('input.foundOn', 'not-future', `must not be after today (${today})`);
}

/** The finder the account names, checked against the directory (it owns people and organisations). */
async function requireFinder(
  ctx: SubgraphContext,
  data: { account: ProblemAccount; foundByPersonId?: string | null; foundByOrganizationId?: string | null },
) {
  if (data.account === ProblemAccount.LEADER) {
    const placement = await ctx.directory.personPlacement(data.foundByPersonId!);
    if (!placement)
      throw badInput('input.foundByPersonId', 'exists', 'no Person with this id in the directory');
    if (!placement.roles.includes(PersonRole.COUNTY_LEADER))
      throw badInput('input.foundByPersonId', 'county-leader', 'the leader account is for county leaders');
  } else {
    const region = await ctx.directory.organizationRegion(data.foundByOrganizationId!);
    if (!region)
      throw badInput(
        'input.foundByOrganizationId',
        'exists',
        'no Organization with this id in the directory',
      );
    if (data.account === ProblemAccount.TOWNSHIP && !TOWNSHIP_CODE.test(region))
      throw badInput('input.foundByOrganizationId', 'township', 'the township account is for townships');
  }
  if (data.foundByOrganizationId && data.account === ProblemAccount.LEADER)
    await ctx.directory.requireExisting('input.foundByOrganizationId', 'Organization', [
      data.foundByOrganizationId,
    ]);
}

async function problemAtVersion(ctx: SubgraphContext, id: string, version: number, field: string) {
  parseInput(uuidRule, id, 'id');
  const problem = await findForUpdate(ctx, Problem, 'id', id, 'id');
  assertCurrentVersion(problem.version, version, field);
  if (problem.status === ProblemStatus.RESOLVED)
    throw badInput('id', 'closed', 'the problem is closed (销号): it can no longer change');
  return problem;
}

@Resolver(() => Problem)
export class ProblemMutations {
  @Mutation(() => Problem, {
    description: '登记问题 — role reform-office: takes the next number on its account',
  })
  async createProblem(
    @Arg('input') input: CreateProblemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Problem> {
    assertPerformAction(ctx, permissions, 'problem.write');
    const data = parseInput(createProblemRule, input, 'input');
    foundOnNotFuture(ctx, data.foundOn);
    await requireTasks(ctx, data.taskIds);
    await requireFinder(ctx, data);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    return ctx.em.transactional(async (em) => {
      // numbers on an account are taken one writer at a time: two entries never share one
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`reform.problem.${data.account}`]);
      const [{ next }] = await em.execute<{ next: number }[]>(
        'select coalesce(max(number), 0) + 1 as next from problem where account = ?',
        [data.account],
      );
      return em.create(Problem, {
        id: crypto.randomUUID(),
        account: data.account,
        number: Number(next),
        description: data.description,
        foundByPersonId: data.foundByPersonId ?? null,
        foundByOrganizationId: data.foundByOrganizationId ?? null,
        regionCode: data.regionCode,
        foundOn: data.foundOn,
        deadline: data.deadline ?? null,
        status: data.status,
        taskIds: [...new Set(data.taskIds)],
        resolvedOn: null,
      });
    });
  }

  @Mutation(() => Problem, {
    description: '修改问题 — role reform-office; send the `version` you read (CONFLICT when it is stale)',
  })
  async updateProblem(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateProblemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Problem> {
    assertPerformAction(ctx, permissions, 'problem.write');
    const { version, ...changes } = parseInput(updateProblemRule, input, 'input');
    const problem = await problemAtVersion(ctx, id, version, 'input.version');
    const next = { ...problem, ...presentFields(changes) };
    if (next.deadline && next.deadline < next.foundOn)
      throw badInput('input.deadline', 'order', 'must not be before foundOn');
    foundOnNotFuture(ctx, changes.foundOn);
    await requireTasks(ctx, changes.taskIds);
    if (changes.regionCode)
      await ctx.directory.requireExisting('input.regionCode', 'Region', [changes.regionCode]);
    Object.assign(problem, presentFields(changes));
    if (changes.taskIds) problem.taskIds = [...new Set(changes.taskIds)];
    await ctx.em.flush();
    return problem;
  }

  @Mutation(() => Problem, {
    description: '问题销号 — role reform-office: closes a problem as resolved today; send its `version`',
  })
  async closeProblem(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Problem> {
    assertPerformAction(ctx, permissions, 'problem.write');
    const problem = await problemAtVersion(ctx, id, version, 'version');
    problem.status = ProblemStatus.RESOLVED;
    problem.resolvedOn = requestToday(ctx);
    await ctx.em.flush();
    return problem;
  }
}
