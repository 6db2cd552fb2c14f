import type { z } from 'zod';
import { findUnsafeText } from '@county/domain';
import { badInput, type InputIssue } from './errors';

const RULES: Record<string, string> = {
  too_small: 'min',
  too_big: 'max',
  invalid_format: 'format',
  invalid_value: 'enum',
  unrecognized_keys: 'unknown-field',
  invalid_union: 'format',
  not_multiple_of: 'multiple-of',
};

function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom')
    return String((issue.params as { rule?: string } | undefined)?.rule ?? 'custom');
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : 'type';
  return RULES[issue.code] ?? issue.code;
}

/**
 * Validates a resolver's argument with zod. On failure throws BAD_USER_INPUT naming the first wrong field
 * (as a path under `argument`, or bare when `argument` is '' for top-level arguments) and its rule,
 * listing every other issue too; nothing has been written yet.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argument: string): z.infer<S> {
  // every text of every input, whatever rule its field has (free-form change sets and filters too)
  const unsafe = findUnsafeText(value);
  if (unsafe)
    throw badInput([argument, ...unsafe.path].filter(Boolean).join('.'), unsafe.rule, unsafe.message);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    field: [argument, ...issue.path.map(String)].filter(Boolean).join('.'),
    rule: ruleOf(issue),
    message: issue.message,
  }));
  const [first] = issues;
  throw badInput(first.field, first.rule, first.message, issues);
}

/** A custom zod issue carrying the name of the rule it enforces. */
export const ruleIssue = (rule: string, message: string) => ({
  code: 'custom' as const,
  message,
  params: { rule },
});

/** The fields an update input actually sets (GraphQL gives omitted ones as undefined or null). */
export const presentFields = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
  ) as Partial<T>;

/** For update inputs: at least one field must carry a value. */
export const hasSomeValue = (input: object): boolean => Object.keys(presentFields(input)).length > 0;
export const SOME_VALUE_MESSAGE = { message: 'give at least one field to change' };
