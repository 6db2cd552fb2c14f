/**
 * The demo city's pilot figures, as 淄博 published them (seed 003, published-figures.md): the seeder
 * reproduces them exactly for the whole city, whatever the number of counties.
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
