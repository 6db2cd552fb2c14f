import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { Identity, pageSize, parseInput, ruleIssue } from '@county/kit';

const catchError = (work: () => unknown): GraphQLError => {
  try {
    work();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
};

describe('parseInput', () => {
  const rule = z.object({
    name: z.string().min(1),
    code: z.string().superRefine((v, ctx) => {
      if (v !== 'ok') ctx.addIssue(ruleIssue('check-character', 'is wrong'));
    }),
  });

  it('returns the parsed value when valid', () => {
    expect(parseInput(rule, { name: 'a', code: 'ok' }, 'input')).toEqual({ name: 'a', code: 'ok' });
  });

  it('names the first wrong field and its rule, and lists every issue', () => {
    const error = catchError(() => parseInput(rule, { code: 'bad' }, 'input'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', rule: 'required' });
    expect(error.extensions.issues).toEqual([
      expect.objectContaining({ field: 'input.name', rule: 'required' }),
      expect.objectContaining({ field: 'input.code', rule: 'check-character', message: 'is wrong' }),
    ]);
    expect(error.message).toMatch(/^input\.name: /);
  });

  it('names top-level arguments bare', () => {
    expect(catchError(() => parseInput(z.object({ regionCode: z.string() }), {}, '')).extensions.field).toBe(
      'regionCode',
    );
  });
});

describe('page size', () => {
  it('defaults, and enforces the hard maximum', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(catchError(() => pageSize(101)).extensions).toMatchObject({ field: 'first', rule: 'max' });
    expect(catchError(() => pageSize(0)).extensions).toMatchObject({ field: 'first', rule: 'min' });
  });
});

describe('identity', () => {
  it('knows which regions its township roles cover', () => {
    const identity = Identity.fromClaims({ sub: 'u1', roles: ['hr', 'township:990722001'] });
    expect(identity.has('hr')).toBe(true);
    expect(identity.coversRegion('990722001003')).toBe(true);
    expect(identity.coversRegion('990722002003')).toBe(false);
  });
});
