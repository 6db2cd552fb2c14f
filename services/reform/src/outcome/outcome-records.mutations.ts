import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  badInput,
  parseInput,
  requireExisting,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { requireTasks } from '../dispatch/task-references';
import { Outcome } from './outcome.entity';
import { OutcomeAdoption, OutcomeReplication } from './uptake.entity';
import { Promotion, ReformDocument } from './record.entity';
import {
  RecordAdoptionInput,
  RecordDocumentInput,
  RecordPromotionInput,
  RecordReplicationInput,
} from './outcome.args';
import { adoptionRule, documentRule, promotionRule, replicationRule } from './outcome.rules';

function notFuture(ctx: SubgraphContext, field: string, day: string) {
  const today = requestToday(ctx);
  if (day > today) throw badInput(field, 'not-future', `must not be after today (${today})`);
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/** What becomes of an outcome: its documents, its promotion, its adoption above and replication elsewhere. */
@Resolver()
export class OutcomeRecordMutations {
  @Mutation(() => OutcomeAdoption, {
    description: '登记上级采纳 — role reform-office: a city, provincial or state body took the practice up',
  })
  async recordOutcomeAdoption(
    @Arg('outcomeId', () => ID) outcomeId: string,
    @Arg('input') input: RecordAdoptionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OutcomeAdoption> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    parseInput(uuidRule, outcomeId, 'outcomeId');
    const data = parseInput(adoptionRule, input, 'input');
    notFuture(ctx, 'input.adoptedOn', data.adoptedOn);
    await requireExisting(ctx, Outcome, 'id', outcomeId, 'outcomeId');
    const adoption = ctx.em.create(OutcomeAdoption, {
      id: crypto.randomUUID(),
      outcomeId,
      ...data,
      note: data.note ?? null,
      year: yearOf(data.adoptedOn),
    });
    await ctx.em.flush();
    return adoption;
  }

  @Mutation(() => OutcomeReplication, {
    description:
      '登记复制推广 — role reform-office: towns and villages elsewhere that replicated the practice',
  })
  async recordOutcomeReplication(
    @Arg('outcomeId', () => ID) outcomeId: string,
    @Arg('input') input: RecordReplicationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OutcomeReplication> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    parseInput(uuidRule, outcomeId, 'outcomeId');
    const data = parseInput(replicationRule, input, 'input');
    notFuture(ctx, 'input.recordedOn', data.recordedOn);
    await requireExisting(ctx, Outcome, 'id', outcomeId, 'outcomeId');
    const replication = ctx.em.create(OutcomeReplication, {
      id: crypto.randomUUID(),
      outcomeId,
      ...data,
      year: yearOf(data.recordedOn),
    });
    await ctx.em.flush();
    return replication;
  }

  @Mutation(() => ReformDocument, {
    description: '登记改革文件 — role reform-office: a reform document or implementing document issued',
  })
  async recordReformDocument(
    @Arg('input') input: RecordDocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformDocument> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    const data = parseInput(documentRule, input, 'input');
    notFuture(ctx, 'input.issuedOn', data.issuedOn);
    if (data.outcomeId) await requireExisting(ctx, Outcome, 'id', data.outcomeId, 'input.outcomeId');
    await requireTasks(ctx, data.taskIds, 'input.taskIds');
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    const document = ctx.em.create(ReformDocument, {
      id: crypto.randomUUID(),
      ...data,
      documentNumber: data.documentNumber ?? null,
      outcomeId: data.outcomeId ?? null,
      taskIds: [...new Set(data.taskIds)],
      year: yearOf(data.issuedOn),
    });
    await ctx.em.flush();
    return document;
  }

  @Mutation(() => Promotion, {
    description:
      '登记宣传推介 — role reform-office: briefing issues, articles, WeChat posts or a promotion meeting',
  })
  async recordPromotion(
    @Arg('input') input: RecordPromotionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Promotion> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    const data = parseInput(promotionRule, input, 'input');
    notFuture(ctx, 'input.occurredOn', data.occurredOn);
    if (data.outcomeId) await requireExisting(ctx, Outcome, 'id', data.outcomeId, 'input.outcomeId');
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    const promotion = ctx.em.create(Promotion, {
      id: crypto.randomUUID(),
      ...data,
      outlet: data.outlet ?? null,
      outcomeId: data.outcomeId ?? null,
      year: yearOf(data.occurredOn),
    });
    await ctx.em.flush();
    return promotion;
  }
}
