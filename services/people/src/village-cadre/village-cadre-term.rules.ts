import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateOrIsoRule, textRule, uuidRule } from '@county/domain';

/** 村民委员会、居民委员会每届任期五年 (the Organic Law as amended in 2018): a term is at most five years. */
export const TERM_YEARS = 5;

const fields = {
  position: textRule(100),
  termStart: dateOrIsoRule,
  termEnd: dateOrIsoRule,
  newlyElected: z.boolean(),
};

const plusYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

/** A term ends after it starts and lasts at most one five-year 换届 period; else `termEnd` is named. */
const termDates = (term: { termStart: string; termEnd: string }, ctx: z.RefinementCtx) => {
  if (term.termEnd <= term.termStart) {
    ctx.addIssue({
      ...ruleIssue('after-start', `must be after termStart (${term.termStart})`),
      path: ['termEnd'],
    });
  } else if (term.termEnd > plusYears(term.termStart, TERM_YEARS)) {
    ctx.addIssue({
      ...ruleIssue('term-length', `a term lasts at most ${TERM_YEARS} years (村两委每届五年)`),
      path: ['termEnd'],
    });
  }
};

export const createVillageCadreTermRule = z
  .object({ personId: uuidRule, organizationId: uuidRule, ...fields })
  .superRefine(termDates);

/** A term requires every field: a null clears nothing and is refused as `required`. */
export const villageCadreTermChangesRule = updateRule(z.object(fields).partial()).refine(
  hasSomeValue,
  SOME_VALUE_MESSAGE,
);

/** The term after the changes, checked as a whole (a new start may put the end out of reach). */
export const villageCadreTermRule = z.object(fields).superRefine(termDates);
