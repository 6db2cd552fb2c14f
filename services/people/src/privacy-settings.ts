import { z } from 'zod';
import { parseConfig } from '@county/kit';

const count = (max: number) =>
  z.coerce
    .number({ message: `must be a whole number, 1–${max}` })
    .int({ message: `must be a whole number, 1–${max}` })
    .min(1, { message: `must be a whole number, 1–${max}` })
    .max(max, { message: `must be a whole number, 1–${max}` });

/**
 * What the directory keeps from callers who may not see personal data, read from the environment once
 * (a bad value stops the service naming the variable):
 * - `STATS_MIN_GROUP_SIZE`: a statistic of hr-only facts (assessment grades) counted over fewer people
 *   than this is withheld from them, since a handful of counts in one village names each cadre's grade;
 * - `ID_NUMBER_REFUSALS_PER_HOUR`: how many writes one caller may have refused because the ID number is
 *   already in the directory before further ID numbers from them are not even looked up;
 * - `ID_NUMBER_CHECKS_PER_DAY`: how many ID numbers one caller may have checked at all, since a write that
 *   succeeds also says the number was free, and a search for one person's number stops at its first refusal.
 */
const privacyConfigSchema = z.object({
  STATS_MIN_GROUP_SIZE: count(1000).default(5),
  ID_NUMBER_REFUSALS_PER_HOUR: count(10_000).default(5),
  ID_NUMBER_CHECKS_PER_DAY: count(1_000_000).default(200),
});
export type PrivacySettings = z.infer<typeof privacyConfigSchema>;

let settings: PrivacySettings | undefined;
export function privacySettings(): PrivacySettings {
  settings ??= parseConfig(privacyConfigSchema);
  return settings;
}
