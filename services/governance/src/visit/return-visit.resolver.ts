import { FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonRef } from '../directory';
import { ReturnVisit } from './return-visit.entity';

@Resolver(() => ReturnVisit)
export class ReturnVisitResolver {
  @FieldResolver(() => PersonRef, { description: '回访人 — who visited' })
  visitor(@Root() visit: ReturnVisit): PersonRef {
    return { id: visit.visitorId };
  }
}
