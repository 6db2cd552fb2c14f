import type { DemoCity } from '@county/demo-data';
import { demoOrganizationId, organizationNaturalKey } from '@county/demo-data';
import { ItemKind } from '../vocabulary';
import { PowerCategory, PowerRecipientKind, recipientKindOf } from '../power/power-vocabulary';
import { demoCatalogue, demoId } from './catalogue';
import { seededRandom } from './random';

/**
 * The demo county's 权责清单 and its delegations (赋权), after report 004 (江阴: 861 economic and social
 * management powers given to every town and subdistrict) and report 001 (one town took up 125 county
 * enforcement powers in 5 categories).
 */
export const TOWNSHIP_POWERS = 861;
export const ONE_TOWN_ENFORCEMENT_POWERS = 125;
/** Delegated with the 861 on the first day and withdrawn the same year (收回: "接不住"). */
export const WITHDRAWN_POWERS = 9;
export const DELEGATED_FROM = '2019-01-01';
export const WITHDRAWN_ON = '2019-10-01';
export const ENFORCEMENT_FROM = '2019-07-01';
/** Report 004: the development zone (开发区) took up 187 economic management powers. */
export const DEVELOPMENT_ZONE_POWERS = 187;
export const ZONE_FROM = '2019-04-01';
/** The departments whose powers are economic management (经济管理权限), the development zone's share. */
const ECONOMIC_DEPARTMENTS = [
  'development-reform',
  'industry-it',
  'natural-resources',
  'housing',
  'commerce',
  'market-regulation',
  'transport',
  'water',
  'emergency',
];

const CATEGORY_OF: Record<ItemKind, PowerCategory | null> = {
  [ItemKind.ADMINISTRATIVE_PERMIT]: PowerCategory.LICENSING,
  [ItemKind.ADMINISTRATIVE_CONFIRMATION]: PowerCategory.CONFIRMATION,
  [ItemKind.ADMINISTRATIVE_PAYMENT]: PowerCategory.PAYMENT,
  [ItemKind.ADMINISTRATIVE_RULING]: PowerCategory.RULING,
  [ItemKind.OTHER_POWER]: PowerCategory.OTHER,
  [ItemKind.PUBLIC_SERVICE]: null,
};

/** Enforcement and other powers no service item implements: department, law, counts by category. */
const ENFORCEMENT: [string, string, Partial<Record<PowerCategory, number>>][] = [
  ['market-regulation', '食品安全法', { PENALTY: 200, COERCION: 30, INSPECTION: 40 }],
  ['natural-resources', '土地管理法', { PENALTY: 120, COERCION: 15, INSPECTION: 20, LEVY: 10 }],
  ['housing', '建筑法', { PENALTY: 110, COERCION: 10, INSPECTION: 25 }],
  ['urban-management', '城乡规划法', { PENALTY: 150, COERCION: 20, INSPECTION: 20 }],
  ['agriculture', '农产品质量安全法', { PENALTY: 110, COERCION: 15, INSPECTION: 20 }],
  ['emergency', '安全生产法', { PENALTY: 80, COERCION: 10, INSPECTION: 25 }],
  ['transport', '公路法', { PENALTY: 90, COERCION: 10, INSPECTION: 10 }],
  ['water', '水法', { PENALTY: 50, COERCION: 5, INSPECTION: 10, LEVY: 5 }],
  ['health', '基本医疗卫生与健康促进法', { PENALTY: 60, INSPECTION: 15 }],
  ['culture-tourism', '旅游法', { PENALTY: 40, INSPECTION: 10 }],
  ['civil-affairs', '慈善法', { REWARD: 5 }],
  ['education', '教师法', { REWARD: 6 }],
  ['science-technology', '科学技术进步法', { REWARD: 5 }],
];
const ACT: Partial<Record<PowerCategory, string>> = {
  PENALTY: '的行政处罚',
  COERCION: '的行政强制措施',
  INSPECTION: '的监督检查',
  LEVY: '的费用征收',
  REWARD: '的表彰奖励',
};
/** Report 001's one town: its 125 powers in 5 categories. */
const ONE_TOWN: Partial<Record<PowerCategory, number>> = {
  PENALTY: 80,
  COERCION: 20,
  INSPECTION: 15,
  LEVY: 5,
  REWARD: 5,
};

export type DemoPower = {
  id: string;
  region_code: string;
  organization_id: string;
  category: PowerCategory;
  code: string;
  name: string;
  legal_basis: string;
};

export type DemoDelegation = {
  id: string;
  power_id: string;
  region_code: string;
  delegated_from: string;
  document: string;
  staff_trained: number;
  taken_up_on: string | null;
  withdrawn_on: string | null;
  withdrawal_document: string | null;
};

const dept = (county: string, key: string) =>
  demoOrganizationId(organizationNaturalKey(county, `dept:${key}`));

