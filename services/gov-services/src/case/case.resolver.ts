import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, uuidRule } from '@county/domain';
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
import { ServiceCentre } from '../centre/centre.entity';
import { PersonRef } from '../directory';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { CaseEvent } from './case-event.entity';
import { ServiceCase } from './case.entity';
import { ServiceCasesArgs } from './case.args';
import { serviceCasesArgsRule } from './case.rules';
import { CaseRating } from './rating.entity';
import { CaseSuspension } from './suspension.entity';

export const ServiceCaseConnection = ConnectionType(ServiceCase, '办件列表 — a page of cases');

/** The case list's filters, as one condition on the alias `c`. */
function caseFilter(args: ServiceCasesArgs): RowFilter {
  const filters: RowFilter[] = [];
  if (args.regionCode)
    filters.push({ sql: 'c.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] });
  if (args.itemId) filters.push({ sql: 'c.item_id = ?', params: [args.itemId] });
  if (args.centreId) filters.push({ sql: 'c.centre_id = ?', params: [args.centreId] });
  if (args.status) filters.push({ sql: 'c.status = ?', params: [args.status] });
  return allOf(...filters);
}

@Resolver(() => ServiceCase)
export class CaseResolver {
  @Query(() => ServiceCase, { nullable: true, description: '办件 — one case by id' })
  serviceCase(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ServiceCase | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, ServiceCase, 'id').load(id);
  }

  @Query(() => ServiceCaseConnection, {
    description: '办件 — cases by region (including below), item, centre and status, newest last',
  })
  serviceCases(@Args() args: ServiceCasesArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ServiceCase>> {
    parseInput(serviceCasesArgsRule, args, '');
    return pageRows(ctx, ServiceCase, 'c', caseFilter(args), args, 'receivedAt', 'id');
  }

  @FieldResolver(() => ServiceItem, { nullable: true, description: '事项 — the item applied for' })
  item(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<ServiceItem | null> {
    return entityLoader(ctx, ServiceItem, 'id').load(serviceCase.itemId);
  }

  @FieldResolver(() => ServiceItemVersion, {
    nullable: true,
    description:
      '受理时事项版本 — the version of the item in effect when the case was received: its limits count for the case',
  })
  async itemVersion(
    @Root() serviceCase: ServiceCase,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceItemVersion | null> {
    const versions = await entityGroupLoader(ctx, ServiceItemVersion, 'itemId', { version: 'asc' }).load(
      serviceCase.itemId,
    );
    return versions.find((v) => v.version === serviceCase.itemVersionNumber) ?? null;
  }

  @FieldResolver(() => ServiceCentre, { nullable: true, description: '办理中心 — the centre handling it' })
  centre(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<ServiceCentre | null> {
    return entityLoader(ctx, ServiceCentre, 'id').load(serviceCase.centreId);
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: '代办员 — the proxy agent (PROXY cases)' })
  proxyAgent(@Root() serviceCase: ServiceCase): PersonRef | null {
    return serviceCase.proxyAgentId ? { id: serviceCase.proxyAgentId } : null;
  }

  @FieldResolver(() => [CaseEvent], { description: '办件环节 — its events, oldest first' })
  events(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<CaseEvent[]> {
    return entityGroupLoader(ctx, CaseEvent, 'caseId', { occurredAt: 'asc', id: 'asc' }).load(serviceCase.id);
  }

  @FieldResolver(() => [CaseSuspension], { description: '特别程序 — its suspensions' })
  suspensions(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<CaseSuspension[]> {
    return entityGroupLoader(ctx, CaseSuspension, 'caseId', { startedOn: 'asc' }).load(serviceCase.id);
  }

  @FieldResolver(() => CaseRating, { nullable: true, description: '好差评 — its rating' })
  rating(@Root() serviceCase: ServiceCase, @Ctx() ctx: SubgraphContext): Promise<CaseRating | null> {
    return entityLoader(ctx, CaseRating, 'caseId').load(serviceCase.id);
  }
}
