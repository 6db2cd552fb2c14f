/** The part of lunar-javascript (6tail, no types of its own) the calendar uses. */
declare module 'lunar-javascript' {
  export class Solar {
    static fromYmd(year: number, month: number, day: number): Solar;
    toYmd(): string;
    next(days: number): Solar;
  }
  export class Lunar {
    /** A date of the Chinese lunar calendar (month 1–12; a leap month is negative). */
    static fromYmd(year: number, month: number, day: number): Lunar;
    getSolar(): Solar;
    /** The 24 solar terms around this lunar year, by Chinese name (清明 …). */
    getJieQiTable(): Record<string, Solar>;
  }
}
