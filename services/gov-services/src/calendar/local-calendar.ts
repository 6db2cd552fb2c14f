/**
 * 本地节假日表 — years the `chinese-days` package does not know, seeded into the calendar table once like
 * the package's own. New years are not added here: the bureau enters each State Council notice
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知) through the graph or its spreadsheet (see the README).
 *
 * 2003: from the notice of December 2002, with the May Day week shortened to the three statutory days
 * (and its make-up weekend cancelled) by the April 2003 SARS adjustment.
 */
export interface LocalCalendarYear {
  /** Days off on what would be working days, and the statutory holidays themselves (YYYY-MM-DD). */
  holidays: string[];
  /** 调休上班日 — weekend days that are working days. */
  workdays: string[];
  source: string;
}

export const LOCAL_CALENDAR: Record<number, LocalCalendarYear> = {
  2003: {
    holidays: [
      '2003-01-01',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2003-02-${d}`),
      '2003-05-01',
      '2003-05-02',
      '2003-05-03',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2003-10-${d}`),
    ],
    workdays: ['2003-02-08', '2003-02-09', '2003-09-27', '2003-09-28'],
    source: '国务院办公厅关于2003年部分节假日休息安排的通知; 2003年“五一”放假调整',
  },
};
