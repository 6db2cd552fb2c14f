import { workingCalendar } from '../calendar/working-days';
import {
  ApplicantKind,
  CaseChannel,
  CaseResult,
  CaseStatus,
  ServiceLevel,
  SuspensionReason,
} from '../vocabulary';
import type { DemoItem } from './catalogue';
import type { DemoCentre } from './centres';
import { seededRandom } from './random';

/**
 * Report 001's volume, for the demo county: 230,900 cases received January–October 2019, +62.5 % on the same
 * months of 2018. Those months are set exactly (a dashboard compares them); November and December follow at
 * the same daily rate. Other years have 2019's volume, other counties 85–115 % of it.
 */
const RECEIVED_JAN_OCT: Record<number, number> = { 2018: 142_092, 2019: 230_900 };
/**
 * How the volume splits over where and how cases come in: report 000's 2019 proxy cases (56926 at the county
 * centre, 130763 at township and village centres) beside online and window cases.
 */
const CHANNEL_MIX = { countyProxy: 56926, townshipProxy: 130763, online: 60000, window: 30000 };
/** Report 001's satisfaction, by the year ratings were given: 97.89 % in 2018, 99.78 % after the reform. */
const SATISFACTION: Record<number, number> = { 2018: 0.9789, 2019: 0.9978 };

