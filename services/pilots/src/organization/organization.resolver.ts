import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Page, SubgraphContext } from '@county/kit';
import { Pilot } from '../pilot/pilot.entity';
import { PilotFilterArgs } from '../pilot/pilot.args';
import { pagePilots } from '../pilot/pilot.query';
import { PilotConnection } from '../pilot/pilot.resolver';
import { PilotLead } from '../lead/lead.entity';
import { PilotLeadFilterArgs } from '../lead/lead.args';
import { pageLeads } from '../lead/lead.query';
import { PilotLeadConnection } from '../lead/lead.resolver';
import { OrganizationRef } from '../directory';

/** What this subgraph adds to the people subgraph's Organization: its pilots and pilot leads. */
@Resolver(() => OrganizationRef)
export class OrganizationResolver {
  @FieldResolver(() => PilotConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '试点 — pilots it leads or takes part in',
  })
  pilots(
    @Root() organization: OrganizationRef,
    @Args() args: PilotFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Pilot>> {
    return pagePilots(ctx, args, {
      sql: 'p.lead_organization_id = ? or ? = any(p.participating_organization_ids)',
      params: [organization.id, organization.id],
    });
  }

  @FieldResolver(() => PilotLeadConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '试点线索 — pilot leads handed to it',
  })
  pilotLeads(
    @Root() organization: OrganizationRef,
    @Args() args: PilotLeadFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<PilotLead>> {
    return pageLeads(ctx, args, { sql: 'l.organization_id = ?', params: [organization.id] });
  }
}
