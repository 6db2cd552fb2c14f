import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityLoader, type SubgraphContext } from '@county/kit';
import { OrganizationRef } from '../directory';
import { MediationOrganization } from '../mediation/mediation-organization.entity';
import { seesDisputeParties } from '../permissions';
import { Dispute } from './dispute.entity';
import { JointHandling } from './joint-handling.entity';
import { MASKED } from './dispute.resolver';

@Resolver(() => JointHandling)
export class JointHandlingResolver {
  @FieldResolver(() => MediationOrganization, {
    nullable: true,
    description: '联合调处中心 — the county centre that convened it',
  })
  centre(
    @Root() handling: JointHandling,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MediationOrganization | null> {
    return entityLoader(ctx, MediationOrganization, 'id').load(handling.centreId);
  }

  @FieldResolver(() => [OrganizationRef], { description: '参会部门 — the departments that took part' })
  departments(@Root() handling: JointHandling): OrganizationRef[] {
    return handling.departmentIds.map((id) => ({ id }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '会办意见 — what the meeting decided; personal data (it names the parties), masked like the dispute’s summary',
  })
  async result(@Root() handling: JointHandling, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (handling.result === null) return null;
    const dispute = await entityLoader(ctx, Dispute, 'id').load(handling.disputeId);
    return dispute && (await seesDisputeParties(ctx, dispute.regionCode)) ? handling.result : MASKED;
  }
}
