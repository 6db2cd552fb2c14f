import { Gender, idNumberCheckChar } from '@county/domain';
import { demoPersonId, personNaturalKey } from './ids';
import { personName } from './names';
import { Random } from './random';
import type { Roster } from './rosters';
import type { DemoPerson } from './types';

/** Numbers drawn so far, kept unique across the whole city. */
export interface StaffingContext {
  seed: string;
  countyCode: string;
  idNumbers: Set<string>;
  phones: Set<string>;
}

const MOBILE_PREFIXES = (
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 ' +
  '166 173 177 180 181 182 183 185 186 187 188 189 191 198 199'
).split(' ');

const DAY_MS = 86_400_000;
const EARLIEST = 1960;
const LATEST = 2000;

function birthDate(random: Random, [from, to]: readonly [number, number]): string {
  const start = Date.UTC(Math.max(from, EARLIEST), 0, 1);
  const end = Date.UTC(Math.min(to, LATEST), 11, 31);
  const day = random.int(0, Math.round((end - start) / DAY_MS));
  return new Date(start + day * DAY_MS).toISOString().slice(0, 10);
}

function drawUnique(taken: Set<string>, draw: () => string): string {
  for (;;) {
    const value = draw();
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

/** A valid GB 11643 number: county code, birth date, a sequence whose parity gives the gender, check character. */
function idNumber(random: Random, ctx: StaffingContext, born: string, gender: Gender): string {
  const date = born.replace(/-/g, '');
  return drawUnique(ctx.idNumbers, () => {
    const sequence = random.int(gender === Gender.MALE ? 0 : 1, 499) * 2 + (gender === Gender.MALE ? 1 : 0);
    const first17 = ctx.countyCode + date + String(sequence).padStart(3, '0');
    return first17 + idNumberCheckChar(first17);
  });
}

/**
 * The people of one organisation, drawn from a random stream of their own (seeded by the organisation's
 * natural key), so no other organisation's data affects them. The first person is the head.
 */
export function staffOrganization(
  organizationKey: string,
  organizationId: string,
  roster: Roster,
  ctx: StaffingContext,
): DemoPerson[] {
  const random = new Random(`${ctx.seed}|staff|${organizationKey}`);
  const people: DemoPerson[] = [];
  for (const slot of roster) {
    const count = typeof slot.count === 'number' ? slot.count : random.int(slot.count[0], slot.count[1]);
    for (let i = 0; i < count; i++) {
      const gender = random.chance(slot.female) ? Gender.FEMALE : Gender.MALE;
      const born = birthDate(random, slot.born);
      people.push({
        id: demoPersonId(personNaturalKey(organizationKey, people.length)),
        name: personName(random, gender),
        gender,
        birthDate: born,
        roles: [...slot.roles],
        organizationId,
        position: slot.positions[Math.min(i, slot.positions.length - 1)],
        phone: drawUnique(ctx.phones, () => random.pick(MOBILE_PREFIXES) + random.digits(8)),
        idNumber: idNumber(random, ctx, born, gender),
      });
    }
  }
  return people;
}
