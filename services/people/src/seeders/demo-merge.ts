import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { daysBefore } from '@county/domain';
import { DEMO_COUNTY_CODE, demoRecordId, Random } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { Region } from '../region/region.entity';
import { RegionSuccession } from '../region-change/region-succession.entity';
import { IdleAsset } from '../merge-ledger/idle-asset.entity';
import { RegionLevel } from '../vocabulary';
import { DisposalMethod, FacilityKind, FacilityOutcome, IdleAssetKind } from '../merge-ledger/vocabulary';
import { seedPeopleDemoWithBoundaries } from './boundaries';

/*
 * 两项改革 in the demo county, as report 001 tells it: before the figures of today (21 townships, 346
 * villages) the county had six more 乡 and their villages; on 2019-12-01 each 乡 was merged into a 镇 and
 * its villages into that town's villages. Today's regions, organisations and counts are unchanged: the
 * merged-away regions exist only in the past (validTo 2019-11-30) and as successions. The merges' ledgers
 * follow 001: 30 "五站五所" premises reused (调剂作为便民服务站), 107 office buildings and ancillary houses
 * moved into a county state-owned company as registered capital, a few leased or auctioned, a few still
 * idle; each 乡's school, health centre and care home restructured.
 */

export const DEMO_MERGE = {
  decisionDocument: '澄府函〔2019〕236号',
  decidedOn: '2019-10-28',
  effectiveOn: '2019-12-01',
};
const DISSOLVED = 6;
/** Names for the merged-away 乡, the first six the county's townships do not already use. */
const NAMES = [
  '白鹤',
  '石门',
  '青龙',
  '金竹',
  '檀木',
  '双河',
  '鹿鸣',
  '云台',
  '松林',
  '柏杨',
  '桂花',
  '龙潭',
];
const VILLAGES_PER_TOWNSHIP = [7, 6, 8, 5, 7, 6];
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 五站五所 premises per 乡 (several stations share one building): 42 in all. */
const STATIONS = ['农业服务中心', '文化站', '计生服务站', '畜牧兽医站', '林业站', '水利站', '国土所'];
/** Office buildings and ancillary houses per 乡: 110 in all. */
const BUILDINGS_PER_TOWNSHIP = [18, 18, 19, 18, 18, 19];
const STATE_COMPANY = '澄川县国有资产投资经营有限公司（增加注册资本金）';

type Row = Record<string, unknown>;
interface Asset {
  kind: IdleAssetKind;
  name: string;
}

/** The people demo with its outlines, then the county's merges: what the launchers load. */
export async function seedPeopleDemoWithMerge(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  return (await seedPeopleDemoWithBoundaries(orm, options)) + (await seedDemoMerge(orm));
}

/** Nothing when the county is missing or any merge or ledger is recorded already (a county's own, or ours). */
export async function seedDemoMerge(orm: MikroORM): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(RegionSuccession, {})) > 0 || (await em.count(IdleAsset, {})) > 0) return 0;
  const townships = await em.find(
    Region,
    { parentCode: DEMO_COUNTY_CODE, level: RegionLevel.TOWNSHIP, validTo: null },
    { orderBy: { code: 'asc' } },
  );
  // the last towns (镇, 100–199) absorb the 乡: the first townships stay as they are for other examples
  const towns = townships.filter((t) => /^1\d\d$/.test(t.code.slice(6))).slice(-DISSOLVED);
  if (towns.length < DISSOLVED) return 0;
  const rows = await mergeRows(em, townships, towns);
  await em.transactional(async (tx) => {
    for (const [table, tableRows] of Object.entries(rows)) await bulkInsert(tx, table, tableRows);
  });
  return Object.values(rows).reduce((sum, tableRows) => sum + tableRows.length, 0);
}

