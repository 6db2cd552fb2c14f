import { stringify } from 'csv-stringify/sync';
import { unit } from './draw';

/** The export's headers, in the platform's order. */
export const DYHJ_HEADERS = [
  '纠纷编号',
  '发生地区划代码',
  '纠纷类型',
  '来源渠道',
  '登记时间',
  '当事人',
  '当事人数',
  '纠纷简要情况',
  '风险等级',
  '办理状态',
  '化解层级',
  '化解时间',
  '协议形式',
] as const;
export type DyhjRow = Record<(typeof DYHJ_HEADERS)[number], string>;

const HOUR = 3_600_000;
const wallClock = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];

/**
 * Disputes registered on `day` as the province's mediation platform (矛盾纠纷多元化解平台) exports them,
 * deterministic: its kind codes (01–09, 99), channel codes (1–4), status codes (10 registered, 20 mediating,
 * 30 resolved), risk colours 红/橙/黄, and, with `badRows`, a kind code not in the mapping (row 3) and a
 * resolution without its level (row 5).
 */
export function dyhjDayExport(options: {
  day: string;
  count: number;
  villages: string[];
  badRows?: boolean;
}): DyhjRow[] {
  const rows: DyhjRow[] = [];
  for (let i = 0; i < options.count; i++) {
    const draw = (what: string) => unit(`dyhj|${options.day}|${i}|${what}`);
    const village = options.villages[Math.floor(draw('village') * options.villages.length)];
    const reported = Date.parse(`${options.day}T01:00:00Z`) + Math.floor(draw('time') * 8 * HOUR);
    const state = draw('state');
    const status = state < 0.5 ? '30' : state < 0.8 ? '20' : '10';
    const a = SURNAMES[Math.floor(draw('a') * SURNAMES.length)];
    const b = SURNAMES[Math.floor(draw('b') * SURNAMES.length)];
    rows.push({
      纠纷编号: `JF${village}${options.day.replace(/-/g, '')}${String(i + 1).padStart(4, '0')}`,
      发生地区划代码: village,
      纠纷类型: ['01', '02', '03', '04', '05', '07', '99'][Math.floor(draw('kind') * 7)],
      来源渠道: String(1 + Math.floor(draw('channel') * 4)),
      登记时间: wallClock(reported),
      当事人: `${a}某某、${b}某某`,
      当事人数: '2',
      纠纷简要情况: '双方因宅前排水沟渠走向发生争执，经网格员排查上报。',
      风险等级: draw('risk') < 0.05 ? '橙' : '黄',
      办理状态: status,
      化解层级: status === '30' ? '1' : '',
      化解时间: status === '30' ? wallClock(reported + 26 * HOUR) : '',
      协议形式: status === '30' ? '2' : '',
    });
  }
  if (options.badRows && rows.length >= 4) {
    rows[1] = { ...rows[1], 纠纷类型: '88' };
    rows[3] = {
      ...rows[3],
      办理状态: '30',
      化解层级: '',
      化解时间: wallClock(Date.parse(`${options.day}T09:00:00Z`)),
      协议形式: '1',
    };
  }
  return rows;
}

export const dyhjCsv = (rows: readonly DyhjRow[]): Buffer =>
  Buffer.from(stringify([[...DYHJ_HEADERS], ...rows.map((row) => DYHJ_HEADERS.map((h) => row[h]))]), 'utf8');
