import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  assertPerformAction,
  ConnectionType,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Person } from '../person/person.entity';
import { permissions } from '../permissions';
import { personInRegion, regionPattern } from '../workforce/region-filter';
import { AnnualAssessment } from './assessment.entity';
import { AssessmentsArgs } from './assessment.args';
import { assessmentsArgsRule, bonusEligible, promotionEligible } from './assessment.rules';

export const AnnualAssessmentConnection = ConnectionType(
  AnnualAssessment,
  '年度考核列表 — a page of yearly assessments',
);

@Resolver(() => AnnualAssessment)
export class AssessmentResolver {
  @Query(() => AnnualAssessmentConnection, {
    description:
      '年度考核列表 — personal data, role hr: by region of the person (including below), year, grade',
  })
  annualAssessments(
    @Args() args: AssessmentsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<AnnualAssessment>> {
    assertPerformAction(ctx, permissions, 'assessment.list');
    parseInput(assessmentsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: personInRegion('a.person_id'), params: [regionPattern(args.regionCode)] });
    if (args.year) filters.push({ sql: 'a.year = ?', params: [args.year] });
    if (args.grade) filters.push({ sql: 'a.grade = ?', params: [args.grade] });
    return pageRows(ctx, AnnualAssessment, 'a', allOf(...filters), args, 'id', 'id');
  }

  @FieldResolver(() => Person, { description: '被考核人 — the person assessed' })
  person(@Root() assessment: AnnualAssessment, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return entityLoader(ctx, Person, 'id').load(assessment.personId);
  }

  @FieldResolver(() => Boolean, {
    description: '绩效奖金 — the grade earns the yearly bonus (excellent, competent)',
  })
  bonusEligible(@Root() assessment: AnnualAssessment): boolean {
    return bonusEligible(assessment.grade);
  }

  @FieldResolver(() => Boolean, { description: '晋级 — the grade allows a level step (excellent)' })
  promotionEligible(@Root() assessment: AnnualAssessment): boolean {
    return promotionEligible(assessment.grade);
  }
}
