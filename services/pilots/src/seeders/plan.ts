import { DEMO_REPORT_YEAR } from '@county/demo-data';
import { PilotLevel, PilotStage } from '../vocabulary';
import { DEMO_PILOT_FIGURES, DEMO_STAGE_BANDS } from './figures';

/** One carried pilot of the city before it gets a county, a name and organisations. */
export interface PilotSlot {
  level: PilotLevel.NATIONAL | PilotLevel.PROVINCIAL;
  approvedOn: string;
  stage: PilotStage;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A deterministic day of `year`, March to November, spread by `k`. */
export const dayOf = (year: number, k: number): string =>
  `${year}-${pad(3 + ((k * 5) % 9))}-${pad(10 + (k % 15))}`;

/** `count` approval years spread evenly over [from, to]. */
const spread = (count: number, from: number, to: number): number[] =>
  Array.from({ length: count }, (_, k) => from + Math.floor((k * (to - from + 1)) / count));

/**
 * The carried pilots of one level, oldest first: approval years up to the report year that give the
 * published "new since 2017" and "2016" counts, then stages by age: the oldest closed (销号 in the
 * report year's clean-up, so still carried that year), then promoted
 * and accepted, the newest approved but not started, the rest in progress.
 */
function levelSlots(level: PilotSlot['level']): PilotSlot[] {
  const total = DEMO_PILOT_FIGURES.carried[level];
  const recent = DEMO_PILOT_FIGURES.newSince2017[level];
  const in2016 = DEMO_PILOT_FIGURES.new2016[level];
  const years = [
    ...spread(total - recent - in2016, 2010, 2015),
    ...spread(in2016, 2016, 2016),
    ...spread(recent, 2017, DEMO_REPORT_YEAR),
  ];
  const { promoted, accepted, approvedOnly } = DEMO_STAGE_BANDS[level];
  const closed = DEMO_PILOT_FIGURES.closed[level];
  const stageAt = (k: number): PilotStage => {
    if (k < closed) return PilotStage.CLOSED;
    if (k < closed + promoted) return PilotStage.PROMOTED;
    if (k < closed + promoted + accepted) return PilotStage.ACCEPTED;
    if (k >= total - approvedOnly) return PilotStage.APPROVED;
    return PilotStage.IN_PROGRESS;
  };
  return years.map((year, k) => ({ level, approvedOn: dayOf(year, k), stage: stageAt(k) }));
}

export const carriedSlots = (): PilotSlot[] => [
  ...levelSlots(PilotLevel.NATIONAL),
  ...levelSlots(PilotLevel.PROVINCIAL),
];

/** `years` after `day`, clamped to the 28th so every month has it. */
export function addYears(day: string, years: number, months = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + years * 12 + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(Math.min(d, 28))}`;
}

/** The quarter start before the month of `day` (leads are issued quarterly, on the 15th). */
export function quarterBefore(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y}-${pad(1 + 3 * Math.floor((m - 2) / 3))}-15`;
}
