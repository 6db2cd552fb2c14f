import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { CHINA_TODAY_SQL } from '@county/domain';
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
import { personInRegion, regionPattern } from '../workforce/region-filter';
import { AssessmentGrade } from '../workforce/vocabulary';
import { Secondment } from './secondment.entity';
import { SecondmentsArgs } from './secondment.args';
import { secondmentsArgsRule } from './secondment.rules';

export const SecondmentConnection = ConnectionType(Secondment, '挂职列表 — a page of secondments');

const RUNNING_TODAY = `s.starts_on <= ${CHINA_TODAY_SQL} and s.ends_on >= ${CHINA_TODAY_SQL}`;

@Resolver(() => Secondment)
export class SecondmentResolver {
  @Query(() => SecondmentConnection, {
    description: '挂职列表 — secondments by region of the cadre (including below), front, running today',
  })
  secondments(@Args() args: SecondmentsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Secondment>> {
    parseInput(secondmentsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: personInRegion('s.person_id'), params: [regionPattern(args.regionCode)] });
    if (args.front) filters.push({ sql: 's.front = ?', params: [args.front] });
    if (args.current === true) filters.push({ sql: RUNNING_TODAY, params: [] });
    if (args.current === false) filters.push({ sql: `not (${RUNNING_TODAY})`, params: [] });
    return pageRows(ctx, Secondment, 's', allOf(...filters), args, 'startsOn', 'id');
  }

  @FieldResolver(() => Person, { description: '挂职干部 — the cadre' })
  person(@Root() secondment: Secondment, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return entityLoader(ctx, Person, 'id').load(secondment.personId);
  }

  @FieldResolver(() => Organization, { description: '派出单位 — the cadre’s own unit' })
  fromOrganization(
    @Root() secondment: Secondment,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(secondment.fromOrganizationId);
  }

  @FieldResolver(() => Organization, { description: '挂职单位 — the frontline unit' })
  toOrganization(@Root() secondment: Secondment, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(secondment.toOrganizationId);
  }

  @FieldResolver(() => AssessmentGrade, {
    nullable: true,
    description: '二次考核等次 — grade of the second assessment; personal data: null unless hr',
  })
  secondAssessmentGrade(@Root() secondment: Secondment, @Ctx() ctx: SubgraphContext): AssessmentGrade | null {
    return seesPersonalData(ctx) ? secondment.secondAssessmentGrade : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '二次考核得分 — score of the second assessment; personal data: null unless hr',
  })
  secondAssessmentScore(@Root() secondment: Secondment, @Ctx() ctx: SubgraphContext): number | null {
    return seesPersonalData(ctx) ? secondment.secondAssessmentScore : null;
  }
}
