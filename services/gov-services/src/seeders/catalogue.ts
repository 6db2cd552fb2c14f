import { demoOrganizationId, organizationNaturalKey } from '@county/demo-data';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';
import { MovedDown } from '../item/moved-down';
import { seededRandom } from './random';

/** Base items: department key, kind, name, statutory limit (working days; 0 = on the spot). */
const BASE: [string, ItemKind, string, number][] = [
  ['market-regulation', ItemKind.ADMINISTRATIVE_PERMIT, '食品经营许可', 20],
  ['market-regulation', ItemKind.ADMINISTRATIVE_PERMIT, '企业设立登记', 15],
  ['market-regulation', ItemKind.ADMINISTRATIVE_PERMIT, '个体工商户登记', 15],
  ['market-regulation', ItemKind.ADMINISTRATIVE_PERMIT, '药品零售企业许可', 30],
  ['market-regulation', ItemKind.ADMINISTRATIVE_PERMIT, '特种设备使用登记', 15],
  ['natural-resources', ItemKind.ADMINISTRATIVE_CONFIRMATION, '不动产登记', 30],
  ['natural-resources', ItemKind.ADMINISTRATIVE_PERMIT, '建设用地规划许可', 20],
  ['natural-resources', ItemKind.ADMINISTRATIVE_PERMIT, '乡村建设规划许可', 20],
  ['housing', ItemKind.ADMINISTRATIVE_PERMIT, '建筑工程施工许可', 60],
  ['housing', ItemKind.ADMINISTRATIVE_PERMIT, '商品房预售许可', 20],
  ['housing', ItemKind.PUBLIC_SERVICE, '住房公积金提取', 5],
  ['human-resources', ItemKind.PUBLIC_SERVICE, '社会保障卡申领', 10],
  ['human-resources', ItemKind.ADMINISTRATIVE_PAYMENT, '失业保险金申领', 20],
  ['human-resources', ItemKind.PUBLIC_SERVICE, '城乡居民养老保险参保登记', 5],
  ['human-resources', ItemKind.ADMINISTRATIVE_CONFIRMATION, '工伤认定', 60],
  ['medical-security', ItemKind.PUBLIC_SERVICE, '医保关系转移接续', 15],
  ['medical-security', ItemKind.ADMINISTRATIVE_PAYMENT, '医疗费用报销', 20],
  ['civil-affairs', ItemKind.ADMINISTRATIVE_PAYMENT, '最低生活保障审批', 30],
  ['civil-affairs', ItemKind.ADMINISTRATIVE_CONFIRMATION, '婚姻登记', 0],
  ['civil-affairs', ItemKind.ADMINISTRATIVE_PAYMENT, '残疾人两项补贴', 20],
  ['public-security', ItemKind.PUBLIC_SERVICE, '居民身份证办理', 20],
  ['public-security', ItemKind.ADMINISTRATIVE_CONFIRMATION, '户口迁移', 10],
  ['transport', ItemKind.ADMINISTRATIVE_PERMIT, '道路货物运输经营许可', 20],
  ['transport', ItemKind.ADMINISTRATIVE_PERMIT, '出租汽车经营许可', 20],
  ['health', ItemKind.ADMINISTRATIVE_PERMIT, '公共场所卫生许可', 20],
  ['health', ItemKind.ADMINISTRATIVE_PERMIT, '医疗机构执业登记', 45],
  ['health', ItemKind.PUBLIC_SERVICE, '出生医学证明', 0],
  ['education', ItemKind.ADMINISTRATIVE_PERMIT, '民办学校办学许可', 60],
  ['education', ItemKind.ADMINISTRATIVE_CONFIRMATION, '教师资格认定', 30],
  ['culture-tourism', ItemKind.ADMINISTRATIVE_PERMIT, '娱乐场所经营许可', 20],
  ['culture-tourism', ItemKind.ADMINISTRATIVE_PERMIT, '旅行社设立许可', 20],
  ['agriculture', ItemKind.ADMINISTRATIVE_PERMIT, '农药经营许可', 20],
  ['agriculture', ItemKind.ADMINISTRATIVE_PERMIT, '动物防疫条件合格证核发', 20],
  ['water', ItemKind.ADMINISTRATIVE_PERMIT, '取水许可', 45],
  ['water', ItemKind.ADMINISTRATIVE_PERMIT, '河道管理范围内建设项目审批', 20],
  ['emergency', ItemKind.ADMINISTRATIVE_PERMIT, '危险化学品经营许可', 30],
  ['commerce', ItemKind.PUBLIC_SERVICE, '对外贸易经营者备案', 5],
  ['development-reform', ItemKind.ADMINISTRATIVE_PERMIT, '企业投资项目核准', 20],
  ['development-reform', ItemKind.PUBLIC_SERVICE, '企业投资项目备案', 3],
  ['urban-management', ItemKind.ADMINISTRATIVE_PERMIT, '城市道路占用挖掘许可', 20],
  ['urban-management', ItemKind.ADMINISTRATIVE_PERMIT, '户外广告设置许可', 20],
  ['veterans', ItemKind.ADMINISTRATIVE_PAYMENT, '优抚对象抚恤补助', 20],
  ['finance', ItemKind.PUBLIC_SERVICE, '会计代理记账许可', 10],
  ['justice', ItemKind.PUBLIC_SERVICE, '法律援助申请', 7],
  ['statistics', ItemKind.OTHER_POWER, '统计调查项目审批', 20],
  ['industry-it', ItemKind.PUBLIC_SERVICE, '技术改造项目备案', 5],
  ['science-technology', ItemKind.PUBLIC_SERVICE, '科技型中小企业评价', 20],
  ['civil-air-defence', ItemKind.ADMINISTRATIVE_PERMIT, '人防工程建设审批', 20],
];
const VARIANTS = [
  '',
  '（新办）',
  '（变更）',
  '（延续）',
  '（注销）',
  '（补证）',
  '（迁移）',
  '（备案）',
  '（年检）',
  '（核查）',
];
const VARIANT_NAMES = [...VARIANTS, ...VARIANTS.slice(1).map((v) => v.replace('）', '·个人）'))];

