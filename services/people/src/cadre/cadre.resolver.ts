import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import {
  allOf,
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { regionCodeRule } from '@county/domain';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { personInRegion, regionPattern } from '../workforce/region-filter';
import { Cadre } from './cadre.entity';
import { CadrePost } from './post.entity';
import { CadresArgs } from './cadre.args';

export const CadreConnection = ConnectionType(Cadre, '干部列表 — a page of cadres');

const cadresArgsRule = z.object({ regionCode: regionCodeRule.nullish() });

@Resolver(() => Cadre)
export class CadreResolver {
  @Query(() => CadreConnection, {
    description: '干部列表 — cadres by region (including below), rank, county-leader mark',
  })
  cadres(@Args() args: CadresArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Cadre>> {
    parseInput(cadresArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: personInRegion('c.person_id'), params: [regionPattern(args.regionCode)] });
    if (args.rank) filters.push({ sql: 'c.rank = ?', params: [args.rank] });
    if (args.countyLeader !== undefined && args.countyLeader !== null) {
      filters.push({ sql: 'c.county_leader = ?', params: [args.countyLeader] });
    }
    return pageRows(ctx, Cadre, 'c', allOf(...filters), args, 'id', 'id');
  }

  @FieldResolver(() => Person, { description: '人员 — the person' })
  person(@Root() cadre: Cadre, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return entityLoader(ctx, Person, 'id').load(cadre.personId);
  }

  @FieldResolver(() => [CadrePost], { description: '任职经历 — current and past posts, latest first' })
  posts(@Root() cadre: Cadre, @Ctx() ctx: SubgraphContext): Promise<CadrePost[]> {
    return entityGroupLoader(ctx, CadrePost, 'personId', { startedOn: 'desc' }).load(cadre.personId);
  }
}

@Resolver(() => CadrePost)
export class PostResolver {
  @FieldResolver(() => Organization, { description: '任职单位 — the organisation' })
  organization(@Root() post: CadrePost, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(post.organizationId);
  }
}
