import { parse, v5 } from 'uuid';

/**
 * Ids are UUID v5 of a natural key under this fixed namespace, so any seeder can compute the id of a demo
 * organisation or person from its key alone. Never change it: every subgraph's demo data refers to these ids.
 */
export const DEMO_NAMESPACE = 'ff033cb5-5bdb-46bf-a82a-809e8b96ad3c';
/** Parsed once: uuid would otherwise parse the namespace string on every call. */
const NAMESPACE_BYTES = parse(DEMO_NAMESPACE);

/**
 * The natural key of an organisation: `org:<regionCode>:<shortKey>`, e.g. `org:990722:dept:finance`,
 * `org:990722001:government`, `org:990722001201:committee`. See the package README for the short keys.
 */
export function organizationNaturalKey(regionCode: string, shortKey: string): string {
  return `org:${regionCode}:${shortKey}`;
}

/** The natural key of the `index`-th person (0 = the head) of an organisation: `person:<org key>:<index>`. */
export function personNaturalKey(organizationKey: string, index: number): string {
  return `person:${organizationKey}:${index}`;
}

/** The id of the organisation with this natural key. */
export function demoOrganizationId(naturalKey: string): string {
  return v5(naturalKey, NAMESPACE_BYTES);
}

/** The id of the person with this natural key. */
export function demoPersonId(naturalKey: string): string {
  return v5(naturalKey, NAMESPACE_BYTES);
}