/** The county's powers (one per item that is a power, then the enforcement powers) and item → power links. */
export function demoPowers(county: string): { powers: DemoPower[]; itemPower: Map<string, string> } {
  const powers: DemoPower[] = [];
  const itemPower = new Map<string, string>();
  const add = (category: PowerCategory, organizationId: string, name: string, legalBasis: string) => {
    const code = `${county}-${category.slice(0, 3)}-${String(powers.length + 1).padStart(5, '0')}`;
    const power = {
      id: demoId(`power:${county}:${code}`),
      region_code: county,
      organization_id: organizationId,
    };
    powers.push({ ...power, category, code, name, legal_basis: legalBasis });
    return power.id;
  };
  for (const item of demoCatalogue(county)) {
    const category = CATEGORY_OF[item.kind];
    if (!category) continue;
    const id = add(
      category,
      item.responsible_organization_id,
      item.name,
      '《中华人民共和国行政许可法》及部门规章',
    );
    itemPower.set(item.id, id);
  }
  for (const [key, law, counts] of ENFORCEMENT)
    for (const [category, count] of Object.entries(counts) as [PowerCategory, number][])
      for (let n = 1; n <= count; n++)
        add(
          category,
          dept(county, key),
          `对违反《${law}》第${n}类情形${ACT[category]}`,
          `《中华人民共和国${law}》第${n + 10}条`,
        );
  return { powers, itemPower };
}

/**
 * Every township gets the 861 (and the 9 withdrawn later): first the powers its centre's items implement,
 * then enforcement powers; the first town (镇, …100) also the 125 of its own. Each development zone the
 * directory holds (a township-level unit coded …400–599) gets 187 powers of the economic departments.
 * Most recipients have taken each up within two months, 1–3 staff trained.
 */
export function demoDelegations(
  city: DemoCity,
  county: string,
  powers: DemoPower[],
  townshipItemPowers: Set<string>,
): DemoDelegation[] {
  const random = seededRandom(`gov-services|delegations|${county}`);
  const name = city.regions.find((r) => r.code === county)?.name.replace(/[县市区]$/, '') ?? '县';
  const townshipLevel = city.regions.filter((r) => r.level === 'TOWNSHIP' && r.code.startsWith(county));
  const townships = townshipLevel.filter((r) => recipientKindOf(r.code) === PowerRecipientKind.TOWNSHIP);
  const zones = townshipLevel.filter((r) => recipientKindOf(r.code) === PowerRecipientKind.DEVELOPMENT_ZONE);
  const enforcement = powers.filter((p) => !townshipItemPowers.has(p.id) && ACT[p.category] !== undefined);
  const reserved = new Set<string>();
  const oneTown: DemoPower[] = [];
  for (const [category, count] of Object.entries(ONE_TOWN) as [PowerCategory, number][])
    for (const power of enforcement.filter((p) => p.category === category).slice(-count)) {
      oneTown.push(power);
      reserved.add(power.id);
    }
  const list = [
    ...powers.filter((p) => townshipItemPowers.has(p.id)),
    ...enforcement.filter((p) => !reserved.has(p.id)),
  ].slice(0, TOWNSHIP_POWERS + WITHDRAWN_POWERS);
  const withdrawn = new Set(list.slice(-WITHDRAWN_POWERS).map((p) => p.id));
  const uptake = (from: string) => {
    if (random() < 0.1) return { staff_trained: 0, taken_up_on: null };
    const day = new Date(`${from}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7 + Math.floor(random() * 50));
    return { staff_trained: 1 + Math.floor(random() * 3), taken_up_on: day.toISOString().slice(0, 10) };
  };
  const rows: DemoDelegation[] = [];
  for (const township of townships) {
    for (const power of list)
      rows.push({
        id: demoId(`delegation:${township.code}:${power.id}`),
        power_id: power.id,
        region_code: township.code,
        delegated_from: DELEGATED_FROM,
        document: `${name}政发〔2018〕112号`,
        ...uptake(DELEGATED_FROM),
        withdrawn_on: withdrawn.has(power.id) ? WITHDRAWN_ON : null,
        withdrawal_document: withdrawn.has(power.id) ? `${name}政发〔2019〕87号` : null,
      });
  }
  const town = townships.find((t) => t.code.slice(6) === '100');
  if (town)
    for (const power of oneTown)
      rows.push({
        id: demoId(`delegation:${town.code}:${power.id}`),
        power_id: power.id,
        region_code: town.code,
        delegated_from: ENFORCEMENT_FROM,
        document: `${name}委办〔2019〕31号`,
        ...uptake(ENFORCEMENT_FROM),
        withdrawn_on: null,
        withdrawal_document: null,
      });
  const economic = new Set(ECONOMIC_DEPARTMENTS.map((key) => dept(county, key)));
  const zonePowers = powers.filter((p) => economic.has(p.organization_id)).slice(0, DEVELOPMENT_ZONE_POWERS);
  for (const zone of zones)
    for (const power of zonePowers)
      rows.push({
        id: demoId(`delegation:${zone.code}:${power.id}`),
        power_id: power.id,
        region_code: zone.code,
        delegated_from: ZONE_FROM,
        document: `${name}政发〔2019〕23号`,
        ...uptake(ZONE_FROM),
        withdrawn_on: null,
        withdrawal_document: null,
      });
  return rows;
}
