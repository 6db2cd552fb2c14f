import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { chinaDay, chinaDayStartSql, isoDay, regionCodePrefix, uuidRule } from '@county/domain';
import {
  allOf,
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { OrganizationRef, organizationRef, RegionRef } from '../directory';
import { Dispute } from '../dispute/dispute.entity';
import { MASKED } from '../dispute/dispute.resolver';
import { dayRange } from '../dispute/dispute.query';
import { seesPetitioners } from './petition-access';
import { Petition } from './petition.entity';
import { PetitionsArgs } from './petition.args';
import { GROUP_PETITION_MIN, petitionsArgsRule } from './petition.rules';

const MASKED_FOR = `"${MASKED}" unless the caller is the county's petitions bureau, the petition's township, the county's governance centre or hr`;
const DAY_START = chinaDayStartSql('?::date');

export const PetitionConnection = ConnectionType(
  Petition,
  '信访件列表 — a page of petitions, by time received',
);

/** Whether `at` fell on or before the deadline `by`, in China days; null until it happened. */
const onTime = (at: Date | null, by: string | null) => (at && by ? chinaDay(at) <= by : null);

@Resolver(() => Petition)
export class PetitionResolver {
  @Query(() => Petition, { nullable: true, description: '信访件 — one petition by id; null when unknown' })
  petition(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Petition | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, Petition, 'id').load(id);
  }

  @Query(() => PetitionConnection, {
    description: '信访件列表 — petitions by region (including below), channel, status and days received',
  })
  petitions(@Args() args: PetitionsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Petition>> {
    parseInput(petitionsArgsRule, args, '');
    if (args.receivedFrom && args.receivedTo)
      dayRange(args.receivedFrom, args.receivedTo, 'receivedFrom', 'receivedTo');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: 'p.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] });
    if (args.channel) filters.push({ sql: 'p.channel = ?', params: [args.channel] });
    if (args.status) filters.push({ sql: 'p.status = ?', params: [args.status] });
    if (args.receivedFrom)
      filters.push({ sql: `p.received_at >= ${DAY_START}`, params: [isoDay(args.receivedFrom)] });
    if (args.receivedTo)
      filters.push({
        sql: `p.received_at < ${DAY_START} + interval '1 day'`,
        params: [isoDay(args.receivedTo)],
      });
    return pageRows(ctx, Petition, 'p', allOf(...filters), args, 'receivedAt', 'id');
  }

  @FieldResolver(() => RegionRef, { description: '属地 — the county, township or village it arose in' })
  region(@Root() petition: Petition): RegionRef {
    return { code: petition.regionCode };
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: '办理单位 — who handles it' })
  handlingOrganization(@Root() petition: Petition): OrganizationRef | null {
    return petition.handlingOrganizationId ? organizationRef(petition.handlingOrganizationId) : null;
  }

  @FieldResolver(() => Boolean, { description: `集体访 — ${GROUP_PETITION_MIN} or more petitioners` })
  group(@Root() petition: Petition): boolean {
    return petition.petitionerCount >= GROUP_PETITION_MIN;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '按期受理 — decided (accepted or not) by the acceptance deadline; null until decided',
  })
  decidedOnTime(@Root() petition: Petition): boolean | null {
    return onTime(petition.decidedAt, petition.acceptBy);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '按期办结 — replied to by the reply deadline (with any extension); null until replied',
  })
  repliedOnTime(@Root() petition: Petition): boolean | null {
    return onTime(petition.repliedAt, petition.replyBy);
  }

  @FieldResolver(() => Petition, { nullable: true, description: '重复访 — the earlier petition it repeats' })
  repeatOf(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<Petition | null> | null {
    return petition.repeatOfId ? entityLoader(ctx, Petition, 'id').load(petition.repeatOfId) : null;
  }

  @FieldResolver(() => [Petition], { description: '重复来访 — later petitions repeating this one, in order' })
  repeats(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<Petition[]> {
    return entityGroupLoader(ctx, Petition, 'repeatOfId', { receivedAt: 'asc' }).load(petition.id);
  }

  @FieldResolver(() => Dispute, {
    nullable: true,
    description:
      '关联纠纷 — the dispute it came from (referred to petition) or was taken up as for mediation',
  })
  dispute(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<Dispute | null> | null {
    return petition.disputeId ? entityLoader(ctx, Dispute, 'id').load(petition.disputeId) : null;
  }

  @FieldResolver(() => String, {
    description: `信访人 — the petitioners, as recorded; personal data: ${MASKED_FOR}`,
  })
  async petitioners(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await seesPetitioners(ctx, petition.regionCode)) ? petition.petitioners : MASKED;
  }

  @FieldResolver(() => String, {
    description: `信访事项 — what it asks; personal data (it names the petitioners): ${MASKED_FOR}`,
  })
  async subject(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await seesPetitioners(ctx, petition.regionCode)) ? petition.subject : MASKED;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `答复意见 — the written reply; personal data: ${MASKED_FOR}; null before the reply`,
  })
  async reply(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (petition.reply === null) return null;
    return (await seesPetitioners(ctx, petition.regionCode)) ? petition.reply : MASKED;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `复查意见书 — the review's written opinion; personal data: ${MASKED_FOR}; null before the review`,
  })
  async reviewOpinion(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (petition.reviewOpinion === null) return null;
    return (await seesPetitioners(ctx, petition.regionCode)) ? petition.reviewOpinion : MASKED;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '按期复查 — the review’s opinion given by its deadline; null until given',
  })
  reviewedOnTime(@Root() petition: Petition): boolean | null {
    return onTime(petition.reviewedAt, petition.reviewBy);
  }

  @FieldResolver(() => Boolean, {
    description:
      '已隐去 — true when petitioners, subject, reply and review opinion are masked for this caller',
  })
  async personalDataMasked(@Root() petition: Petition, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return !(await seesPetitioners(ctx, petition.regionCode));
  }
}

/** What the petitions subgraph adds to a dispute: the petitions linked to it. */
@Resolver(() => Dispute)
export class DisputePetitionsResolver {
  @FieldResolver(() => [Petition], {
    description: '关联信访 — petitions it came from or that were taken up as it, in order received',
  })
  petitions(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<Petition[]> {
    return entityGroupLoader(ctx, Petition, 'disputeId', { receivedAt: 'asc' }).load(dispute.id);
  }
}
