import { demoOrganizationId } from '@county/demo-data';
import {
  AgreementForm,
  DiscoveryChannel,
  DisputeAction,
  DisputeKind,
  DisputeStatus,
  GovernanceLevel,
  MediationOrganizationKind,
  RiskColour,
} from '../vocabulary';
import { between, pickOne, pickWeighted, shuffledOutcomes, unit } from './draw';
import type { DemoCounty } from './county';
import type { GridRow } from './grids';
import type { DemoMediation, MediationRow } from './mediation';

/**
 * 东海县 2019 (report 000): 6222 disputes mediated, 6209 resolved, 91% of them at township or village level.
 * The default county reproduces these exactly; other demo counties get the same shape, scaled by villages.
 */
export const DEMO_YEAR = 2019;
export const DEMO_MEDIATED = 6222;
export const DEMO_RESOLVED = 6209;
export const DEMO_RESOLVED_LOCALLY = 5650; // 91.0% of 6209
const DEMO_VILLAGES = 346;

const KINDS: readonly [DisputeKind, number][] = [
  [DisputeKind.NEIGHBOURS, 22],
  [DisputeKind.MARRIAGE_FAMILY, 18],
  [DisputeKind.HOMESTEAD_LAND, 14],
  [DisputeKind.DAMAGES, 10],
  [DisputeKind.CONTRACT, 9],
  [DisputeKind.LABOUR_WAGES, 9],
  [DisputeKind.OTHER, 6],
  [DisputeKind.PROPERTY_MANAGEMENT, 5],
  [DisputeKind.LAND_ACQUISITION_DEMOLITION, 4],
  [DisputeKind.MEDICAL, 3],
];
const SUMMARIES: Record<DisputeKind, string> = {
  NEIGHBOURS: '邻里纠纷：因通行、排水、采光等问题发生争执',
  MARRIAGE_FAMILY: '婚姻家庭纠纷：赡养、抚养或离婚财产分割争议',
  HOMESTEAD_LAND: '宅基地和土地纠纷：地界、承包地流转争议',
  DAMAGES: '损害赔偿纠纷：交通事故或人身伤害赔偿争议',
  CONTRACT: '合同纠纷：买卖、借款或承揽合同履行争议',
  LABOUR_WAGES: '劳动争议：拖欠工资或工伤待遇争议',
  OTHER: '其他纠纷',
  PROPERTY_MANAGEMENT: '物业纠纷：物业服务费与服务质量争议',
  LAND_ACQUISITION_DEMOLITION: '征地拆迁纠纷：补偿安置标准争议',
  MEDICAL: '医疗纠纷：诊疗后果与赔偿争议',
};
/** Kinds that carry a sum at stake. */
const WITH_AMOUNT = new Set<DisputeKind>([
  DisputeKind.DAMAGES,
  DisputeKind.CONTRACT,
  DisputeKind.LABOUR_WAGES,
  DisputeKind.LAND_ACQUISITION_DEMOLITION,
  DisputeKind.MEDICAL,
  DisputeKind.PROPERTY_MANAGEMENT,
]);
/** Which county committee takes a kind on when the township and village could not. */
const COUNTY_COMMITTEE: Partial<Record<DisputeKind, MediationOrganizationKind>> = {
  LABOUR_WAGES: MediationOrganizationKind.LABOUR,
  MEDICAL: MediationOrganizationKind.MEDICAL,
  DAMAGES: MediationOrganizationKind.TRAFFIC,
  PROPERTY_MANAGEMENT: MediationOrganizationKind.PROPERTY_MANAGEMENT,
};
/** Spring Festival and the farming seasons bring more disputes. */
const MONTH_WEIGHTS = [11, 10, 8, 8, 8, 7, 7, 8, 8, 8, 8, 9];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡'];

type Outcome = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY' | 'FAILED' | 'REFERRED' | 'MEDIATING';

export interface DemoDisputes {
  disputes: Record<string, unknown>[];
  steps: Record<string, unknown>[];
  visits: Record<string, unknown>[];
}

const DAY = 86_400_000;
const id = (key: string) => demoOrganizationId(`governance:${key}`);

/** Outcome counts for a county of `villages` villages; the default county's are the published figures. */
function outcomes(villages: number): [Outcome, number][] {
  const scale = villages / DEMO_VILLAGES;
  const resolved = Math.round(DEMO_RESOLVED * scale);
  const local = Math.round(DEMO_RESOLVED_LOCALLY * scale);
  const village = Math.round(local * 0.62);
  const open = Math.round((DEMO_MEDIATED - DEMO_RESOLVED) * scale);
  return [
    ['VILLAGE', village],
    ['TOWNSHIP', local - village],
    ['COUNTY', resolved - local],
    ['REFERRED', Math.round(open * 0.46)],
    ['FAILED', Math.round(open * 0.31)],
    ['MEDIATING', open - Math.round(open * 0.46) - Math.round(open * 0.31)],
  ];
}

