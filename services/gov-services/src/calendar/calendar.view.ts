import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CalendarDay,
  CalendarDayKind,
  CalendarRecompute,
  CalendarStatus,
  CalendarYear,
} from './calendar.entity';
import { editionOf, statutoryHolidays } from './statutory-holidays';
import { workingCalendar } from './working-days';

@ObjectType('WorkingCalendarYear', {
  description:
    '工作日历 — one year of the working-day calendar: its days off, its make-up days and its status',
})
export class WorkingCalendarYear {
  @Field(() => Int)
  year!: number;

  @Field(() => CalendarStatus, { description: '正式/临时 — official or provisional' })
  status!: CalendarStatus;

  @Field({
    description:
      '来源 — the notice (or package) it was entered from; for a provisional year, the statutory rules',
  })
  source!: string;

  @Field(() => Date, { nullable: true, description: '录入时间 — entered at (null: provisional)' })
  enteredAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'the version to send when correcting it (null: provisional)',
  })
  version!: number | null;

  @Field(() => [CalendarDay], { description: '放假与调休上班日 — the days that differ from "weekends off"' })
  days!: CalendarDay[];

  @Field(() => Int, { description: '全年工作日 — working days in the year' })
  workingDays!: number;

  @Field(() => CalendarRecompute, {
    nullable: true,
    description: '重算进度 — the latest recompute of the figures this year touches',
  })
  recompute!: CalendarRecompute | null;
}

/** A year as the graph and the spreadsheet show it: entered, or provisional from the statutory rules. */
export async function calendarYearView(em: EntityManager, year: number): Promise<WorkingCalendarYear> {
  const [entered, days, recompute] = await Promise.all([
    em.findOne(CalendarYear, { year }),
    em.find(CalendarDay, { year }, { orderBy: { day: 'asc' } }),
    em.findOne(CalendarRecompute, { year }, { orderBy: { id: 'desc' } }),
  ]);
  const first = `${year}-01-01`;
  const view = Object.assign(new WorkingCalendarYear(), {
    year,
    recompute,
    workingDays:
      workingCalendar.between(first, `${year}-12-31`) + (workingCalendar.isWorkingDay(first) ? 1 : 0),
  });
  if (entered)
    return Object.assign(view, {
      status: CalendarStatus.OFFICIAL,
      source: entered.source,
      enteredAt: entered.enteredAt,
      version: entered.version,
      days,
    });
  return Object.assign(view, {
    status: CalendarStatus.PROVISIONAL,
    source: `${editionOf(year).title}（临时：未录入国务院办公厅放假安排通知）`,
    enteredAt: null,
    version: null,
    days: statutoryHolidays(year).map((h) =>
      Object.assign(new CalendarDay(), { day: h.day, year, kind: CalendarDayKind.HOLIDAY, name: h.name }),
    ),
  });
}
