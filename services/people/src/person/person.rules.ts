import { z } from 'zod';
import {
  dateOrIsoRule,
  Gender,
  PersonRole,
  regionCodeRule,
  textRule,
  uuidRule,
  validateIdNumber,
} from '@county/domain';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { idNumberRule, phoneRule } from '../field-rules';

/** The ID number encodes birth date and gender; a record where they disagree is refused. */
const personFields = {
  name: textRule(50),
  gender: z.enum(Gender),
  birthDate: dateOrIsoRule,
  roles: z.array(z.enum(PersonRole)).min(1, { message: 'give at least one role' }),
  organizationId: uuidRule,
  position: textRule(100),
  phone: phoneRule,
  idNumber: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(idNumberRule),
};

export const personRule = z.object(personFields).superRefine((person, ctx) => {
  const id = validateIdNumber(person.idNumber);
  if (!id.ok) return;
  if (id.birthDate !== person.birthDate) {
    ctx.addIssue({
      ...ruleIssue('matches-id-number', `must be ${id.birthDate}, as in the ID number`),
      path: ['birthDate'],
    });
  }
  if (id.gender !== person.gender) {
    ctx.addIssue({
      ...ruleIssue('matches-id-number', `must be ${id.gender}, as in the ID number`),
      path: ['gender'],
    });
  }
});

/**
 * A person needs every field, so a null clears nothing: it is refused as `required`. How the fields agree
 * with the ID number is checked on the person as it would be (`personRule`).
 */
export const personChangesRule = updateRule(z.object(personFields).partial()).refine(
  hasSomeValue,
  SOME_VALUE_MESSAGE,
);

export const peopleArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  organizationId: uuidRule.nullish(),
  name: z.string().max(50).nullish(),
});
