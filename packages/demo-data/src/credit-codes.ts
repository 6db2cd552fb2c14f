import { creditCodeCheckChar } from '@county/domain';
import { hashString } from './random';

/**
 * Registration authority 1 (机构编制) followed by the kind of organisation: 1 机关 (organs of Party, congress
 * and government), 2 事业单位 (public institutions, service centres), 9 其他 (mediation committees).
 */
export type CreditKind = '11' | '12' | '19';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-digit organisation code body. */
function organizationCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (body.charCodeAt(i) - 48) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A valid GB 32100 credit code: kind, the county code, a 9-character organisation code derived from the
 * organisation's natural key (8 digits and their GB 11714 check character), and the check character.
 * Unique among `taken`, to which it is added; since the county code is part of it, codes only ever compete
 * within a county, so one county's codes do not depend on how many other counties are generated.
 */
export function demoCreditCode(
  kind: CreditKind,
  countyCode: string,
  naturalKey: string,
  taken: Set<string>,
): string {
  for (let salt = 0; ; salt++) {
    const body = String(hashString(salt === 0 ? naturalKey : `${naturalKey}#${salt}`) % 100_000_000).padStart(
      8,
      '0',
    );
    const first17 = `${kind}${countyCode}${body}${organizationCodeCheck(body)}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
