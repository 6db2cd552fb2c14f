import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { isWeekend, yearOf } from './days';
import { CalendarDayKind } from './calendar.entity';
import { editionOf, FIRST_STATUTORY_YEAR, statutoryHolidays } from './statutory-holidays';
import { LAST_CALENDAR_YEAR } from './working-days';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const dayRule = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date, YYYY-MM-DD' })
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), {
    message: 'must be a real date',
  });

/**
 * 录入放假安排 — one year's schedule as the State Council's notice gives it: every day off (the statutory
 * holidays and the days bridged to them) and every make-up working day.
 */
export const calendarEntryRule = z
  .object({
    year: z.number().int().min(FIRST_STATUTORY_YEAR).max(LAST_CALENDAR_YEAR),
    source: z
      .string()
      .trim()
      .min(4, { message: 'must name the notice: its title and number (e.g. 国办发明电〔2026〕N号)' })
      .max(300),
    days: z
      .array(
        z.object({
          date: dayRule,
          kind: z.enum(CalendarDayKind),
          name: z.string().trim().max(20).nullish(),
        }),
      )
      .min(1)
      .max(120),
    version: z.number().int().min(1).nullish(),
  })
  .superRefine((entry, ctx) => {
    const seen = new Map<string, number>();
    entry.days.forEach((day, i) => {
      const at = (rule: string, message: string) =>
        ctx.addIssue({ ...ruleIssue(rule, message), path: ['days', i, 'date'] });
      if (yearOf(day.date) !== entry.year) at('in-year', `${day.date} is not in ${entry.year}`);
      else if (seen.has(day.date))
        at('unique', `${day.date} is listed twice (also as day ${seen.get(day.date)! + 1})`);
      else if (day.kind === CalendarDayKind.WORKDAY && !isWeekend(day.date))
        at(
          'weekend',
          `${day.date} is a ${WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()]}: a make-up working day (调休上班) falls on a Saturday or Sunday`,
        );
      seen.set(day.date, i);
    });
    const off = new Set(entry.days.filter((d) => d.kind === CalendarDayKind.HOLIDAY).map((d) => d.date));
    const missing =
      entry.year >= FIRST_STATUTORY_YEAR ? statutoryHolidays(entry.year).filter((h) => !off.has(h.day)) : [];
    if (missing.length)
      ctx.addIssue({
        ...ruleIssue(
          'statutory-holiday',
          `${missing.map((h) => `${h.day} (${h.name})`).join('、')} must be days off: ${editionOf(entry.year).title}`,
        ),
        path: ['days'],
      });
  });

export type CalendarEntry = z.infer<typeof calendarEntryRule>;