/** 东海县: 860 no-visit items and 5 one-visit items; 115 high-frequency, all online; 97%+ online-capable. */
export const DEMO_ITEM_COUNT = 865;
const ONE_VISIT_ITEMS = 5;
const HIGH_FREQUENCY = 115;
const NOT_ONLINE = 20; // 845 of 865 = 97.7 %
const TOWNSHIP_ITEMS = 128; // 平原县: 128 items doable in township or village
const VILLAGE_ITEMS = 40;
const CROSS_REGION = 41; // 41 services with a neighbouring county

/**
 * Report 001's two named approvals the base list lacks, in place of two township-level variants of the same
 * department, kind and limits (建设用地/乡村建设规划许可（新办）): no other item, case or figure moves.
 */
const NAMED_AT: Record<number, string> = { 54: '林木采伐许可', 55: '农村宅基地审批' };

/**
 * Report 001's ways down (下沉方式) of the 128: 36 high-frequency approvals stationed in the township centres
 * (农村宅基地审批, 个体工商户登记, 林木采伐许可 …), 80 public services moved down (城乡低保申请, 困难残疾人生活补贴,
 * 医疗报销 …: here 最低生活保障审批, 残疾人两项补贴, 医疗费用报销), the rest by other means.
 */
const STATIONED_APPROVALS = 36;
const PUBLIC_SERVICES = 80;
const NAMED_STATIONED = ['农村宅基地审批', '个体工商户登记', '林木采伐许可'];
const NAMED_PUBLIC_SERVICES = ['最低生活保障审批', '残疾人两项补贴', '医疗费用报销'];
const MOVED_DOWN_ON = '2017-12-28';
const DOCUMENT: Record<MovedDown, string> = {
  STATIONED: '县政办发〔2017〕118号 高频行政审批事项进驻乡镇便民服务中心清单',
  DELEGATED: '县政办发〔2017〕119号 公共服务事项下放乡镇清单',
  OTHER: '县政发〔2017〕96号 乡镇便民服务中心事项目录',
};

/** The "2440" targets: business start-up 2 working days, real-estate registration 4, construction permit 40. */
const TARGETS: Record<string, number> = { 企业设立登记: 2, 不动产登记: 4, 建筑工程施工许可: 40 };

export type DemoItem = {
  id: string;
  region_code: string;
  code: string;
  name: string;
  kind: ItemKind;
  responsible_organization_id: string;
  levels: ServiceLevel[];
  statutory_limit: number;
  committed_limit: number;
  processing: ProcessingKind;
  visit_requirement: VisitRequirement;
  max_visits: number;
  online_capable: boolean;
  high_frequency: boolean;
  delegated: boolean;
  cross_region_partners: string[];
  target_days: number | null;
  moved_down: MovedDown | null;
  moved_down_document: string | null;
  moved_down_on: string | null;
};

export const demoId = (key: string): string => demoOrganizationId(key);

