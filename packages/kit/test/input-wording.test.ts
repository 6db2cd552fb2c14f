import { z } from 'zod';
import type { GraphQLError } from 'graphql';
import { issueMessage, parseInput } from '@county/kit';

/** zod's own wording never reaches a user: every issue a rule does not word itself is worded by the kit. */
const refusal = (rule: z.ZodType, value: unknown): GraphQLError => {
  try {
    parseInput(rule, value, 'input');
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a refusal');
};
const ZOD_WORDING = /Invalid|expected .+, received|Too (small|big)|>=|<=/;

describe('parseInput words zod issues as the kit does, naming field and rule', () => {
  const rule = z.object({
    name: z.string().max(5),
    count: z.number().int().min(1),
    level: z.enum(['NATIONAL', 'PROVINCIAL']),
    on: z.iso.date(),
    id: z.uuid(),
    tags: z.array(z.string()).max(2),
    own: z.string().min(3, { message: 'needs three characters' }),
  });
  const error = refusal(rule, {
    count: 'three',
    level: 'COUNTY',
    on: '2019-02-30',
    id: 'x',
    tags: ['a', 'b', 'c'],
    own: 'ab',
  });
  const issues = error.extensions.issues as { field: string; rule: string; message: string }[];
  const issue = (field: string) => issues.find((i) => i.field === `input.${field}`);

  it('tells a missing value from one of the wrong type', () => {
    expect(issue('name')).toEqual({ field: 'input.name', rule: 'required', message: 'is required' });
    expect(issue('count')).toEqual({ field: 'input.count', rule: 'type', message: 'must be a number' });
    expect(error.message).toBe('input.name: is required');
  });

  it('says the bound, the allowed values and the format in its own words', () => {
    expect(issue('level')).toMatchObject({ rule: 'enum', message: 'must be one of NATIONAL, PROVINCIAL' });
    expect(issue('on')).toMatchObject({
      rule: 'format',
      message: 'must be a calendar date as YYYY-MM-DD (ISO 8601)',
    });
    expect(issue('id')).toMatchObject({ rule: 'format', message: 'must be a UUID' });
    expect(issue('tags')).toMatchObject({ rule: 'max', message: 'must be at most 2 items' });
    expect(refusal(z.object({ name: z.string().max(5) }), { name: 'abcdefg' }).message).toBe(
      'input.name: must be at most 5 characters',
    );
  });

  it('keeps a rule’s own message', () => {
    expect(issue('own')).toMatchObject({ rule: 'min', message: 'needs three characters' });
  });

  it('lets no zod wording through, on any issue', () => {
    for (const { message } of issues) expect(message).not.toMatch(ZOD_WORDING);
  });

  it('words zod issues the same outside parseInput (a spreadsheet import, a configuration check)', () => {
    const result = z.number().int().max(100).safeParse(101);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('must be at most 100');
    expect(issueMessage({ code: 'invalid_type', expected: 'string', input: undefined } as never)).toBe(
      'is required',
    );
  });
});
