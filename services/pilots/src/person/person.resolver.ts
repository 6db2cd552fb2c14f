import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Page, SubgraphContext } from '@county/kit';
import { PersonRef } from '../directory';
import { Pilot } from '../pilot/pilot.entity';
import { PilotFilterArgs } from '../pilot/pilot.args';
import { pagePilots } from '../pilot/pilot.query';
import { PilotConnection } from '../pilot/pilot.resolver';

/** What this subgraph adds to the people subgraph's Person: the pilots a leader is responsible for. */
@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => PilotConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '负责的试点 — pilots this person is the responsible leader of',
  })
  pilots(
    @Root() person: PersonRef,
    @Args() args: PilotFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Pilot>> {
    return pagePilots(ctx, args, { sql: 'p.leader_id = ?', params: [person.id] });
  }
}
