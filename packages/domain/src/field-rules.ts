import { z } from 'zod';
import { isoDay } from './china-day';
import { isRegionCode } from './region-code';

/*
 * Field rules (zod) every subgraph shares. A failure the kit's `parseInput` reports names its rule: zod's own
 * checks map to `format`, `min`, `max` …; custom ones carry `params.rule`.
 */

export const uuidRule = z.uuid({ message: 'must be a UUID' });

/**
 * Characters no text field takes: control characters other than tab, line feed and carriage return
 * (they corrupt logs, exports and screens), and the bidirectional controls (U+202E shows "gpj.exe" as
 * "exe.jpg"; Chinese and English text never need them).
 */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

export const UNSAFE_TEXT_RULE = 'no-control-characters';
const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or bidirectional overrides (such as U+202E)';

/** Whether `text` holds a character no text field takes (see `findUnsafeText`). */
export const hasUnsafeCharacter = (text: string): boolean => UNSAFE_CHARACTER.test(text);

/**
 * The first string anywhere in `value` (an input object, a list, a change set) holding a character no
 * text field takes, as a path and the rule's message; null when there is none. Line breaks and tabs pass
 * here: whether a field is one line is its own rule's business (`textRule`).
 */
export function findUnsafeText(value: unknown): { path: string[]; rule: string; message: string } | null {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (hasUnsafeCharacter(item)) return { path, rule: UNSAFE_TEXT_RULE, message: UNSAFE_TEXT_MESSAGE };
    } else if (item && typeof item === 'object' && !(item instanceof Date)) {
      for (const [key, child] of Object.entries(item)) pending.push([child, [...path, key]]);
    }
  }
  return null;
}

/** Texts up to this long are one line (names, titles, positions, document numbers); longer ones are paragraphs. */
export const ONE_LINE_MAX = 300;

/**
 * Trimmed text, not empty, of at most `max` characters: a name, a title, a reason. Never control
 * characters or bidirectional overrides; `lines: 'one'` (the default up to ONE_LINE_MAX characters) also
 * refuses line breaks and tabs, `'many'` (the default above: summaries, goals, measures) keeps them.
 */
export const textRule = (max: number, lines: 'one' | 'many' = max <= ONE_LINE_MAX ? 'one' : 'many') =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max)
    .superRefine((text, ctx) => {
      if (hasUnsafeCharacter(text))
        ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, params: { rule: UNSAFE_TEXT_RULE } });
      else if (lines === 'one' && LINE_BREAK.test(text))
        ctx.addIssue({
          code: 'custom',
          message: 'must be one line: no line breaks or tabs',
          params: { rule: 'one-line' },
        });
    });

export const REGION_CODE_MESSAGE =
  'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)';

/** A well-formed city, county, township or village code (rule `format`). */
export const regionCodeRule = z
  .string()
  .refine(isRegionCode, { message: REGION_CODE_MESSAGE, params: { rule: 'format' } });

/** A plan, ledger or statistics year. */
export const yearRule = z.number().int().min(2000).max(2100);

const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

/** A calendar date written as a YYYY-MM-DD string (a query parameter, an option). */
export const isoDateRule = z.iso.date({ message: DATE_MESSAGE });

/** A GraphQL Date value, and nothing else, kept as the YYYY-MM-DD it stands for. */
export const dateScalarRule = z.date({ message: DATE_MESSAGE }).transform(isoDay);

/** A GraphQL Date value or a YYYY-MM-DD string, kept as YYYY-MM-DD. */
export const dateOrIsoRule = z.union([isoDateRule, z.date().transform(isoDay)], { message: DATE_MESSAGE });
