import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@county/kit';
import { organizationRef, personRef, OrganizationRef, PersonRef } from '../directory';
import { SpecialGroup } from './special-group.entity';

@Resolver(() => SpecialGroup)
export class SpecialGroupResolver {
  @Query(() => [SpecialGroup], {
    description: '专项小组 — the special groups of the reform committee (a short, fixed list)',
  })
  specialGroups(@Ctx() ctx: SubgraphContext): Promise<SpecialGroup[]> {
    return ctx.em.createQueryBuilder(SpecialGroup).orderBy({ position: 'asc' }).execute('all', true);
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: '组长 — the county leader who leads it' })
  leader(@Root() group: SpecialGroup): PersonRef | null {
    return personRef(group.leaderId);
  }

  @FieldResolver(() => [OrganizationRef], { description: '成员单位 — its member organisations' })
  memberOrganizations(@Root() group: SpecialGroup): OrganizationRef[] {
    return group.memberOrganizationIds.map(organizationRef);
  }
}
