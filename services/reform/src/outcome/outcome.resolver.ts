import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
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
import { regionCodePrefix, uuidRule, yearRule } from '@county/domain';
import { OrganizationRef, organizationRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { Outcome, OutcomeCriterion } from './outcome.entity';
import { OutcomeAdoption, OutcomeReplication } from './uptake.entity';
import { Promotion, ReformDocument } from './record.entity';
import { OutcomesArgs } from './outcome.args';
import { outcomesArgsRule } from './outcome.rules';
import { DocumentKind, PromotionKind } from './outcome.vocabulary';

export const OutcomeConnection = ConnectionType(Outcome, '改革成果列表 — a page of the outcome library');
export const ReformDocumentConnection = ConnectionType(ReformDocument, '改革文件列表 — a page of documents');
export const PromotionConnection = ConnectionType(Promotion, '宣传推介列表 — a page of promotion records');

@ObjectType({ description: '标准评定 — one criterion of the year and whether the outcome meets it' })
export class CriterionJudgement {
  @Field(() => OutcomeCriterion)
  criterion!: OutcomeCriterion;

  @Field({ description: '符合 — met' })
  met!: boolean;
}

@ArgsType()
export class OutcomeRecordsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度 — of this year' })
  year?: number;

  @Field(() => ID, { nullable: true, description: '成果 — of this outcome' })
  outcomeId?: string;
}

const criteriaLoader = (ctx: SubgraphContext) =>
  entityGroupLoader(ctx, OutcomeCriterion, 'year', { position: 'asc' });

/** A document or promotion list's filters, as one condition on the alias `r`. */
function recordsFilter(
  args: OutcomeRecordsArgs,
  kind: DocumentKind | PromotionKind | null | undefined,
): RowFilter {
  parseInput(outcomesArgsRule.pick({ year: true }).extend({ outcomeId: uuidRule.nullish() }), args, '');
  const filters: RowFilter[] = [];
  if (args.year) filters.push({ sql: 'r.year = ?', params: [args.year] });
  if (kind) filters.push({ sql: 'r.kind = ?', params: [kind] });
  if (args.outcomeId) filters.push({ sql: 'r.outcome_id = ?', params: [args.outcomeId] });
  return allOf(...filters);
}

@Resolver(() => Outcome)
export class OutcomeResolver {
  @Query(() => OutcomeConnection, {
    description:
      '改革成果库 — outcomes and showcase cases by year, selection, adoption level and region (and below)',
  })
  outcomes(@Args() args: OutcomesArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Outcome>> {
    parseInput(outcomesArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.year) filters.push({ sql: 'o.year = ?', params: [args.year] });
    if (args.selected !== undefined && args.selected !== null)
      filters.push({ sql: 'o.selected = ?', params: [args.selected] });
    if (args.regionCode)
      filters.push({ sql: 'o.region_code like ?', params: [`${regionCodePrefix(args.regionCode) ?? ''}%`] });
    if (args.adoptedAt)
      filters.push({
        sql: 'exists (select 1 from outcome_adoption a where a.outcome_id = o.id and a.level = ?)',
        params: [args.adoptedAt],
      });
    return pageRows(ctx, Outcome, 'o', allOf(...filters), args, 'year', 'id');
  }

  @Query(() => [OutcomeCriterion], {
    description: '出圈标准 — the year’s criteria, in order (empty: none set)',
  })
  outcomeCriteria(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OutcomeCriterion[]> {
    parseInput(yearRule, year, 'year');
    return criteriaLoader(ctx).load(year);
  }

  @Query(() => ReformDocumentConnection, {
    description: '改革文件 — reform and implementing documents, in date order',
  })
  reformDocuments(
    @Args() args: OutcomeRecordsArgs,
    @Ctx() ctx: SubgraphContext,
    @Arg('kind', () => DocumentKind, { nullable: true }) kind?: DocumentKind | null,
  ): Promise<Page<ReformDocument>> {
    return pageRows(ctx, ReformDocument, 'r', recordsFilter(args, kind), args, 'issuedOn', 'id');
  }

  @Query(() => PromotionConnection, { description: '宣传推介 — promotion records, in date order' })
  promotions(
    @Args() args: OutcomeRecordsArgs,
    @Ctx() ctx: SubgraphContext,
    @Arg('kind', () => PromotionKind, { nullable: true }) kind?: PromotionKind | null,
  ): Promise<Page<Promotion>> {
    return pageRows(ctx, Promotion, 'r', recordsFilter(args, kind), args, 'occurredOn', 'id');
  }

  @FieldResolver(() => [CriterionJudgement], {
    description: '标准评定 — each criterion of its year, met or not (empty when the year has none set)',
  })
  async judgement(@Root() outcome: Outcome, @Ctx() ctx: SubgraphContext): Promise<CriterionJudgement[]> {
    const criteria = await criteriaLoader(ctx).load(outcome.year);
    return criteria.map((criterion) => ({ criterion, met: outcome.criteriaMet.includes(criterion.key) }));
  }

  @FieldResolver(() => Int, { description: '符合标准数 — criteria met' })
  criteriaMetCount(@Root() outcome: Outcome): number {
    return outcome.criteriaMet.length;
  }

  @FieldResolver(() => OrganizationRef, { description: '牵头单位 — the organisation that produced it' })
  leadOrganization(@Root() outcome: Outcome): OrganizationRef {
    return organizationRef(outcome.leadOrganizationId);
  }

  @FieldResolver(() => [ReformTask], { description: '关联任务 — the reform tasks it grew out of' })
  async tasks(@Root() outcome: Outcome, @Ctx() ctx: SubgraphContext): Promise<ReformTask[]> {
    const tasks = await entityLoader(ctx, ReformTask, 'id').loadMany(outcome.taskIds);
    return tasks.filter((task): task is ReformTask => !!task && !(task instanceof Error));
  }

  @FieldResolver(() => [OutcomeAdoption], {
    description: '上级采纳 — adoptions by higher levels, earliest first',
  })
  adoptions(@Root() outcome: Outcome, @Ctx() ctx: SubgraphContext): Promise<OutcomeAdoption[]> {
    return entityGroupLoader(ctx, OutcomeAdoption, 'outcomeId', { adoptedOn: 'asc' }).load(outcome.id);
  }

  @FieldResolver(() => [OutcomeReplication], {
    description: '复制推广 — replications elsewhere, earliest first',
  })
  replications(@Root() outcome: Outcome, @Ctx() ctx: SubgraphContext): Promise<OutcomeReplication[]> {
    return entityGroupLoader(ctx, OutcomeReplication, 'outcomeId', { recordedOn: 'asc' }).load(outcome.id);
  }
}
