import { PersonRole } from '@county/domain';
import { demoOrganizationId } from '@county/demo-data';
import { RiskLevel } from '../vocabulary';
import { pickOne, shuffledOutcomes } from './draw';
import type { DemoCounty } from './county';
import { DEMO_YEAR } from './disputes';

/** Report 001: 118 villages judged at risk (13 high, 58 medium, 47 low), 26 county leaders assigned. */
export const DEMO_RISK = { high: 13, medium: 58, low: 47 } as const;
const DEMO_VILLAGES = 346;

const REASONS: Record<Exclude<RiskLevel, 'NONE'>, readonly string[]> = {
  HIGH: ['换届选举竞争激烈，存在拉票贿选苗头', '征地拆迁补偿矛盾集中', '信访积案未化解'],
  MEDIUM: ['村“两委”班子不团结', '村集体经济债务较重', '宗族势力影响村务', '土地流转纠纷较多'],
  LOW: ['村务公开不及时', '个别群众诉求未回应', '离任干部安置待落实'],
};

/**
 * Every village judged for the demo year (全覆盖研判); those at risk get reasons and one of the county's
 * leaders, in turn, so every county leader takes some: the demo county's 26, as in the report.
 */
export function demoRiskJudgements(county: DemoCounty): Record<string, unknown>[] {
  const scale = county.villages.length / DEMO_VILLAGES;
  const high = Math.round(DEMO_RISK.high * scale);
  const medium = Math.round(DEMO_RISK.medium * scale);
  const low = Math.round(DEMO_RISK.low * scale);
  const levels = shuffledOutcomes(`${county.code}|risk`, [
    [RiskLevel.HIGH, high],
    [RiskLevel.MEDIUM, medium],
    [RiskLevel.LOW, low],
    [RiskLevel.NONE, county.villages.length - high - medium - low],
  ]);
  const leaders = county.peopleIn(county.code, PersonRole.COUNTY_LEADER).map((p) => p.id);
  let assigned = 0;
  return county.villages.map((village, i) => {
    const level = levels[i];
    const key = `${village.code}|risk|${DEMO_YEAR}`;
    return {
      id: demoOrganizationId(`governance:${key}`),
      region_code: village.code,
      year: DEMO_YEAR,
      level,
      reasons: level === RiskLevel.NONE ? [] : [pickOne(key, REASONS[level])],
      leader_id: level === RiskLevel.NONE || !leaders.length ? null : leaders[assigned++ % leaders.length],
    };
  });
}
