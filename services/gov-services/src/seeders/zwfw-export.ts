import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { ServiceLevel } from '../vocabulary';
import type { DemoItem } from './catalogue';
import type { DemoCentre } from './centres';
import { seededRandom } from './random';

/** The export's headers, in the platform's order (with a column the mapping does not read). */
export const ZWFW_HEADERS = [
  '办件编号',
  '事项编码',
  '事项名称',
  '区划代码',
  '办理渠道',
  '申请人类型',
  '办件状态',
  '受理时间',
  '办结时间',
  '办理结果',
  '跑动次数',
] as const;
export type ZwfwRow = Record<(typeof ZWFW_HEADERS)[number], string>;

const HOUR = 3_600_000;
/** A China wall-clock time as the platform writes it. */
const wallClock = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Cases accepted on `day` as the provincial platform (政务服务平台) exports them, deterministic for the
 * seed: the province's codes (办理渠道 1/2/3, 办件状态 0/1, 办理结果 1/2), 12-digit region codes, and, with
 * `badRows`, a few rows the mapping must refuse (an item code not in the catalogue, a channel code not in
 * the code list, a completion before acceptance), at known row numbers.
 */
export function zwfwDayExport(options: {
  day: string;
  count: number;
  items: DemoItem[];
  centres: DemoCentre[];
  seed?: string;
  badRows?: boolean;
}): ZwfwRow[] {
  const random = seededRandom(`zwfw|${options.seed ?? ''}|${options.day}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const opening = Date.parse(`${options.day}T01:00:00Z`);
  const rows: ZwfwRow[] = [];
  // the high-frequency items each level may handle, once per export rather than per row
  const itemsAt = new Map(
    Object.values(ServiceLevel).map((level) => [
      level,
      options.items.filter((it) => it.levels.includes(level)).slice(0, 100),
    ]),
  );
  for (let i = 0; i < options.count; i++) {
    const centre = pick(options.centres);
    const item = pick(itemsAt.get(centre.level)!);
    const accepted = opening + Math.floor(random() * 8 * HOUR);
    const done = random() < 0.75;
    const channel = centre.level === ServiceLevel.VILLAGE ? '3' : pick(['1', '2', '3']);
    rows.push({
      办件编号: `${centre.region_code.padEnd(12, '0')}${options.day.replace(/-/g, '')}${String(i + 1).padStart(6, '0')}`,
      事项编码: item.code,
      事项名称: item.name,
      区划代码: centre.region_code,
      办理渠道: channel,
      申请人类型: random() < 0.7 ? '1' : '2',
      办件状态: done ? '1' : '0',
      受理时间: wallClock(accepted),
      办结时间: done ? wallClock(accepted + Math.floor(random() * 4 * HOUR)) : '',
      办理结果: done ? (random() < 0.98 ? '1' : '2') : '',
      跑动次数: channel === '1' ? '1' : '0',
    });
  }
  if (options.badRows && rows.length >= 9) {
    rows[2] = { ...rows[2], 事项编码: 'X3310999-UNKNOWN-0001' };
    rows[5] = { ...rows[5], 办理渠道: '7' };
    rows[8] = { ...rows[8], 办件状态: '1', 办结时间: '2000-01-01 09:00:00', 办理结果: '1' };
  }
  return rows;
}

/** The rows as the platform's CSV export (header row first), in UTF-8 or GBK. */
export function zwfwCsv(rows: readonly ZwfwRow[], encoding: 'utf-8' | 'gbk' = 'utf-8'): Buffer {
  const text = stringify([[...ZWFW_HEADERS], ...rows.map((row) => ZWFW_HEADERS.map((h) => row[h]))]);
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}
