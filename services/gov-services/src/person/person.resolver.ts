import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRows, type Page } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { PersonRef } from '../directory';
import { ServiceCase } from '../case/case.entity';
import { ServiceCaseConnection } from '../case/case.resolver';

/** What this subgraph adds to the people subgraph's Person: the cases a proxy agent handled. */
@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => ServiceCaseConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '代办件 — cases this proxy agent handled',
  })
  proxyCases(
    @Root() person: PersonRef,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ServiceCase>> {
    const filter = { sql: 'c.proxy_agent_id = ?', params: [person.id] };
    return pageRows(ctx, ServiceCase, 'c', filter, args, 'receivedAt', 'id');
  }
}
