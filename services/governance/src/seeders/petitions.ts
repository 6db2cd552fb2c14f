import { demoOrganizationId, organizationNaturalKey } from '@county/demo-data';
import { GovernanceLevel } from '../vocabulary';
import { deadlineAfter } from '../petition/petition-deadlines';
import { REGULATION_LIMITS } from '../petition/petition-time-limits';
import {
  PetitionChannel,
  PetitionEscalation,
  PetitionResult,
  PetitionReviewOutcome,
  PetitionSatisfaction,
  PetitionStatus,
} from '../petition/petition-vocabulary';
import { between, pickOne, pickWeighted, shuffledOutcomes, unit } from './draw';
import type { DemoCounty } from './county';

/*
 * 信访 for two years, so a dashboard can compare 2019 with 2018. Report 003 publishes visits (群众来访) down
 * 29.2 % in cases and 41.2 % in people year on year: the default county's visits are 500 cases by 1,700
 * people in 2018 and 354 by 1,000 in 2019 (−29.2 %, −41.2 %); other channels follow the shift online.
 * Other demo counties get the same shape, scaled by their villages.
 */
export const PETITION_YEARS = [2018, 2019] as const;
const DEMO_VILLAGES = 346;
/** [cases, people] per channel and year in the default county. */
export const DEMO_PETITIONS: Record<
  PetitionChannel,
  Record<(typeof PETITION_YEARS)[number], [number, number]>
> = {
  VISIT: { 2018: [500, 1700], 2019: [354, 1000] },
  LETTER: { 2018: [420, 480], 2019: [380, 420] },
  ONLINE: { 2018: [900, 960], 2019: [1250, 1310] },
  PHONE: { 2018: [300, 300], 2019: [280, 280] },
};

const TOPICS: readonly (readonly [string, string, number])[] = [
  ['征地拆迁补偿安置标准', 'natural-resources', 16],
  ['拖欠农民工工资', 'human-resources', 14],
  ['社会保险待遇核定', 'human-resources', 9],
  ['农村土地承包经营权', 'agriculture', 10],
  ['宅基地和建房审批', 'natural-resources', 8],
  ['住房和物业管理', 'housing', 9],
  ['低保和救助申请', 'civil-affairs', 8],
  ['教育入学和教师待遇', 'education', 6],
  ['医疗服务和医患纠纷', 'health', 5],
  ['退役军人安置待遇', 'veterans', 4],
  ['对法院判决不服 (涉法涉诉)', 'justice', 11],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡'];
const MONTH_WEIGHTS = [12, 7, 9, 8, 8, 8, 7, 8, 8, 9, 8, 8];
const DAY = 86_400_000;
const id = (key: string) => demoOrganizationId(`governance:${key}`);
const orgOf = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));

/** Petitioner counts summing to exactly `people` over `cases`: mostly one, some pairs, some groups (集体访). */
function petitionerCounts(key: string, cases: number, people: number): number[] {
  const counts = new Array<number>(cases).fill(1);
  let extra = people - cases;
  const groups = Math.min(Math.round(cases * 0.08), Math.floor(extra / 4));
  for (let g = 0; g < groups; g++) counts[g] += 4;
  extra -= groups * 4;
  for (let p = groups; p < cases && extra > 0 && p < groups + Math.round(cases * 0.25); p++, extra--)
    counts[p]++;
  for (let e = 0; extra > 0; e++, extra--)
    counts[groups ? Math.floor(unit(`${key}|extra|${e}`) * groups) : e % cases]++;
  return shuffledOutcomes(
    `${key}|order`,
    counts.map((count) => [count, 1] as const),
  );
}

/** A dispute mediation could not settle, as the database holds it. */
export interface FailedDispute {
  id: string;
  region_code: string;
  reported_at: string;
}

