import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  parseInput,
  type Page,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { OrganizationRef, organizationRef, RegionRef } from '../directory';
import { Pilot } from '../pilot/pilot.entity';
import { PilotLead } from './lead.entity';
import { PilotLeadsArgs } from './lead.args';
import { pageLeads } from './lead.query';

export const PilotLeadConnection = ConnectionType(PilotLead, '试点线索列表 — a page of pilot leads');

@Resolver(() => PilotLead)
export class PilotLeadResolver {
  @Query(() => PilotLead, { nullable: true, description: '试点线索 — one lead by id; null when unknown' })
  pilotLead(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PilotLead | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, PilotLead, 'id').load(id);
  }

  @Query(() => PilotLeadConnection, {
    description: '试点线索列表 — leads by level, status, organisation, region (including below), year issued',
  })
  pilotLeads(@Args() args: PilotLeadsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<PilotLead>> {
    return pageLeads(ctx, args);
  }

  @FieldResolver(() => OrganizationRef, { description: '承接单位 — the organisation asked to pursue it' })
  organization(@Root() lead: PilotLead): OrganizationRef {
    return organizationRef(lead.organizationId);
  }

  @FieldResolver(() => RegionRef, { description: '所在区划 — the region of that organisation' })
  region(@Root() lead: PilotLead): RegionRef {
    return { code: lead.regionCode };
  }

  @FieldResolver(() => [Pilot], { description: '争取到的试点 — the pilots that came from it' })
  pilots(@Root() lead: PilotLead, @Ctx() ctx: SubgraphContext): Promise<Pilot[]> {
    return entityGroupLoader(ctx, Pilot, 'leadId', { name: 'asc', id: 'asc' }).load(lead.id);
  }
}
