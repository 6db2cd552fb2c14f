import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { DateScalar, parseInput, regionScope, ruleIssue, selects } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { workingCalendar } from '../calendar/working-days';
import { recomputePending } from '../calendar/calendar.runtime';
import { RegionRef } from '../directory';
import { isoDay, regionCodeRule, RegionMapping } from '@county/domain';
import { partsKey, serviceStatsFigures, type StatsParts } from '../stats/service-stats.query';
import { cachedStats } from '../stats/stats-cache';
import { ServiceStats, type ServiceStatsFigures } from '../stats/service-stats.types';
import { staffingYearRule, TownshipStaffing, townshipStaffing } from './township-staffing';

const periodRule = z
  .object({ regionCode: regionCodeRule, from: z.date(), to: z.date() })
  .superRefine((period, ctx) => {
    if (period.to < period.from)
      ctx.addIssue({ ...ruleIssue('range', 'must not be before `from`'), path: ['to'] });
    else if (period.to.getTime() - period.from.getTime() > 3 * 366 * 86_400_000)
      ctx.addIssue({ ...ruleIssue('max', 'a period is at most three years'), path: ['to'] });
  });

/** What this subgraph adds to the people subgraph's Region: its service statistics. */
@Resolver(() => RegionRef)
export class RegionResolver {
  @FieldResolver(() => ServiceStats, {
    // nullable: when this subgraph is down, the rest of the region (and the other domains) still answers
    nullable: true,
    description:
      '政务服务统计 — service statistics of this region and everything below it, `from`–`to` inclusive',
  })
  async serviceStats(
    @Root() region: RegionRef,
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Arg('regions', () => RegionMapping, {
      nullable: true,
      defaultValue: RegionMapping.TODAY,
      description: '区划口径 — counted in today’s regions (merged ones included) or as recorded',
    })
    mapping: RegionMapping | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ServiceStats> {
    const period = parseInput(periodRule, { regionCode: region.code, from, to }, '');
    // the parts asked for: the cockpit's children ask only an on-time rate
    const parts: StatsParts = {
      months: selects(info, 'byMonth'),
      previous: selects(info, 'receivedPreviousYear') || selects(info, 'yearOnYearGrowth'),
      durations: selects(info, 'p50WorkingDays') || selects(info, 'p80WorkingDays'),
    };
    workingCalendar.require(isoDay(period.from), 'from');
    workingCalendar.require(isoDay(period.to), 'to');
    const regions = mapping ?? RegionMapping.TODAY;
    const codes = regionScope(ctx, region.code, regions);
    const asked = { regionCode: region.code, codes, from: isoDay(period.from), to: isoDay(period.to) };
    const recomputing = recomputePending().some(
      (year) => year >= Number(asked.from.slice(0, 4)) && year <= Number(asked.to.slice(0, 4)),
    );
    // the cache answers repeats; the regions it misses at one query level (the children of the cockpit's
    // region) are read together, in one statement
    const figures = ctx.loaders.get<string, ServiceStatsFigures>(
      `Region.serviceStats.${asked.from}.${asked.to}.${regions}.${partsKey(parts)}`,
      (asking) =>
        serviceStatsFigures(
          ctx.em,
          asking.map((code) => ({ regionCode: code, codes: regionScope(ctx, code, regions) })),
          asked.from,
          asked.to,
          parts,
        ),
    );
    // an answer without a part is kept apart from the whole one
    return cachedStats(`${codes.join(',')}|${asked.from}|${asked.to}|${partsKey(parts)}`, async () =>
      Object.assign(new ServiceStats(), await figures.load(region.code), {
        period: asked,
        calendarProvisional: recomputing || workingCalendar.touchesProvisional(asked.from, asked.to),
      }),
    );
  }

  @FieldResolver(() => TownshipStaffing, {
    nullable: true,
    description:
      '乡镇便民服务中心人员配备 — staff of the township centres of this region on 31 December of `year` (today for this year)',
  })
  townshipStaffing(
    @Root() region: RegionRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TownshipStaffing> {
    const asked = parseInput(
      z.object({ regionCode: regionCodeRule, year: staffingYearRule }),
      { regionCode: region.code, year },
      '',
    );
    return townshipStaffing(ctx.em, asked.regionCode, asked.year);
  }
}
