import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { givenValues, hasSomeValue, parseInput, presentFields, updateRule } from '@county/kit';

/** GraphQL tells an omitted field (unchanged) from an explicit null (cleared): so do update inputs. */
describe('presentFields / hasSomeValue', () => {
  it('keeps an explicit null (a clear) and drops only omitted fields', () => {
    expect(presentFields({ note: null, name: undefined, days: 0 })).toEqual({ note: null, days: 0 });
  });

  it('counts a null as a change, an input of omitted fields as none', () => {
    expect(hasSomeValue({ note: null })).toBe(true);
    expect(hasSomeValue({ note: undefined })).toBe(false);
  });

  it('givenValues drops nulls too, for writers whose blank means unchanged', () => {
    expect(givenValues({ note: null, name: 'a', days: undefined })).toEqual({ name: 'a' });
  });
});

describe('updateRule', () => {
  const rule = updateRule(z.object({ name: z.string().min(1).optional(), note: z.string().nullish() }));
  const refusal = (value: unknown): GraphQLError => {
    try {
      parseInput(rule, value, 'input');
    } catch (error) {
      return error as GraphQLError;
    }
    throw new Error('expected a refusal');
  };

  it('lets null clear a field whose rule accepts null', () => {
    expect(parseInput(rule, { note: null }, 'input')).toEqual({ note: null });
  });

  it('refuses null for a field the record requires, naming it and the rule `required`', () => {
    const error = refusal({ name: null, note: 'x' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', rule: 'required' });
    expect(error.message).toMatch(/cannot be cleared: name is required/);
  });
});
