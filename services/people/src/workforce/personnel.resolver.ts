import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityGroupLoader, entityLoader, type SubgraphContext } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { Cadre } from '../cadre/cadre.entity';
import { CadrePost } from '../cadre/post.entity';
import { VillageCadreTerm } from '../village-cadre/village-cadre-term.entity';
import { CommunityWorker } from '../community-worker/community-worker.entity';
import { CommunityQuota } from '../community-worker/community-quota.entity';
import { Secondment } from '../secondment/secondment.entity';
import { AnnualAssessment } from '../assessment/assessment.entity';
import { TrainingAttendance } from '../training/training-attendance.entity';
import { seesPersonalData } from '../permissions';

/**
 * A person's record as the organisation and civil-affairs departments keep it. Each field is one batched
 * statement per level of a query; assessments are personal data and answer only to `hr`.
 */
@Resolver(() => Person)
export class PersonnelResolver {
  @FieldResolver(() => Cadre, {
    nullable: true,
    description: '干部档案 — rank and county-leader mark; null if not a cadre',
  })
  cadre(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<Cadre | null> {
    return entityLoader(ctx, Cadre, 'personId').load(person.id);
  }

  @FieldResolver(() => [CadrePost], { description: '任职经历 — current and past posts, latest first' })
  posts(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<CadrePost[]> {
    return entityGroupLoader(ctx, CadrePost, 'personId', { startedOn: 'desc' }).load(person.id);
  }

  @FieldResolver(() => [VillageCadreTerm], {
    description: '村干部任期 — terms as a village cadre (换届), latest first',
  })
  villageCadreTerms(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<VillageCadreTerm[]> {
    return entityGroupLoader(ctx, VillageCadreTerm, 'personId', { termStart: 'desc' }).load(person.id);
  }

  @FieldResolver(() => CommunityWorker, {
    nullable: true,
    description: '社区工作者 — post type, level and pay (三岗十八级); null if not a community worker',
  })
  communityWorker(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<CommunityWorker | null> {
    return entityLoader(ctx, CommunityWorker, 'personId').load(person.id);
  }

  @FieldResolver(() => [Secondment], { description: '挂职经历 — secondments, latest first' })
  secondments(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<Secondment[]> {
    return entityGroupLoader(ctx, Secondment, 'personId', { startsOn: 'desc' }).load(person.id);
  }

  @FieldResolver(() => [AnnualAssessment], {
    nullable: true,
    description: '年度考核 — yearly assessments, latest first; personal data: null unless the caller has hr',
  })
  annualAssessments(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<AnnualAssessment[]> | null {
    if (!seesPersonalData(ctx)) return null;
    return entityGroupLoader(ctx, AnnualAssessment, 'personId', { year: 'desc' }).load(person.id);
  }

  @FieldResolver(() => [TrainingAttendance], { description: '培训记录 — courses attended' })
  trainings(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<TrainingAttendance[]> {
    return entityGroupLoader(ctx, TrainingAttendance, 'personId', { id: 'asc' }).load(person.id);
  }
}

@Resolver(() => Organization)
export class OrganizationQuotaResolver {
  @FieldResolver(() => CommunityQuota, {
    nullable: true,
    description: '员额 — a community’s quota; null when none is set',
  })
  communityQuota(
    @Root() organization: Organization,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityQuota | null> {
    return entityLoader(ctx, CommunityQuota, 'organizationId').load(organization.id);
  }
}
