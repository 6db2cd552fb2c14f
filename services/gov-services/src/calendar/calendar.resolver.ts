import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { assertPerformAction, parseInput, type SubgraphContext } from '@county/kit';
import { permissions } from '../permissions';
import { clearStatsCache } from '../stats/stats-cache';
import { WorkingCalendarInput } from './calendar.args';
import { calendarEntryRule, type CalendarEntry } from './calendar.rules';
import { calendarEntered } from './calendar.runtime';
import { enterYear } from './calendar.store';
import { calendarYearView, WorkingCalendarYear } from './calendar.view';
import { FIRST_STATUTORY_YEAR } from './statutory-holidays';
import { LAST_CALENDAR_YEAR } from './working-days';

export const yearArgRule = z.number().int().min(FIRST_STATUTORY_YEAR).max(LAST_CALENDAR_YEAR);

/** Enters a year for the bureau (the mutation and the spreadsheet both come here), then starts the recompute. */
export async function enterCalendarYear(ctx: Pick<SubgraphContext, 'em' | 'identity'>, entry: CalendarEntry) {
  assertPerformAction(ctx, permissions, 'calendar.enter');
  await enterYear(ctx.em, entry, ctx.identity.subject!);
  await calendarEntered(ctx.em);
  clearStatsCache();
  return calendarYearView(ctx.em.fork(), entry.year);
}

@Resolver(() => WorkingCalendarYear)
export class CalendarResolver {
  @Query(() => WorkingCalendarYear, {
    description: '工作日历 — a year of the working-day calendar, OFFICIAL or PROVISIONAL, with its source',
  })
  workingCalendar(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WorkingCalendarYear> {
    return calendarYearView(ctx.em, parseInput(yearArgRule, year, 'year'));
  }

  @Mutation(() => WorkingCalendarYear, {
    description:
      '录入放假安排 — enter or correct a year from the State Council notice; role approval-bureau (行政审批局). The figures it touches are recomputed in the background (see `recompute`).',
  })
  enterWorkingCalendar(
    @Arg('input') input: WorkingCalendarInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WorkingCalendarYear> {
    assertPerformAction(ctx, permissions, 'calendar.enter');
    const entry = parseInput(
      calendarEntryRule,
      {
        ...input,
        days: input.days.map((d) => ({ ...d, date: d.date.toISOString().slice(0, 10) })),
      },
      'input',
    );
    return enterCalendarYear(ctx, entry);
  }
}
