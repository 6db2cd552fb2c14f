import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityLoader, type Page, type SubgraphContext } from '@county/kit';
import { OrganizationRef } from '../directory';
import { MediationOrganization } from '../mediation/mediation-organization.entity';
import { Dispute } from '../dispute/dispute.entity';
import { DisputeFilterArgs } from '../dispute/dispute.args';
import { DisputeConnection } from '../dispute/dispute.resolver';
import { findDisputes } from '../dispute/dispute.query';

/** What this subgraph adds to an organisation that is (or hosts) a mediation committee. */
@Resolver(() => OrganizationRef)
export class OrganizationResolver {
  @FieldResolver(() => MediationOrganization, {
    nullable: true,
    description: '调解组织 — this organisation as a mediation organisation; null when it is none',
  })
  mediationOrganization(
    @Root() organization: OrganizationRef,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MediationOrganization | null> {
    return entityLoader(ctx, MediationOrganization, 'organizationId').load(organization.id);
  }

  @FieldResolver(() => DisputeConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '调解纠纷 — disputes this committee took on',
  })
  mediations(
    @Root() organization: OrganizationRef,
    @Args() args: DisputeFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Dispute>> {
    return findDisputes(ctx, args, {
      sql: 'd.organization_id in (select m.id from mediation_organization m where m.organization_id = ?)',
      params: [organization.id],
    });
  }
}
