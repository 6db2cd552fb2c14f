import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { regionCodePrefix } from '@county/domain';
import { OrganizationRef, organizationRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { SupervisionOrder } from '../supervision/supervision.entity';
import { Inspection } from '../inspection/inspection.entity';
import { Bulletin, BulletinMention } from './bulletin.entity';
import { BulletinsArgs } from './bulletin.args';
import { bulletinsArgsRule } from './bulletin.rules';
import { BulletinVerdict } from './bulletin.vocabulary';

export const BulletinConnection = ConnectionType(Bulletin, '通报列表 — a page of bulletins');

@Resolver(() => Bulletin)
export class BulletinResolver {
  @Query(() => BulletinConnection, {
    description: '通报 — bulletins by year and region of the issuing office (and below), in issue order',
  })
  bulletins(@Args() args: BulletinsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Bulletin>> {
    parseInput(bulletinsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.year) filters.push({ sql: 'b.year = ?', params: [args.year] });
    if (args.regionCode)
      filters.push({ sql: 'b.region_code like ?', params: [`${regionCodePrefix(args.regionCode) ?? ''}%`] });
    return pageRows(ctx, Bulletin, 'b', allOf(...filters), args, 'issuedOn', 'id');
  }

  @FieldResolver(() => [BulletinMention], {
    description:
      '点名 — the units named, in the bulletin’s order; `verdict` for only the commended or the lagging',
  })
  async mentions(
    @Root() bulletin: Bulletin,
    @Ctx() ctx: SubgraphContext,
    @Arg('verdict', () => BulletinVerdict, { nullable: true }) verdict?: BulletinVerdict | null,
  ): Promise<BulletinMention[]> {
    // a bulletin names at most MAX_MENTIONS units: read whole, per bulletin of the level
    const all = await entityGroupLoader(ctx, BulletinMention, 'bulletinId', { position: 'asc' }).load(
      bulletin.id,
    );
    return verdict ? all.filter((m) => m.verdict === verdict) : all;
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '督察 — the inspection it reports on' })
  inspection(@Root() bulletin: Bulletin, @Ctx() ctx: SubgraphContext): Promise<Inspection | null> | null {
    return bulletin.inspectionId ? entityLoader(ctx, Inspection, 'id').load(bulletin.inspectionId) : null;
  }
}

@Resolver(() => BulletinMention)
export class BulletinMentionResolver {
  @FieldResolver(() => OrganizationRef, { description: '单位 — the organisation named' })
  organization(@Root() mention: BulletinMention): OrganizationRef {
    return organizationRef(mention.organizationId);
  }

  @FieldResolver(() => ReformTask, { nullable: true, description: '任务 — the reform task concerned' })
  task(@Root() mention: BulletinMention, @Ctx() ctx: SubgraphContext): Promise<ReformTask | null> | null {
    return mention.taskId ? entityLoader(ctx, ReformTask, 'id').load(mention.taskId) : null;
  }

  @FieldResolver(() => SupervisionOrder, {
    nullable: true,
    description: '督办单 — the supervision order the bulletin issued for this lagging task',
  })
  supervisionOrder(
    @Root() mention: BulletinMention,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupervisionOrder | null> | null {
    return mention.supervisionOrderId
      ? entityLoader(ctx, SupervisionOrder, 'id').load(mention.supervisionOrderId)
      : null;
  }
}