export function demoPetitions(
  county: DemoCounty,
  failedDisputes: readonly FailedDispute[],
): Record<string, unknown>[] {
  const scale = county.villages.length / DEMO_VILLAGES;
  const rows: Record<string, unknown>[] = [];
  for (const year of PETITION_YEARS) {
    for (const channel of Object.values(PetitionChannel)) {
      const [baseCases, basePeople] = DEMO_PETITIONS[channel][year];
      const cases = Math.round(baseCases * scale);
      const people = Math.max(cases, Math.round(basePeople * scale));
      petitionerCounts(`${county.code}|petition|${year}|${channel}`, cases, people).forEach((count, i) =>
        rows.push(petition(county, `${county.code}|petition|${year}|${channel}|${i}`, year, channel, count)),
      );
    }
  }
  rows.sort((a, b) => (a.received_at as string).localeCompare(b.received_at as string));
  linkRepeats(rows);
  // a dispute mediation could not settle often comes back as a petition from the same place
  for (const dispute of failedDisputes.slice(0, Math.round(rows.length * 0.02))) {
    const match = rows.find(
      (row) =>
        !row.dispute_id &&
        row.region_code === dispute.region_code &&
        (row.received_at as string) > dispute.reported_at,
    );
    if (match) match.dispute_id = dispute.id;
  }
  return rows;
}

