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
 * 2019 in the demo county (东海县's figures): 56926 proxy cases at the county centre, 130763 at township
 * and village centres, and online and window cases to about 230 thousand in all. Other years and counties
 * scale these.
 */
const VOLUME_2019 = {
  countyProxy: 56926,
  townshipProxy: 130763,
  online: 30000,
  window: 12311,
};
/** 2018 was smaller: the county's growth is about +43 % year on year. */
const YEAR_FACTOR: Record<number, number> = { 2018: 0.7, 2019: 1 };

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
 * (about 1.5 % over), a few suspensions, ratings for about 30 % of completed cases with ~99.8 % satisfied,
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
  const factor = scale * (YEAR_FACTOR[year] ?? 1) * (countyIndex === 0 ? 1 : 0.85 + random() * 0.3);
  const countyCentre = centres.find((c) => c.level === ServiceLevel.COUNTY)!;
  const townships = centres.filter((c) => c.level === ServiceLevel.TOWNSHIP);
  const villages = centres.filter((c) => c.level === ServiceLevel.VILLAGE);
  const workingDays = daysOf(year, true);
  const allDays = daysOf(year, false);
  const rows: CaseRows = { cases: [], ratings: [], suspensions: [] };
  const yy = String(year).slice(2);
  let seq = 0;

  // items a centre may handle, most of the volume on the 115 high-frequency ones
  const itemFor = (level: ServiceLevel, online: boolean): DemoItem => {
    if (level === ServiceLevel.VILLAGE) return items[Math.floor(random() * 40)];
    if (level === ServiceLevel.TOWNSHIP) return items[Math.floor(random() * 128)];
    if (random() < 0.8) return items[Math.floor(random() * 115)];
    return items[115 + Math.floor(random() * ((online ? 840 : items.length) - 115))];
  };

  const add = (centre: DemoCentre, channel: CaseChannel) => {
    const item = itemFor(centre.level, channel === CaseChannel.ONLINE);
    const id = `${county}${yy}-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
    const receivedDay = channel === CaseChannel.ONLINE ? pick(allDays) : pick(workingDays);
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
    if (done && random() < 0.3) {
      const s = random();
      const score = s < 0.0012 ? 1 + Math.floor(random() * 2) : s < 0.002 ? 3 : s < 0.1 ? 4 : 5;
      const ratedAt = completedAt + DAY;
      const ratedDay = iso(ratedAt + 8 * HOUR).slice(0, 10);
      const bad = score <= 2;
      const rectifyBy = bad ? workingCalendar.addWorkingDays(ratedDay, 5) : null;
      const rectifiedAt = bad && random() < 0.95 ? ratedAt + (random() < 0.9 ? 3 : 10) * DAY : null;
      rows.ratings.push({
        case_id: id,
        score,
        rated_at: iso(ratedAt),
        rectify_by: rectifyBy,
        return_visit_at: bad ? iso(ratedAt + DAY) : null,
        rectified_at: rectifiedAt === null ? null : iso(rectifiedAt),
      });
    }
  };

  const volume = (n: number) => Math.round(n * factor);
  for (let i = volume(VOLUME_2019.countyProxy); i > 0; i--) add(countyCentre, CaseChannel.PROXY);
  for (let i = volume(VOLUME_2019.townshipProxy); i > 0; i--)
    add(random() < 0.7 || !villages.length ? pick(townships) : pick(villages), CaseChannel.PROXY);
  for (let i = volume(VOLUME_2019.online); i > 0; i--)
    add(random() < 0.6 ? countyCentre : pick(townships), CaseChannel.ONLINE);
  for (let i = volume(VOLUME_2019.window); i > 0; i--)
    add(random() < 0.7 ? countyCentre : pick(townships), CaseChannel.WINDOW);
  return rows;
}
