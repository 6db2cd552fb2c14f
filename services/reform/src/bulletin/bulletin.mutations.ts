import { GraphQLError } from 'graphql';
import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  requireExisting,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { requireTasks } from '../dispatch/task-references';
import { Inspection } from '../inspection/inspection.entity';
import { SupervisionOrder } from '../supervision/supervision.entity';
import { SupervisionOrderMutations } from '../supervision/supervision.mutations';
import { Bulletin, BulletinMention } from './bulletin.entity';
import { BulletinOrdersInput, IssueBulletinInput } from './bulletin.args';
import { bulletinOrdersRule, issueBulletinRule } from './bulletin.rules';
import { BulletinVerdict } from './bulletin.vocabulary';

type BulletinData = ReturnType<typeof issueBulletinRule.parse>;

/** Each named task exists, and the unit named with it leads or cooperates on it. */
async function checkMentionedTasks(ctx: SubgraphContext, mentions: BulletinData['mentions']) {
  const ids = mentions.flatMap((m) => (m.taskId ? [m.taskId] : []));
  const found = await requireTasks(ctx, ids, 'input.mentions.taskId').catch(() => null);
  for (const [i, mention] of mentions.entries()) {
    if (!mention.taskId) continue;
    const task = found?.find((t) => t.id === mention.taskId);
    if (!task)
      throw badInput(`input.mentions.${i}.taskId`, 'exists', `no reform task has id ${mention.taskId}`);
    if (
      task.leadOrganizationId !== mention.organizationId &&
      !task.cooperatingOrganizationIds.includes(mention.organizationId)
    )
      throw badInput(
        `input.mentions.${i}.taskId`,
        'task-organisation',
        `the organisation named neither leads nor cooperates on task ${task.code}`,
      );
  }
}

/** The supervision-order write's refusal, renamed to the field of this input that caused it. */
function asMentionError(error: unknown, position: number): unknown {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') return error;
  const field = String(error.extensions.field);
  const renamed = field === 'input.taskId' ? `mentions.${position}.taskId` : field;
  const message = error.message.slice(error.message.indexOf(': ') + 2);
  return badInput(renamed, String(error.extensions.rule), message);
}

@Resolver(() => Bulletin)
export class BulletinMutations {
  private readonly orders = new SupervisionOrderMutations();

  @Mutation(() => Bulletin, {
    description:
      '印发通报 — role reform-office: a bulletin naming good and lagging units, with the tasks concerned; numbered per region and year',
  })
  async issueBulletin(
    @Arg('input') input: IssueBulletinInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Bulletin> {
    assertPerformAction(ctx, permissions, 'bulletin.write');
    const data = parseInput(issueBulletinRule, input, 'input');
    const today = requestToday(ctx);
    if (data.issuedOn > today)
      throw badInput('input.issuedOn', 'not-future', `must not be after today (${today})`);
    if (data.inspectionId)
      await requireExisting(ctx, Inspection, 'id', data.inspectionId, 'input.inspectionId');
    await checkMentionedTasks(ctx, data.mentions);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    await ctx.directory.requireExisting('input.mentions', 'Organization', [
      ...new Set(data.mentions.map((m) => m.organizationId)),
    ]);
    const year = Number(data.issuedOn.slice(0, 4));
    return ctx.em.transactional(async (em) => {
      // issue numbers of a region's year are taken one writer at a time
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [
        `reform.bulletin.${data.regionCode}.${year}`,
      ]);
      const [{ next }] = await em.execute<{ next: number }[]>(
        'select coalesce(max(number), 0) + 1 as next from bulletin where region_code = ? and year = ?',
        [data.regionCode, year],
      );
      const bulletin = em.create(Bulletin, {
        id: crypto.randomUUID(),
        regionCode: data.regionCode,
        year,
        number: Number(next),
        issuedOn: data.issuedOn,
        title: data.title,
        summary: data.summary,
        inspectionId: data.inspectionId ?? null,
      });
      data.mentions.forEach((mention, i) =>
        em.create(BulletinMention, {
          id: crypto.randomUUID(),
          bulletinId: bulletin.id,
          position: i + 1,
          verdict: mention.verdict,
          organizationId: mention.organizationId,
          taskId: mention.taskId ?? null,
          note: mention.note,
          supervisionOrderId: null,
        }),
      );
      return bulletin;
    });
  }

  @Mutation(() => [SupervisionOrder], {
    description:
      '通报督办 — role reform-office: a supervision order (督办单) for each lagging task the bulletin names that has none from it yet; all or none (a task no longer lagging refuses the whole)',
  })
  async issueBulletinSupervisionOrders(
    @Arg('id', () => ID, { description: 'The bulletin' }) id: string,
    @Arg('input') input: BulletinOrdersInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupervisionOrder[]> {
    assertPerformAction(ctx, permissions, 'bulletin.write');
    parseInput(uuidRule, id, 'id');
    const data = parseInput(bulletinOrdersRule, input, 'input');
    const bulletin = await findForUpdate(ctx, Bulletin, 'id', id, 'id');
    return ctx.em.transactional(async (em) => {
      const mentions = await em.find(
        BulletinMention,
        {
          bulletinId: bulletin.id,
          verdict: BulletinVerdict.LAGGING,
          taskId: { $ne: null },
          supervisionOrderId: null,
        },
        // a second call at the same time waits here, then finds the orders issued
        { orderBy: { position: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!mentions.length)
        throw badInput(
          'id',
          'lagging-task',
          'the bulletin names no lagging task that still needs a supervision order',
        );
      // the supervision-order write itself (permission, rules, lagging check), inside this transaction
      const within = { ...ctx, em } as SubgraphContext;
      const issued: SupervisionOrder[] = [];
      for (const mention of mentions) {
        const reason = data.reason ?? `${bulletin.title}：${mention.note}`.slice(0, 2000);
        const order = await this.orders
          .issueSupervisionOrder({ taskId: mention.taskId!, reason, deadline: data.deadline }, within)
          .catch((error: unknown) => {
            throw asMentionError(error, mention.position - 1);
          });
        mention.supervisionOrderId = order.id;
        issued.push(order);
      }
      await em.flush();
      return issued;
    });
  }
}