export function demoDisputes(
  county: DemoCounty,
  mediation: DemoMediation,
  thirdLevel: Map<string, GridRow[]>,
): DemoDisputes {
  const out: DemoDisputes = { disputes: [], steps: [], visits: [] };
  const plan = shuffledOutcomes(`${county.code}|outcomes`, outcomes(county.villages.length));
  plan.forEach((outcome, i) => {
    const key = `${county.code}|dispute|${i}`;
    const kind = pickWeighted(`${key}|kind`, KINDS);
    const village = pickOne(`${key}|village`, county.villages);
    const grid = pickOne(`${key}|grid`, thirdLevel.get(village.code)!);
    // the last few still open were reported in late December
    const month =
      outcome === 'MEDIATING'
        ? 11
        : pickWeighted(
            `${key}|month`,
            MONTH_WEIGHTS.map((w, m) => [m, w] as const),
          );
    const day =
      outcome === 'MEDIATING'
        ? between(`${key}|day`, 20, 30)
        : between(`${key}|day`, 1, new Date(Date.UTC(DEMO_YEAR, month + 1, 0)).getUTCDate());
    // 08:00–18:59 China time is 00:00–10:59 UTC the same day
    const reportedAt = new Date(
      Date.UTC(DEMO_YEAR, month, day, between(`${key}|hour`, 0, 10), between(`${key}|minute`, 0, 59)),
    );
    const level = outcome === 'VILLAGE' || outcome === 'TOWNSHIP' || outcome === 'COUNTY' ? outcome : null;
    const organization: MediationRow =
      level === 'COUNTY'
        ? mediation.countyCommittee(COUNTY_COMMITTEE[kind] ?? MediationOrganizationKind.JOINT_HANDLING_CENTRE)
        : level === 'VILLAGE'
          ? mediation.committeeOf(village.code)
          : mediation.committeeOf(village.parentCode!);
    const mediatorId = pickOne(`${key}|mediator`, mediation.mediatorsOf(organization)) ?? null;
    const riskColour = pickWeighted(`${key}|colour`, [
      [RiskColour.YELLOW, 80],
      [RiskColour.ORANGE, 16],
      [RiskColour.RED, 4],
    ] as const);
    const span = level === 'VILLAGE' ? 4 : level === 'TOWNSHIP' ? 12 : 40;
    const resolvedAt = level
      ? new Date(reportedAt.getTime() + (0.1 + unit(`${key}|days`) ** 2 * span) * DAY)
      : null;
    const status = level
      ? DisputeStatus.RESOLVED
      : outcome === 'MEDIATING'
        ? DisputeStatus.MEDIATING
        : (outcome as DisputeStatus);
    const disputeId = id(key);
    const partyCount = unit(`${key}|parties`) < 0.85 ? 2 : between(`${key}|party-count`, 3, 6);
    out.disputes.push({
      id: disputeId,
      region_code: village.code,
      grid_id: grid.id,
      kind,
      channel: pickWeighted(`${key}|channel`, [
        [DiscoveryChannel.GRID_PATROL, 45],
        [DiscoveryChannel.WALK_IN, 30],
        [DiscoveryChannel.HOTLINE, 15],
        [DiscoveryChannel.REFERRAL, 10],
      ] as const),
      reported_at: reportedAt.toISOString(),
      parties: `${pickOne(`${key}|a`, SURNAMES)}某与${pickOne(`${key}|b`, SURNAMES)}某${partyCount > 2 ? `等${partyCount}人` : ''}`,
      party_count: partyCount,
      amount: WITH_AMOUNT.has(kind) ? (between(`${key}|amount`, 5, 2000) * 100).toFixed(2) : null,
      summary: SUMMARIES[kind],
      risk_colour: riskColour,
      status,
      resolution_level: level as GovernanceLevel | null,
      organization_id: organization.id,
      mediator_id: mediatorId,
      resolved_at: resolvedAt?.toISOString() ?? null,
      agreement_form: level ? (unit(`${key}|form`) < 0.7 ? AgreementForm.WRITTEN : AgreementForm.ORAL) : null,
      referral:
        outcome === 'REFERRED'
          ? pickOne(`${key}|referral`, ['LITIGATION', 'ARBITRATION', 'JOINT_HANDLING'])
          : null,
    });
    const started = new Date(reportedAt.getTime() + 0.05 * DAY);
    const course: [DisputeAction, DisputeStatus, Date][] = [
      [DisputeAction.REGISTER, DisputeStatus.REGISTERED, reportedAt],
      [DisputeAction.START_MEDIATION, DisputeStatus.MEDIATING, started],
    ];
    const ended = new Date(started.getTime() + (1 + unit(`${key}|end`) * 20) * DAY);
    if (resolvedAt) course.push([DisputeAction.RESOLVE, DisputeStatus.RESOLVED, resolvedAt]);
    if (outcome === 'FAILED' || outcome === 'REFERRED')
      course.push([DisputeAction.FAIL, DisputeStatus.FAILED, ended]);
    if (outcome === 'REFERRED')
      course.push([DisputeAction.REFER, DisputeStatus.REFERRED, new Date(ended.getTime() + DAY)]);
    course.forEach(([action, after, at], s) =>
      out.steps.push({
        id: id(`${key}|step|${s + 1}`),
        dispute_id: disputeId,
        sequence: s + 1,
        action,
        status: after,
        at: at.toISOString(),
        actor: 'demo-seed',
        note: null,
        details:
          action === DisputeAction.START_MEDIATION ? { organizationId: organization.id, mediatorId } : {},
      }),
    );
    // 督查回访: about a third of resolutions are visited again within a month
    if (resolvedAt && unit(`${key}|visit`) < 0.35) {
      out.visits.push({
        id: id(`${key}|visit`),
        dispute_id: disputeId,
        visited_at: new Date(resolvedAt.getTime() + between(`${key}|visit-days`, 3, 30) * DAY).toISOString(),
        visitor_id: grid.grid_worker_ids[0],
        satisfied: unit(`${key}|satisfied`) < 0.96,
        relapsed: unit(`${key}|relapsed`) < 0.015,
        note: null,
      });
    }
  });
  return out;
}
