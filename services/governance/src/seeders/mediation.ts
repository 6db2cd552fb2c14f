import { OrganizationType, PersonRole } from '@county/domain';
import { demoOrganizationId, organizationNaturalKey, type DemoCity } from '@county/demo-data';
import { GovernanceLevel, MediationOrganizationKind } from '../vocabulary';
import type { DemoCounty } from './county';

export type MediationRow = {
  id: string;
  name: string;
  kind: MediationOrganizationKind;
  level: GovernanceLevel;
  region_code: string;
  organization_id: string | null;
};

const LEVEL_OF_CODE: Record<number, GovernanceLevel> = {
  6: GovernanceLevel.COUNTY,
  9: GovernanceLevel.TOWNSHIP,
  12: GovernanceLevel.VILLAGE,
};

/** Professional committees the demo county has besides the directory's people's mediation committees. */
const PROFESSIONAL: readonly [MediationOrganizationKind, string][] = [
  [MediationOrganizationKind.LABOUR, '劳动人事争议调解委员会'],
  [MediationOrganizationKind.MEDICAL, '医疗纠纷人民调解委员会'],
  [MediationOrganizationKind.TRAFFIC, '道路交通事故损害赔偿调解委员会'],
  [MediationOrganizationKind.PROPERTY_MANAGEMENT, '物业纠纷人民调解委员会'],
];

export interface DemoMediation {
  rows: MediationRow[];
  /** The committee of a village or township, or the county's committee of a kind. */
  committeeOf(regionCode: string): MediationRow;
  countyCommittee(kind: MediationOrganizationKind): MediationRow;
  /** Mediators who may act for the organisation: its own, or (professional committees) the county centre's. */
  mediatorsOf(organization: MediationRow): string[];
}

export function demoMediation(city: DemoCity, county: DemoCounty): DemoMediation {
  const centreId = demoOrganizationId(organizationNaturalKey(county.code, 'mediation-center'));
  const rows: MediationRow[] = city.organizations
    .filter((o) => o.type === OrganizationType.MEDIATION_COMMITTEE && o.regionCode.startsWith(county.code))
    .map((o) => ({
      id: o.id,
      name: o.name,
      kind:
        o.id === centreId
          ? MediationOrganizationKind.JOINT_HANDLING_CENTRE
          : MediationOrganizationKind.PEOPLES_MEDIATION,
      level: LEVEL_OF_CODE[o.regionCode.length],
      region_code: o.regionCode,
      organization_id: o.id,
    }));
  const countyName = city.regions.find((r) => r.code === county.code)!.name;
  for (const [kind, suffix] of PROFESSIONAL) {
    rows.push({
      id: demoOrganizationId(`governance:mediation:${county.code}:${kind}`),
      name: `${countyName}${suffix}`,
      kind,
      level: GovernanceLevel.COUNTY,
      region_code: county.code,
      organization_id: null,
    });
  }
  const byRegion = new Map(
    rows.filter((r) => r.kind === MediationOrganizationKind.PEOPLES_MEDIATION).map((r) => [r.region_code, r]),
  );
  const byKind = new Map(rows.filter((r) => r.level === GovernanceLevel.COUNTY).map((r) => [r.kind, r]));
  const centreMediators = county.staffOf(centreId, PersonRole.MEDIATOR).map((p) => p.id);
  return {
    rows,
    committeeOf: (regionCode) => byRegion.get(regionCode)!,
    countyCommittee: (kind) => byKind.get(kind)!,
    mediatorsOf: (organization) =>
      organization.organization_id
        ? county.staffOf(organization.organization_id, PersonRole.MEDIATOR).map((p) => p.id)
        : centreMediators,
  };
}
