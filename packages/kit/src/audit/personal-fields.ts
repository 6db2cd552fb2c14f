import type { Identity } from '../identity';
import { sharedRules } from '../permissions';

/** How one personal field is shown to whoever may not read it in full, e.g. `maskPhone`. */
export type PersonalFieldMask<V> = (value: V) => unknown;

/**
 * For fields answers hide altogether (null unless hr): the trail says that the value was there and changed,
 * never what it was.
 */
export const withheld = (): string => '***';

type Masks<T> = { [K in keyof T & string]?: PersonalFieldMask<NonNullable<T[K]>> };

/** Entity name (as the trail records it) → its personal fields and their masks. */
const personalFields = new Map<string, Record<string, PersonalFieldMask<never>>>();

/**
 * Declares which fields of `entity` are personal data, with the same masks its answers use: the audit
 * trail keeps them masked for everyone who may not read personal data (`sharedRules.seesPersonalData`),
 * in `<subgraph>AuditTrail` and in `npm run audit:verify`. Called once, next to the entity.
 */
export function declarePersonalFields<T>(
  entity: abstract new (...args: never[]) => T,
  masks: Masks<T>,
): void {
  personalFields.set(entity.name, masks as Record<string, PersonalFieldMask<never>>);
}

/** Whether `identity` may read an audit record's personal fields in full. */
export const seesPersonalDataInTrail = (identity: Identity): boolean =>
  !identity.isAnonymous && sharedRules.seesPersonalData.allows(identity, undefined as never);

/** `values` (an audit record's `before` or `after`) with `entity`'s personal fields masked. */
export function maskPersonalFields(
  entity: string,
  values: Record<string, unknown> | null,
): Record<string, unknown> | null {
  const masks = personalFields.get(entity);
  if (!masks || !values) return values;
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => {
      const mask = masks[field] as PersonalFieldMask<never> | undefined;
      return [field, mask && value !== null && value !== undefined ? mask(value as never) : value];
    }),
  );
}

/** A copy of `record` fit for a reader who may not see personal data. */
export function maskAuditRecord<
  R extends { entity: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null },
>(record: R): R {
  return {
    ...record,
    before: maskPersonalFields(record.entity, record.before),
    after: maskPersonalFields(record.entity, record.after),
  };
}
