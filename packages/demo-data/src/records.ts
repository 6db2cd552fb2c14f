import { parse, v5 } from 'uuid';
import { DEMO_NAMESPACE } from './ids';

const NAMESPACE_BYTES = parse(DEMO_NAMESPACE);

/**
 * The id of a demo record other than an organisation or person (a training course, an assessment …): UUID v5
 * of its natural key under the same namespace, e.g. `course:990722:village-secretaries`. Keys of records are
 * prefixed by their kind, so they never collide with `org:` and `person:` keys.
 */
export function demoRecordId(naturalKey: string): string {
  return v5(naturalKey, NAMESPACE_BYTES);
}
