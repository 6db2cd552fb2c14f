import { z } from 'zod';
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

/** The kit's name of the rule a zod issue broke (`max`, `format`, a custom issue's own rule). */
export function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom')
    return String((issue.params as { rule?: string } | undefined)?.rule ?? 'custom');
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : 'type';
  return RULES[issue.code] ?? issue.code;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const FORMATS: Record<string, string> = {
  date: 'a calendar date as YYYY-MM-DD (ISO 8601)',
  datetime: 'a date and time in ISO 8601 with its offset, e.g. 2019-10-01T09:00:00+08:00',
  time: 'a time as hh:mm:ss',
  uuid: 'a UUID',
  guid: 'a UUID',
  email: 'an e-mail address',
  url: 'a URL',
};

const unitOf = (origin: unknown): string =>
  origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';

/**
 * The kit's wording of a zod issue whose rule words nothing itself: the field and the rule, never zod's own
 * text ("Invalid input: expected string, received undefined"). A rule's own message always wins.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      const bound = issue.inclusive === false ? 'more than' : 'at least';
      return `must be ${bound} ${String(issue.minimum)}${unitOf(issue.origin)}`;
    }
    case 'too_big': {
      const bound = issue.inclusive === false ? 'less than' : 'at most';
      return `must be ${bound} ${String(issue.maximum)}${unitOf(issue.origin)}`;
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return `must start with ${JSON.stringify(issue.prefix)}`;
      if (issue.format === 'ends_with') return `must end with ${JSON.stringify(issue.suffix)}`;
      if (issue.format === 'includes') return `must contain ${JSON.stringify(issue.includes)}`;
      return FORMATS[issue.format] ? `must be ${FORMATS[issue.format]}` : 'does not have the expected format';
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has fields this input does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'matches none of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not accepted';
    case 'invalid_element':
      return 'has a value that is not accepted';
    default:
      return 'is not valid';
  }
}

// in every process that loads the kit: resolvers, spreadsheet imports, configuration
z.config({ customError: issueMessage });

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
  // the input kept on each issue tells a missing value (`required`) from a wrong one (`type`)
  const result = schema.safeParse(value, { reportInput: true });
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

/**
 * The fields an update input sets: an omitted field (undefined) stays as it is, an explicit `null` clears it.
 * Merge the result over the record (`{ ...record, ...presentFields(changes) }`) to see the record as it would be.
 */
export const presentFields = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * The fields of a change set that carry a value, for a writer whose empty value means "unchanged" (a
 * spreadsheet's blank optional cell on a kept row), so that it clears nothing.
 */
export const givenValues = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
  ) as Partial<T>;

/** For update inputs: at least one field must be given; a `null` (a clear) is a change. */
export const hasSomeValue = (input: object): boolean => Object.keys(presentFields(input)).length > 0;
export const SOME_VALUE_MESSAGE = { message: 'give at least one field to change' };

/**
 * An update input's rule: a `null` clears a field whose own rule accepts null (optional on the record, so
 * `.nullish()`) and is refused as `required` for any other field, before any other rule runs.
 */
export const updateRule = <S extends z.ZodObject>(object: S) =>
  z.preprocess((input, ctx) => {
    if (input && typeof input === 'object')
      for (const [field, value] of Object.entries(input))
        if (value === null && object.shape[field] && !object.shape[field].safeParse(null).success)
          ctx.issues.push({
            ...ruleIssue('required', `cannot be cleared: ${field} is required`),
            path: [field],
            input: value,
          });
    return input;
  }, object);