export interface CaseRows {
  cases: Record<string, unknown>[];
  ratings: Record<string, unknown>[];
  suspensions: Record<string, unknown>[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 09:00 China time of a day, as a UTC instant. */
const opening = (day: string) => Date.parse(`${day}T01:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString();

function daysOf(year: number, workingOnly: boolean): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (!workingOnly || workingCalendar.isWorkingDay(day)) days.push(day);
  }
  return days;
}

/**
 * One county-year of cases, deterministic. Processing times spread under each item's committed limit
 * (about 1.5 % over), a few suspensions, ratings for about 30 % of completed cases with the year's satisfaction,
 * and the bad reviews' follow-up. Cases still running at the end of `until` stay ACCEPTED. `scale` shrinks
 * the volumes (tests).
 */
export function demoCases(
  county: string,
  countyIndex: number,
  year: number,
  items: DemoItem[],
  centres: DemoCentre[],
  until: string,
  scale = 1,
): CaseRows {
  const random = seededRandom(`gov-services|cases|${county}|${year}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const factor = scale * (countyIndex === 0 ? 1 : 0.85 + random() * 0.3);
  const countyCentre = centres.find((c) => c.level === ServiceLevel.COUNTY)!;
  const townships = centres.filter((c) => c.level === ServiceLevel.TOWNSHIP);
  const villages = centres.filter((c) => c.level === ServiceLevel.VILLAGE);
  const november = `${year}-11-01`;
  // each channel's days, January–October first, then November–December
  const daysFor = (workingOnly: boolean) => {
    const days = daysOf(year, workingOnly);
    return [days.filter((day) => day < november), days.filter((day) => day >= november)] as const;
  };
  const workingDays = daysFor(true);
  const allDays = daysFor(false);
  const rows: CaseRows = { cases: [], ratings: [], suspensions: [] };
  const rated: { caseId: string; ratedAt: number; ratedDay: string }[] = [];
  const yy = String(year).slice(2);
  let seq = 0;

  // items a centre may handle, most of the volume on the 115 high-frequency ones
  const itemFor = (level: ServiceLevel, online: boolean): DemoItem => {
    if (level === ServiceLevel.VILLAGE) return items[Math.floor(random() * 40)];
    if (level === ServiceLevel.TOWNSHIP) return items[Math.floor(random() * 128)];
    if (random() < 0.8) return items[Math.floor(random() * 115)];
    return items[115 + Math.floor(random() * ((online ? 840 : items.length) - 115))];
  };

  const add = (centre: DemoCentre, channel: CaseChannel, janOct: boolean) => {
    const item = itemFor(centre.level, channel === CaseChannel.ONLINE);
    const id = `${county}${yy}-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
    const receivedDay = pick((channel === CaseChannel.ONLINE ? allDays : workingDays)[janOct ? 0 : 1]);
    const receivedAt = opening(receivedDay) + Math.floor(random() * 8 * HOUR);
    // 8 % need a correction (补正) first: acceptance, and the clock, start 1–3 working days later
    const corrected = random() < 0.08;
    const acceptedDay = corrected
      ? workingCalendar.addWorkingDays(receivedDay, 1 + Math.floor(random() * 3))
      : workingCalendar.isWorkingDay(receivedDay)
        ? receivedDay
        : workingCalendar.addWorkingDays(receivedDay, 1);
    const acceptedAt = acceptedDay === receivedDay ? receivedAt + 10 * 60_000 : opening(acceptedDay) + HOUR;
    const limit = item.committed_limit;
    const late = limit > 0 && random() < 0.015;
    const net =
      limit === 0 ? 0 : late ? limit + 1 + Math.floor(random() * 3) : Math.floor(limit * random() ** 1.6);
    const suspended = limit >= 10 && random() < 0.004 ? 3 + Math.floor(random() * 8) : 0;
    const completedDay =
      net + suspended === 0 ? acceptedDay : workingCalendar.addWorkingDays(acceptedDay, net + suspended);
    const completedAt =
      completedDay === acceptedDay
        ? acceptedAt + 30 * 60_000
        : opening(completedDay) + Math.floor(random() * 8 * HOUR);
    const done = completedDay <= until;
    const visits = channel === CaseChannel.WINDOW ? (random() < 0.005 ? 2 : 1) : 0;
    const r = random();
    rows.cases.push({
      id,
      item_id: item.id,
      centre_id: centre.id,
      region_code: centre.region_code,
      level: centre.level,
      channel,
      proxy_agent_id: channel === CaseChannel.PROXY && centre.agents.length ? pick(centre.agents) : null,
      applicant_kind: random() < 0.7 ? ApplicantKind.PERSON : ApplicantKind.ENTERPRISE,
      status: done ? CaseStatus.COMPLETED : CaseStatus.ACCEPTED,
      received_at: iso(receivedAt),
      accepted_at: iso(acceptedAt),
      completed_at: done ? iso(completedAt) : null,
      extension_days: 0,
      working_days: done ? net : null,
      on_time: done ? net <= limit : null,
      visits: done ? visits : null,
      result: done
        ? r < 0.985
          ? CaseResult.APPROVED
          : r < 0.995
            ? CaseResult.REJECTED
            : CaseResult.WITHDRAWN
        : null,
    });
    if (suspended) {
      const start = workingCalendar.addWorkingDays(acceptedDay, 1);
      rows.suspensions.push({
        id: `${county}${yy}-0000-4001-9000-${String(seq).padStart(12, '0')}`,
        case_id: id,
        reason: pick([
          SuspensionReason.EXPERT_REVIEW,
          SuspensionReason.INSPECTION,
          SuspensionReason.TESTING,
          SuspensionReason.HEARING,
        ]),
        started_on: start,
        ended_on: workingCalendar.addWorkingDays(start, suspended),
      });
    }
    const ratedAt = completedAt + DAY;
    const ratedDay = iso(ratedAt + 8 * HOUR).slice(0, 10);
    // a year's cases are rated within that year, so each year's satisfaction is its own
    if (done && random() < 0.3 && ratedDay.startsWith(String(year)) && ratedDay <= until)
      rated.push({ caseId: id, ratedAt, ratedDay });
  };

  const rating = (r: (typeof rated)[number], score: number) => {
    const bad = score <= 2;
    const rectifiedAt = bad && random() < 0.95 ? r.ratedAt + (random() < 0.9 ? 3 : 10) * DAY : null;
    return {
      case_id: r.caseId,
      score,
      rated_at: iso(r.ratedAt),
      rectify_by: bad ? workingCalendar.addWorkingDays(r.ratedDay, 5) : null,
      return_visit_at: bad ? iso(r.ratedAt + DAY) : null,
      rectified_at: rectifiedAt === null ? null : iso(rectifiedAt),
    };
  };

  // January–October exactly as published, split over the channels by their mix (cumulative rounding keeps
  // the sum), then November–December at each channel's daily rate
  const janOct = Math.round((RECEIVED_JAN_OCT[year] ?? RECEIVED_JAN_OCT[2019]) * factor);
  const mix = Object.entries(CHANNEL_MIX) as [keyof typeof CHANNEL_MIX, number][];
  const mixTotal = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let weightBefore = 0;
  for (const [stream, weight] of mix) {
    const head =
      Math.round((janOct * (weightBefore + weight)) / mixTotal) -
      Math.round((janOct * weightBefore) / mixTotal);
    weightBefore += weight;
    const channel =
      stream === 'online' ? CaseChannel.ONLINE : stream === 'window' ? CaseChannel.WINDOW : CaseChannel.PROXY;
    const [headDays, tailDays] = channel === CaseChannel.ONLINE ? allDays : workingDays;
    const tail = Math.round((head * tailDays.length) / headDays.length);
    for (let i = 0; i < head + tail; i++) {
      const centre =
        stream === 'countyProxy'
          ? countyCentre
          : stream === 'townshipProxy'
            ? random() < 0.7 || !villages.length
              ? pick(townships)
              : pick(villages)
            : random() < (stream === 'online' ? 0.6 : 0.7)
              ? countyCentre
              : pick(townships);
      add(centre, channel, i < head);
    }
  }

  // each year's published satisfaction, exactly, over the ratings of January–October and of the rest
  const satisfaction = SATISFACTION[year] ?? SATISFACTION[2019];
  for (const part of [
    rated.filter((r) => r.ratedDay < november),
    rated.filter((r) => r.ratedDay >= november),
  ]) {
    const order = part.map(() => random());
    const ranked = part.map((_, i) => i).sort((a, b) => order[a] - order[b]);
    const unsatisfied = Math.round(part.length * (1 - satisfaction));
    ranked.forEach((index, rank) => {
      // of the unsatisfied, about 60 % bad reviews (1–2) and the rest neutral (3)
      const score =
        rank < unsatisfied ? (random() < 0.6 ? 1 + Math.floor(random() * 2) : 3) : random() < 0.1 ? 4 : 5;
      rows.ratings.push(rating(part[index], score));
    });
  }
  return rows;
}
