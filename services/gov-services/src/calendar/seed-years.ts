import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { Day } from './days';
import { yearOf } from './days';
import { LOCAL_CALENDAR } from './local-calendar';

/** One year's official schedule: the days that differ from "weekends off". */
export interface OfficialYear {
  year: number;
  /** Days off, including the statutory holidays themselves (YYYY-MM-DD). */
  holidays: Day[];
  /** 调休上班日 — weekend days that are working days. */
  workdays: Day[];
  source: string;
  /** Holiday names by day, where the source gives them. */
  names?: Record<Day, string>;
}

export const PACKAGE_SOURCE = `chinese-days@${chineseDaysPackage.version}`;

/** "New Year's Day,元旦,1" → 元旦 */
const chineseName = (label: string) => label.split(',')[1] ?? label;

/**
 * The years the calendar table is seeded with: every year of the `chinese-days` package and of the local
 * table. Seeding adds a year the table lacks and never touches one it has, so a newer package adds years
 * and leaves what the bureau entered alone.
 */
export function seedYears(): OfficialYear[] {
  const years = new Map<number, OfficialYear>();
  const entry = (day: Day) => {
    const year = yearOf(day);
    let found = years.get(year);
    if (!found)
      years.set(year, (found = { year, holidays: [], workdays: [], source: PACKAGE_SOURCE, names: {} }));
    return found;
  };
  for (const [day, label] of Object.entries(chineseDays.holidays as Record<string, string>)) {
    entry(day).holidays.push(day);
    entry(day).names![day] = chineseName(label);
  }
  for (const day of Object.keys(chineseDays.workdays)) entry(day).workdays.push(day);
  for (const [year, local] of Object.entries(LOCAL_CALENDAR))
    if (!years.has(Number(year)))
      years.set(Number(year), {
        year: Number(year),
        holidays: local.holidays,
        workdays: local.workdays,
        source: local.source,
      });
  return [...years.values()].sort((a, b) => a.year - b.year);
}