async function mergeRows(em: EntityManager, townships: Region[], towns: Region[]) {
  const random = new Random('demo-merge-ledger');
  const lastDay = daysBefore(DEMO_MERGE.effectiveOn, 1);
  const rural = townships.map((t) => Number(t.code.slice(6))).filter((n) => n >= 200);
  let nextCode = Math.max(199, ...rural) + 1;
  const region: Row[] = [];
  const region_succession: Row[] = [];
  const merge_idle_asset: Row[] = [];
  const restructured_facility: Row[] = [];
  const edge = (predecessor: string, successor: string) =>
    region_succession.push({
      predecessor_code: predecessor,
      successor_code: successor,
      ...snake(DEMO_MERGE),
    });
  const assets: { asset: Asset; predecessor: string; successor: string }[] = [];

  const free = NAMES.filter((short) => !townships.some((t) => t.name.startsWith(short)));
  for (const [i, short] of free.slice(0, DISSOLVED).entries()) {
    const town = towns[i];
    const code = `${DEMO_COUNTY_CODE}${String(nextCode++).padStart(3, '0')}`;
    const name = `${short}乡`;
    region.push({
      code,
      name,
      level: RegionLevel.TOWNSHIP,
      parent_code: DEMO_COUNTY_CODE,
      valid_to: lastDay,
    });
    edge(code, town.code);
    const villages = await em.find(
      Region,
      { parentCode: town.code, validTo: null },
      { orderBy: { code: 'asc' } },
    );
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP[i]; v++) {
      const village = `${code}${200 + v}`;
      region.push({
        code: village,
        name: `${short}${ORDINAL[v]}村`,
        level: RegionLevel.VILLAGE,
        parent_code: code,
        valid_to: lastDay,
      });
      // 撤并建制村: each went on as (part of) one of the town's villages
      edge(village, villages[(v * 3 + i) % villages.length].code);
    }
    for (const station of STATIONS)
      assets.push({
        asset: { kind: IdleAssetKind.STATION, name: `原${name}${station}` },
        predecessor: code,
        successor: town.code,
      });
    assets.push({
      asset: { kind: IdleAssetKind.OFFICE_BUILDING, name: `原${name}人民政府办公楼` },
      predecessor: code,
      successor: town.code,
    });
    for (let b = 1; b < BUILDINGS_PER_TOWNSHIP[i]; b++)
      assets.push({
        asset: { kind: IdleAssetKind.ANCILLARY_BUILDING, name: `原${name}机关附属用房${b}号` },
        predecessor: code,
        successor: town.code,
      });
    if (i < 4)
      assets.push({
        asset: { kind: IdleAssetKind.SCHOOL_BUILDING, name: `原${name}中心小学校舍` },
        predecessor: code,
        successor: town.code,
      });
    restructured_facility.push(
      ...facilities(name, town, i).map((f) => ({
        id: demoRecordId(`restructured-facility/${code}/${f.name as string}`),
        predecessor_code: code,
        successor_code: town.code,
        ...f,
        restructured_on: '2019-12-01',
      })),
    );
  }

  const disposals = planDisposals(assets.map((a) => a.asset));
  for (const [n, { asset, predecessor, successor }] of assets.entries()) {
    const disposal = disposals[n];
    const area = asset.kind === IdleAssetKind.STATION ? random.int(180, 900) : random.int(120, 2400);
    merge_idle_asset.push({
      id: demoRecordId(`merge-idle-asset/${predecessor}/${asset.name}`),
      predecessor_code: predecessor,
      successor_code: successor,
      kind: asset.kind,
      name: asset.name,
      area,
      // about 600–1,400 yuan a square metre of book value: old township buildings
      book_value: area * random.int(600, 1400),
      disposal: disposal?.method ?? null,
      disposed_on: disposal
        ? `2020-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
        : null,
      proceeds:
        disposal?.method === DisposalMethod.LEASE
          ? random.int(12, 60) * 1000
          : disposal?.method === DisposalMethod.AUCTION
            ? area * random.int(500, 1600)
            : null,
      disposed_to: disposal?.to ?? null,
    });
  }
  return { region, region_succession, merge_idle_asset, restructured_facility };
}

const snake = (decision: typeof DEMO_MERGE): Row => ({
  decision_document: decision.decisionDocument,
  decided_on: decision.decidedOn,
  effective_on: decision.effectiveOn,
});

/**
 * 001's disposals: the first 30 station premises reused as 便民服务站, then 5 leased, 3 auctioned, the rest
 * idle; the first 107 office and ancillary buildings into the state-owned company, 2 leased, 1 idle;
 * school buildings: 2 leased, 2 idle.
 */
function planDisposals(assets: Asset[]): ({ method: DisposalMethod; to: string | null } | null)[] {
  const seen = new Map<string, number>();
  return assets.map((asset) => {
    const group =
      asset.kind === IdleAssetKind.OFFICE_BUILDING ? IdleAssetKind.ANCILLARY_BUILDING : asset.kind;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    const plan: [number, DisposalMethod, string | null][] =
      group === IdleAssetKind.STATION
        ? [
            [30, DisposalMethod.REUSE, '便民服务站'],
            [35, DisposalMethod.LEASE, null],
            [38, DisposalMethod.AUCTION, null],
          ]
        : group === IdleAssetKind.ANCILLARY_BUILDING
          ? [
              [107, DisposalMethod.TRANSFER, STATE_COMPANY],
              [109, DisposalMethod.LEASE, null],
            ]
          : [[2, DisposalMethod.LEASE, null]];
    const step = plan.find(([until]) => n < until);
    return step ? { method: step[1], to: step[2] } : null;
  });
}

/** Each 乡's school, health centre and care home, and what the merge made of them. */
function facilities(name: string, town: Region, i: number): Row[] {
  const school = `${name}中心小学`;
  return [
    i < 4
      ? {
          kind: FacilityKind.SCHOOL,
          name: school,
          outcome: FacilityOutcome.MERGED,
          became: `${town.name}中心小学`,
        }
      : { kind: FacilityKind.SCHOOL, name: school, outcome: FacilityOutcome.KEPT, became: null },
    {
      kind: FacilityKind.CLINIC,
      name: `${name}卫生院`,
      outcome: FacilityOutcome.CONVERTED,
      became: `${town.name}卫生院${name.slice(0, -1)}分院`,
    },
    i % 2 === 0
      ? {
          kind: FacilityKind.ELDERLY_CARE,
          name: `${name}敬老院`,
          outcome: FacilityOutcome.CONVERTED,
          became: `${town.name}区域性养老中心`,
        }
      : {
          kind: FacilityKind.ELDERLY_CARE,
          name: `${name}敬老院`,
          outcome: FacilityOutcome.MERGED,
          became: `${town.name}敬老院`,
        },
  ];
}