/**
 * A county's catalogue, deterministic. Item i: the first 115 are high-frequency (and delegated to
 * townships when among the first 128), the last 5 are one-visit, the 20 before them not online-capable.
 */
export function demoCatalogue(county: string): DemoItem[] {
  const random = seededRandom(`gov-services|items|${county}`);
  const partner = String(Number(county) + 1);
  const items = Array.from({ length: DEMO_ITEM_COUNT }, (_, i): DemoItem => {
    const [dept, kind, baseName, statutory] = BASE[i % BASE.length];
    const variant = VARIANT_NAMES[Math.floor(i / BASE.length) % VARIANT_NAMES.length];
    const name = NAMED_AT[i] ?? baseName + variant;
    const target = variant === '' ? (TARGETS[baseName] ?? null) : null;
    const oneVisit = i >= DEMO_ITEM_COUNT - ONE_VISIT_ITEMS;
    const online = i < DEMO_ITEM_COUNT - ONE_VISIT_ITEMS - NOT_ONLINE;
    const committed = statutory === 0 ? 0 : Math.max(1, Math.round(statutory * (0.3 + random() * 0.4)));
    const levels = [ServiceLevel.COUNTY];
    if (i < TOWNSHIP_ITEMS) levels.push(ServiceLevel.TOWNSHIP);
    if (i < VILLAGE_ITEMS) levels.push(ServiceLevel.VILLAGE);
    return {
      id: demoId(`item:${county}:${i}`),
      region_code: county,
      code: `${county}-${kind.slice(0, 3)}-${String(i + 1).padStart(4, '0')}`.toUpperCase(),
      name,
      kind,
      responsible_organization_id: demoOrganizationId(organizationNaturalKey(county, `dept:${dept}`)),
      levels,
      statutory_limit: statutory,
      committed_limit: target !== null ? Math.min(statutory, target) : committed,
      processing: statutory === 0 ? ProcessingKind.ON_THE_SPOT : ProcessingKind.PROMISED,
      visit_requirement: oneVisit
        ? VisitRequirement.ONE_VISIT
        : online && i % 3 !== 2
          ? VisitRequirement.FULLY_ONLINE
          : VisitRequirement.NO_VISIT,
      max_visits: oneVisit ? 1 : 0,
      online_capable: online,
      high_frequency: i < HIGH_FREQUENCY,
      delegated: i < TOWNSHIP_ITEMS,
      cross_region_partners: i >= HIGH_FREQUENCY && i < HIGH_FREQUENCY + CROSS_REGION ? [partner] : [],
      target_days: target,
      moved_down: null,
      moved_down_document: null,
      moved_down_on: null,
    };
  });
  return withWaysDown(items);
}

/**
 * Each township-level item's way down: the named ones first, then in catalogue order — high-frequency permits
 * stationed, other kinds (给付, 确认, 公共服务 …) before permits among the 80 moved down, the rest other.
 * Only these three columns: kinds, names and limits stay as they were. The demo's township items cycle a
 * base list and hold only 61 that are not permits, so 19 of the 80 moved down are permits; re-kinding them
 * would rename their codes and powers, and drawing other items would move every published case figure.
 */
function withWaysDown(items: DemoItem[]): DemoItem[] {
  const left = new Set(items.filter((item) => item.levels.includes(ServiceLevel.TOWNSHIP)));
  const take = (way: MovedDown, count: number, named: string[], order: (pool: DemoItem[]) => DemoItem[]) => {
    const pool = [...left];
    const first = named.map((name) => pool.find((item) => item.name === name)!);
    for (const item of [...first, ...order(pool.filter((item) => !first.includes(item)))].slice(0, count)) {
      Object.assign(item, {
        moved_down: way,
        moved_down_document: DOCUMENT[way],
        moved_down_on: MOVED_DOWN_ON,
      });
      left.delete(item);
    }
  };
  const isPermit = (item: DemoItem) => item.kind === ItemKind.ADMINISTRATIVE_PERMIT;
  take(MovedDown.STATIONED, STATIONED_APPROVALS, NAMED_STATIONED, (pool) =>
    pool.filter((item) => item.high_frequency && isPermit(item)),
  );
  take(MovedDown.DELEGATED, PUBLIC_SERVICES, NAMED_PUBLIC_SERVICES, (pool) => [
    ...pool.filter((item) => !isPermit(item)),
    ...pool.filter(isPermit),
  ]);
  take(MovedDown.OTHER, left.size, [], (pool) => pool);
  return items;
}
