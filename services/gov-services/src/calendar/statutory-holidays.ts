import { Lunar } from 'lunar-javascript';
import type { Day } from './days';
import { addDays } from './days';

/** Where a holiday falls: a solar date, a lunar date, or a solar term (节气). */
type Anchor = { solar: [number, number] } | { lunar: [number, number] } | { term: '清明' };

interface StatutoryHoliday {
  name: string;
  anchor: Anchor;
  /** Days from the anchor to the first day off (−1: the eve). */
  from: number;
  days: number;
}

interface Edition {
  /** The first year the edition governs. */
  since: number;
  title: string;
  holidays: StatutoryHoliday[];
}

const NEW_YEAR: StatutoryHoliday = { name: '元旦', anchor: { solar: [1, 1] }, from: 0, days: 1 };
const QINGMING: StatutoryHoliday = { name: '清明节', anchor: { term: '清明' }, from: 0, days: 1 };
const DRAGON_BOAT: StatutoryHoliday = { name: '端午节', anchor: { lunar: [5, 5] }, from: 0, days: 1 };
const MID_AUTUMN: StatutoryHoliday = { name: '中秋节', anchor: { lunar: [8, 15] }, from: 0, days: 1 };
const NATIONAL_DAY: StatutoryHoliday = { name: '国庆节', anchor: { solar: [10, 1] }, from: 0, days: 3 };
const springFestival = (from: number, days: number): StatutoryHoliday => ({
  name: '春节',
  anchor: { lunar: [1, 1] },
  from,
  days,
});
const mayDay = (days: number): StatutoryHoliday => ({
  name: '劳动节',
  anchor: { solar: [5, 1] },
  from: 0,
  days,
});

/**
 * 《全国年节及纪念日放假办法》, edition by edition: the holidays every citizen has by law, before the State
 * Council's yearly notice moves days around them (调休). A year without an entered notice is counted with
 * these alone (provisional), and an entered notice must contain every one of them. When the State Council
 * amends the rules again, add its edition here with the first year it governs.
 */
export const EDITIONS: readonly Edition[] = [
  {
    since: 2000,
    title: '全国年节及纪念日放假办法（1999年修订）',
    holidays: [NEW_YEAR, springFestival(0, 3), mayDay(3), NATIONAL_DAY],
  },
  {
    since: 2008,
    title: '全国年节及纪念日放假办法（2007年修订）',
    holidays: [NEW_YEAR, springFestival(-1, 3), QINGMING, mayDay(1), DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY],
  },
  {
    since: 2014,
    title: '全国年节及纪念日放假办法（2013年修订）',
    holidays: [NEW_YEAR, springFestival(0, 3), QINGMING, mayDay(1), DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY],
  },
  {
    since: 2025,
    title: '全国年节及纪念日放假办法（2024年修订）',
    holidays: [NEW_YEAR, springFestival(-1, 4), QINGMING, mayDay(2), DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY],
  },
];

export const FIRST_STATUTORY_YEAR = EDITIONS[0].since;

export const editionOf = (year: number): Edition =>
  [...EDITIONS].reverse().find((edition) => edition.since <= year) ?? EDITIONS[0];

const pad = (n: number) => String(n).padStart(2, '0');

function anchorDay(year: number, anchor: Anchor): Day {
  if ('solar' in anchor) return `${year}-${pad(anchor.solar[0])}-${pad(anchor.solar[1])}`;
  // lunar-javascript (a maintained lunar and solar-term library) does the astronomy; its toYmd is YYYY-MM-DD
  const lunar = 'lunar' in anchor ? anchor.lunar : [1, 1];
  const lunarDate = Lunar.fromYmd(year, lunar[0], lunar[1]);
  if ('term' in anchor) return lunarDate.getJieQiTable()[anchor.term].toYmd();
  return lunarDate.getSolar().toYmd();
}

export interface StatutoryDay {
  day: Day;
  name: string;
}

/**
 * The statutory days off of a year, in date order (the Spring Festival eve may fall in late January); a day
 * two holidays share (中秋 on 3 October 2028, within 国庆) is listed once, with both names.
 */
export function statutoryHolidays(year: number): StatutoryDay[] {
  const days = new Map<Day, string>();
  for (const holiday of editionOf(year).holidays) {
    const first = addDays(anchorDay(year, holiday.anchor), holiday.from);
    for (let i = 0; i < holiday.days; i++) {
      const day = addDays(first, i);
      days.set(day, days.has(day) ? `${days.get(day)}、${holiday.name}` : holiday.name);
    }
  }
  return [...days].map(([day, name]) => ({ day, name })).sort((a, b) => a.day.localeCompare(b.day));
}
