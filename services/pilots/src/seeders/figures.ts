/**
 * The demo city's pilot figures, as 淄博 published them (seed 003, published-figures.md): the seeder
 * reproduces them exactly for the whole city in the report year (DEMO_REPORT_YEAR), whatever the number
 * of counties. Leads are those issued 2017 to the report year.
 */
export const DEMO_PILOT_FIGURES = {
  carried: { NATIONAL: 62, PROVINCIAL: 130 },
  newSince2017: { NATIONAL: 23, PROVINCIAL: 37 },
  /** Approved in 2016: 60 new since 2017 is "1.2× all of 2016". */
  new2016: { NATIONAL: 19, PROVINCIAL: 31 },
  leads: { NATIONAL: 48, PROVINCIAL: 88 },
  evaluatedPilots: 11,
  questionnaires: 5176,
  verySatisfied: 4937,
  closed: { NATIONAL: 6, PROVINCIAL: 18 },
} as const;

/** How the leads of each level went (the report gives only their totals). */
export const DEMO_LEAD_OUTCOMES = {
  NATIONAL: { won: 14, pursuing: 6, assigned: 4 },
  PROVINCIAL: { won: 22, pursuing: 10, assigned: 8 },
} as const;

/** Stages of the carried pilots that are neither closed nor simply in progress, per level. */
export const DEMO_STAGE_BANDS = {
  NATIONAL: { promoted: 3, accepted: 5, approvedOnly: 2 },
  PROVINCIAL: { promoted: 5, accepted: 10, approvedOnly: 4 },
} as const;

/**
 * The demo county's own pilots in the report year, as a county published them (seed 002): 18 at
 * provincial level or above, 7 of them new that year (1 national, 6 provincial). How the 11 older ones
 * split between the levels the report does not say; they include Donghai's named pilots.
 */
export const DEMO_COUNTY_PILOTS = {
  NATIONAL: { carried: 6, newInReportYear: 1 },
  PROVINCIAL: { carried: 12, newInReportYear: 6 },
} as const;