function petition(
  county: DemoCounty,
  key: string,
  year: number,
  channel: PetitionChannel,
  petitionerCount: number,
): Record<string, unknown> {
  const township = pickOne(`${key}|township`, county.townships);
  const village = pickOne(`${key}|village`, county.villagesOf.get(township.code)!);
  const regionCode = unit(`${key}|in-village`) < 0.7 ? village.code : township.code;
  const month = pickWeighted(
    `${key}|month`,
    MONTH_WEIGHTS.map((w, m) => [m, w] as const),
  );
  const day = between(`${key}|day`, 1, new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  const receivedAt = new Date(
    Date.UTC(year, month, day, between(`${key}|hour`, 0, 9), between(`${key}|min`, 0, 59)),
  );
  const [topic, department] = pickWeighted(
    `${key}|topic`,
    TOPICS.map((t) => [t, t[2]] as const),
  );
  const acceptBy = deadlineAfter(receivedAt, REGULATION_LIMITS.acceptDays, REGULATION_LIMITS.unit, 'seed');
  const lateInYear = year === 2019 && month === 11 && day > 10;
  const decided = !lateInYear || unit(`${key}|decided`) < 0.5;
  const declined = topic.includes('涉法涉诉')
    ? unit(`${key}|declined`) < 0.8
    : unit(`${key}|declined`) < 0.05;
  // 96 % are decided within the limit; the rest a few days late
  const decidedAt = new Date(
    receivedAt.getTime() +
      (unit(`${key}|on-time`) < 0.96 ? between(`${key}|decide`, 1, 12) : between(`${key}|decide`, 22, 30)) *
        DAY,
  );
  const level = pickWeighted(`${key}|level`, [
    [GovernanceLevel.VILLAGE, 25],
    [GovernanceLevel.TOWNSHIP, 55],
    [GovernanceLevel.COUNTY, 20],
  ] as const);
  const handler =
    level === GovernanceLevel.COUNTY
      ? orgOf(county.code, `dept:${department}`)
      : level === GovernanceLevel.TOWNSHIP
        ? orgOf(township.code, 'government')
        : orgOf(village.code, 'committee');
  const accepted = decided && !declined;
  const extension = accepted && unit(`${key}|extend`) < 0.08 ? between(`${key}|extension`, 10, 30) : 0;
  const replyBy = accepted
    ? deadlineAfter(decidedAt, REGULATION_LIMITS.replyDays + extension, REGULATION_LIMITS.unit, 'seed')
    : null;
  const replyDays =
    unit(`${key}|on-time-reply`) < 0.94 ? between(`${key}|reply`, 10, 70) : between(`${key}|reply`, 95, 120);
  const repliedAt = accepted ? new Date(decidedAt.getTime() + replyDays * DAY) : null;
  const replied = repliedAt !== null && repliedAt < new Date(Date.UTC(2020, 0, 15));
  const result = replied
    ? pickWeighted(`${key}|result`, [
        [PetitionResult.SUPPORTED, 35],
        [PetitionResult.EXPLAINED, 45],
        [PetitionResult.NOT_SUPPORTED, 20],
      ] as const)
    : null;
  const satisfaction =
    replied && unit(`${key}|rated`) < 0.85
      ? pickWeighted(`${key}|satisfaction`, [
          [PetitionSatisfaction.SATISFIED, 80],
          [PetitionSatisfaction.BASICALLY_SATISFIED, 12],
          [PetitionSatisfaction.DISSATISFIED, 8],
        ] as const)
      : null;
  // 复查: half the dissatisfied ask for a review within two weeks; it is decided within three
  const reviewRequestedAt =
    satisfaction === PetitionSatisfaction.DISSATISFIED && unit(`${key}|review`) < 0.5
      ? new Date(repliedAt!.getTime() + between(`${key}|review-asked`, 2, 14) * DAY)
      : null;
  const reviewBy = reviewRequestedAt
    ? deadlineAfter(reviewRequestedAt, REGULATION_LIMITS.reviewDays, REGULATION_LIMITS.unit, 'seed').day
    : null;
  const reviewedAt = reviewRequestedAt
    ? new Date(reviewRequestedAt.getTime() + between(`${key}|reviewed`, 5, 21) * DAY)
    : null;
  const escalated =
    unit(`${key}|escalated`) < (channel === PetitionChannel.VISIT ? (year === 2018 ? 0.1 : 0.06) : 0.01);
  const surname = pickOne(`${key}|surname`, SURNAMES);
  return {
    id: id(key),
    region_code: regionCode,
    channel,
    received_at: receivedAt.toISOString(),
    petitioners: petitionerCount > 1 ? `${surname}某等${petitionerCount}人` : `${surname}某`,
    petitioner_count: petitionerCount,
    subject: `${topic}：${surname}某反映相关问题，请求依法处理`,
    escalated_to: escalated
      ? pickWeighted(`${key}|to`, [
          [PetitionEscalation.CITY, 70],
          [PetitionEscalation.PROVINCE, 25],
          [PetitionEscalation.NATIONAL, 5],
        ] as const)
      : null,
    repeat_of_id: null,
    dispute_id: null,
    status: !decided
      ? PetitionStatus.REGISTERED
      : declined
        ? PetitionStatus.NOT_ACCEPTED
        : reviewedAt
          ? PetitionStatus.REVIEWED
          : replied
            ? PetitionStatus.REPLIED
            : PetitionStatus.ACCEPTED,
    deadline_unit: REGULATION_LIMITS.unit,
    accept_by: acceptBy.day,
    decided_at: decided ? decidedAt.toISOString() : null,
    not_accepted_reason:
      decided && declined ? '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决' : null,
    handling_organization_id: accepted ? handler : null,
    handling_level: accepted ? level : null,
    reply_days: accepted ? REGULATION_LIMITS.replyDays : null,
    extension_days: extension,
    extension_reason: extension ? '情况复杂，需进一步调查核实' : null,
    reply_by: replyBy?.day ?? null,
    calendar_provisional: acceptBy.provisional || (replyBy?.provisional ?? false),
    replied_at: replied ? repliedAt!.toISOString() : null,
    result,
    reply: replied ? `经调查核实，对${surname}某反映的问题作出处理意见并书面答复` : null,
    satisfaction,
    review_requested_at: reviewRequestedAt?.toISOString() ?? null,
    review_by: reviewBy,
    reviewed_at: reviewedAt?.toISOString() ?? null,
    review_outcome: reviewedAt
      ? unit(`${key}|outcome`) < 0.85
        ? PetitionReviewOutcome.UPHELD
        : PetitionReviewOutcome.REVISED
      : null,
    review_opinion: reviewedAt ? `经复查，对${surname}某的复查请求出具复查意见书` : null,
  };
}

/** 重复访: about one in ten comes back on the same matter within half a year, at the same place. */
function linkRepeats(rows: Record<string, unknown>[]): void {
  const lastAt = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const place = `${row.region_code as string}|${(row.subject as string).split('：')[0]}`;
    const earlier = lastAt.get(place);
    const gap = earlier
      ? Date.parse(row.received_at as string) - Date.parse(earlier.received_at as string)
      : Infinity;
    if (earlier && gap > 0 && gap < 180 * DAY && unit(`${row.id as string}|repeat`) < 0.3)
      row.repeat_of_id = earlier.id;
    lastAt.set(place, row);
  }
}

/** The county's petitions bureau (信访局), which writes as `department:<its id>`. */
export const demoPetitionBureau = (county: DemoCounty) => ({
  organization_id: orgOf(county.code, 'dept:petitions'),
  region_code: county.code,
});
