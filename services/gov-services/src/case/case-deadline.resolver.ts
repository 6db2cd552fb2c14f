import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, entityGroupLoader, type SubgraphContext } from '@county/kit';
import { chinaDay, netWorkingDays, workingCalendar } from '../calendar/working-days';
import { ServiceItemVersion } from '../item/item-version.entity';
import { CaseStatus } from '../vocabulary';
import { ServiceCase } from './case.entity';
import { CaseSuspension } from './suspension.entity';

/** What a case's deadline needs: the limit of the version it was received under, and its suspensions. */
async function clock(serviceCase: ServiceCase, ctx: SubgraphContext) {
  const [versions, suspensions] = await Promise.all([
    entityGroupLoader(ctx, ServiceItemVersion, 'itemId', { version: 'asc' }).load(serviceCase.itemId),
    entityGroupLoader(ctx, CaseSuspension, 'caseId', { startedOn: 'asc' }).load(serviceCase.id),
  ]);
  const version = versions.find((v) => v.version === serviceCase.itemVersionNumber);
  return {
    limit: version ? version.committedLimit + serviceCase.extensionDays : null,
    suspensions,
  };
}

/**
 * 承诺办结期限 and 超期: counted, like the on-time flag, against the committed limit of the item's version
 * the case was received under (plus its approved extension), on the working-day calendar, net of
 * suspensions.
 */
@Resolver(() => ServiceCase)
export class CaseDeadlineResolver {
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      '承诺办结期限 — the last working day within the committed limit of its item version (+ extension, + suspended days); null before acceptance or while suspended',
  })
  async dueBy(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (!serviceCase.acceptedAt) return null;
    const { limit, suspensions } = await clock(serviceCase, ctx);
    if (limit === null || suspensions.some((s) => s.endedOn === null)) return null;
    const accepted = chinaDay(serviceCase.acceptedAt);
    const paused = suspensions.reduce((sum, s) => sum + workingCalendar.between(s.startedOn, s.endedOn!), 0);
    return limit + paused > 0 ? workingCalendar.addWorkingDays(accepted, limit + paused) : accepted;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      '超期 — past its committed limit: a completed case not on time, an open one whose net working days so far exceed the limit; null before acceptance',
  })
  async overdue(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<boolean | null> {
    if (!serviceCase.acceptedAt) return null;
    if (serviceCase.status === CaseStatus.COMPLETED) return serviceCase.onTime === false;
    const { limit, suspensions } = await clock(serviceCase, ctx);
    if (limit === null) return null;
    const today = chinaDay();
    const elapsed = netWorkingDays(
      chinaDay(serviceCase.acceptedAt),
      today,
      suspensions.map((s) => ({ from: s.startedOn, to: s.endedOn ?? today })),
    );
    return elapsed > limit;
  }
}
