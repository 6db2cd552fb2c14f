import { OrganizationType } from '@county/domain';
import { COUNTY_DEPARTMENTS, COUNTY_INSTITUTIONS } from './catalogue';
import type { CreditKind } from './credit-codes';
import { demoOrganizationId, organizationNaturalKey } from './ids';
import type { CountyPlan, VillagePlan } from './regions';
import * as rosters from './rosters';
import type { Roster } from './rosters';
import type { DemoOrganization } from './types';

function committeeRoster(village: VillagePlan): Roster {
  const roster = village.community ? rosters.communityCommitteeRoster : rosters.villageCommitteeRoster;
  return village.gridWorkers === null ? roster : rosters.withGridWorkers(roster, village.gridWorkers);
}

/** An organisation before credit codes and leaders are filled in. */
export interface PlannedOrganization {
  key: string;
  organization: DemoOrganization;
  /** Null for organisations without people. */
  roster: Roster | null;
  /** Null for village-level bodies, which carry no credit code in the demo data. */
  creditKind: CreditKind | null;
}

/**
 * A county's organisations, parents before children:
 *
 * - county: Party committee (`party-committee`), people's congress standing committee (`peoples-congress`),
 *   government (`government`), departments (`dept:<key>`; Party departments under the Party committee,
 *   government departments under the government), public institutions (`inst:<key>`, under their department),
 *   the government service centre (`service-center`, under the 政务办) and the joint mediation committee
 *   (`mediation-center`, under the 司法局);
 * - per township: its government (`government`, under the county government), its service centre
 *   (`service-center`) and mediation committee (`mediation`), both under the township government;
 * - per village: its villagers' or residents' committee (`committee`, under the township government) and its
 *   mediation committee (`mediation`, under the committee).
 */
export function planOrganizations(plan: CountyPlan): PlannedOrganization[] {
  const out: PlannedOrganization[] = [];
  const county = plan.region;

  const add = (
    regionCode: string,
    shortKey: string,
    name: string,
    type: OrganizationType,
    parentKey: string | null,
    roster: Roster | null,
    creditKind: CreditKind | null,
  ): string => {
    const key = organizationNaturalKey(regionCode, shortKey);
    out.push({
      key,
      roster,
      creditKind,
      organization: {
        id: demoOrganizationId(key),
        name,
        type,
        regionCode,
        parentId: parentKey === null ? null : demoOrganizationId(parentKey),
        creditCode: null,
        leaderId: null,
      },
    });
    return key;
  };

  const c = county.code;
  const partyCommittee = add(
    c,
    'party-committee',
    `中共${county.name}委员会`,
    OrganizationType.PARTY_COMMITTEE,
    null,
    rosters.countyPartyCommitteeRoster,
    '11',
  );
  add(
    c,
    'peoples-congress',
    `${county.name}人民代表大会常务委员会`,
    OrganizationType.PEOPLES_CONGRESS,
    null,
    rosters.countyPeoplesCongressRoster,
    '11',
  );
  const government = add(
    c,
    'government',
    `${county.name}人民政府`,
    OrganizationType.GOVERNMENT,
    null,
    rosters.countyGovernmentRoster,
    '11',
  );

  for (const dept of COUNTY_DEPARTMENTS) {
    const party = dept.type === OrganizationType.PARTY_DEPARTMENT;
    add(
      c,
      `dept:${dept.key}`,
      party ? `中共${county.name}委${dept.suffix}` : `${county.name}${dept.suffix}`,
      dept.type,
      party ? partyCommittee : government,
      rosters.departmentRoster(dept),
      '11',
    );
  }
  const department = (key: string) => organizationNaturalKey(c, `dept:${key}`);
  for (const inst of COUNTY_INSTITUTIONS) {
    add(
      c,
      `inst:${inst.key}`,
      `${county.name}${inst.suffix}`,
      OrganizationType.PUBLIC_INSTITUTION,
      department(inst.departmentKey),
      rosters.institutionRoster(inst),
      '12',
    );
  }
  add(
    c,
    'service-center',
    `${county.name}政务服务中心`,
    OrganizationType.SERVICE_CENTER,
    department('government-services'),
    rosters.countyServiceCenterRoster,
    '12',
  );
  add(
    c,
    'mediation-center',
    `${county.name}联合人民调解委员会`,
    OrganizationType.MEDIATION_COMMITTEE,
    department('justice'),
    rosters.countyMediationCenterRoster,
    '19',
  );

  for (const township of plan.townships) {
    const t = township.region.code;
    const prefix = county.name + township.region.name;
    const townshipGovernment = add(
      t,
      'government',
      township.kind === 'subdistrict' ? `${prefix}办事处` : `${prefix}人民政府`,
      OrganizationType.TOWNSHIP_GOVERNMENT,
      government,
      rosters.townshipGovernmentRoster(township.kind),
      '11',
    );
    add(
      t,
      'service-center',
      `${prefix}便民服务中心`,
      OrganizationType.SERVICE_CENTER,
      townshipGovernment,
      rosters.townshipServiceCenterRoster,
      '12',
    );
    add(
      t,
      'mediation',
      `${prefix}人民调解委员会`,
      OrganizationType.MEDIATION_COMMITTEE,
      townshipGovernment,
      rosters.townshipMediationRoster,
      '19',
    );

    for (const village of township.villages) {
      const v = village.region.code;
      const villagePrefix = township.region.name + village.region.name;
      const committee = add(
        v,
        'committee',
        village.community ? `${villagePrefix}居民委员会` : `${villagePrefix}村民委员会`,
        village.community ? OrganizationType.COMMUNITY_COMMITTEE : OrganizationType.VILLAGE_COMMITTEE,
        townshipGovernment,
        committeeRoster(village),
        null,
      );
      add(
        v,
        'mediation',
        `${villagePrefix}人民调解委员会`,
        OrganizationType.MEDIATION_COMMITTEE,
        committee,
        rosters.villageMediationRoster,
        null,
      );
    }
  }
  return out;
}
