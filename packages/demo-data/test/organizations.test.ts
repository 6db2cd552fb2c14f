import {
  COUNTY_DEPARTMENTS,
  COUNTY_INSTITUTIONS,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
  type DemoOrganization,
} from '@county/demo-data';
import { OrganizationType, validateCreditCode } from '@county/domain';

const VILLAGE_LEVEL = 12;

describe('demo organisations', () => {
  const city = generateDemoCity({ counties: 3 });
  const byId = new Map(city.organizations.map((o) => [o.id, o]));
  const inCounty = (code: string) => city.organizations.filter((o) => o.regionCode.startsWith(code));
  const ofType = (orgs: DemoOrganization[], type: OrganizationType) => orgs.filter((o) => o.type === type);

  it('has unique ids', () => {
    expect(byId.size).toBe(city.organizations.length);
  });

  it('derives ids from natural keys, so other seeders can compute them', () => {
    const approval = city.organizations.find((o) => o.name === '澄川县行政审批局')!;
    expect(approval.id).toBe(
      demoOrganizationId(organizationNaturalKey('990722', 'dept:administrative-approval')),
    );
    const seatGovernment = city.organizations.find(
      (o) => o.regionCode === '990722001' && o.type === OrganizationType.TOWNSHIP_GOVERNMENT,
    )!;
    expect(seatGovernment.id).toBe(demoOrganizationId('org:990722001:government'));
    // pinned: changing the namespace or key scheme would break every subgraph's demo data
    expect(demoOrganizationId('org:990722:government')).toBe('479eed10-ec2b-5bbf-962a-dde6a1c97d01');
  });

  it('gives every county its Party committee, congress, government, 42 departments, 25 institutions and centres', () => {
    for (const code of ['990722', '990723', '990724']) {
      const county = city.organizations.filter((o) => o.regionCode === code);
      expect(ofType(county, OrganizationType.PARTY_COMMITTEE)).toHaveLength(1);
      expect(ofType(county, OrganizationType.PEOPLES_CONGRESS)).toHaveLength(1);
      expect(ofType(county, OrganizationType.GOVERNMENT)).toHaveLength(1);
      const departments = [
        ...ofType(county, OrganizationType.PARTY_DEPARTMENT),
        ...ofType(county, OrganizationType.GOVERNMENT_DEPARTMENT),
      ];
      expect(departments).toHaveLength(42);
      expect(COUNTY_DEPARTMENTS).toHaveLength(42);
      expect(ofType(county, OrganizationType.PUBLIC_INSTITUTION)).toHaveLength(25);
      expect(COUNTY_INSTITUTIONS).toHaveLength(25);
      expect(ofType(county, OrganizationType.SERVICE_CENTER)).toHaveLength(1);
      expect(ofType(county, OrganizationType.MEDIATION_COMMITTEE)).toHaveLength(1);
    }
  });

  it('names the departments the source reports mention', () => {
    const names = new Set(inCounty('990722').map((o) => o.name));
    for (const name of [
      '澄川县发展和改革委员会',
      '澄川县财政局',
      '澄川县行政审批局',
      '澄川县政务服务管理办公室',
      '澄川县司法局',
      '澄川县信访局',
      '中共澄川县委组织部',
      '中共澄川县委政法委员会',
      '中共澄川县委全面深化改革委员会办公室',
      '中共澄川县委机构编制委员会办公室',
    ]) {
      expect(names.has(name)).toBe(true);
    }
  });

  it('gives every township a government, a service centre and a mediation committee', () => {
    const townships = city.regions.filter((r) => r.level === 'TOWNSHIP');
    for (const township of townships) {
      const here = city.organizations.filter((o) => o.regionCode === township.code);
      expect(here.map((o) => o.type).sort()).toEqual(
        [
          OrganizationType.TOWNSHIP_GOVERNMENT,
          OrganizationType.SERVICE_CENTER,
          OrganizationType.MEDIATION_COMMITTEE,
        ].sort(),
      );
    }
  });

  it('gives every village a villagers’ or residents’ committee and a mediation committee', () => {
    const villages = city.regions.filter((r) => r.level === 'VILLAGE');
    for (const village of villages) {
      const here = city.organizations.filter((o) => o.regionCode === village.code);
      const committee = village.name.endsWith('社区')
        ? OrganizationType.COMMUNITY_COMMITTEE
        : OrganizationType.VILLAGE_COMMITTEE;
      expect(here.map((o) => o.type)).toEqual([committee, OrganizationType.MEDIATION_COMMITTEE]);
    }
  });

  it('places every organisation in an existing region and names are unique', () => {
    const codes = new Set(city.regions.map((r) => r.code));
    for (const org of city.organizations) expect(codes.has(org.regionCode)).toBe(true);
    expect(new Set(city.organizations.map((o) => o.name)).size).toBe(city.organizations.length);
  });

  it('lists parents before children and links each kind to the right parent', () => {
    const seen = new Set<string>();
    for (const org of city.organizations) {
      if (org.parentId !== null) expect(seen.has(org.parentId)).toBe(true);
      seen.add(org.id);
      const parent = org.parentId === null ? null : byId.get(org.parentId)!;
      switch (org.type) {
        case OrganizationType.PARTY_COMMITTEE:
        case OrganizationType.PEOPLES_CONGRESS:
        case OrganizationType.GOVERNMENT:
          expect(parent).toBeNull();
          break;
        case OrganizationType.PARTY_DEPARTMENT:
          expect(parent).toMatchObject({
            type: OrganizationType.PARTY_COMMITTEE,
            regionCode: org.regionCode,
          });
          break;
        case OrganizationType.GOVERNMENT_DEPARTMENT:
          expect(parent).toMatchObject({ type: OrganizationType.GOVERNMENT, regionCode: org.regionCode });
          break;
        case OrganizationType.PUBLIC_INSTITUTION:
          expect(parent!.type).toMatch(/_DEPARTMENT$/);
          break;
        case OrganizationType.TOWNSHIP_GOVERNMENT:
          expect(parent).toMatchObject({
            type: OrganizationType.GOVERNMENT,
            regionCode: org.regionCode.slice(0, 6),
          });
          break;
        case OrganizationType.VILLAGE_COMMITTEE:
        case OrganizationType.COMMUNITY_COMMITTEE:
          expect(parent).toMatchObject({
            type: OrganizationType.TOWNSHIP_GOVERNMENT,
            regionCode: org.regionCode.slice(0, 9),
          });
          break;
        case OrganizationType.SERVICE_CENTER:
        case OrganizationType.MEDIATION_COMMITTEE:
          if (org.regionCode.length === 9) {
            expect(parent).toMatchObject({
              type: OrganizationType.TOWNSHIP_GOVERNMENT,
              regionCode: org.regionCode,
            });
          } else if (org.regionCode.length === VILLAGE_LEVEL) {
            expect(parent!.type).toMatch(/^(VILLAGE|COMMUNITY)_COMMITTEE$/);
            expect(parent!.regionCode).toBe(org.regionCode);
          } else {
            expect(parent).toMatchObject({ type: OrganizationType.GOVERNMENT_DEPARTMENT });
          }
          break;
      }
    }
  });

  it('gives every organisation above village level a valid, unique credit code of its county', () => {
    const codes = new Set<string>();
    for (const org of city.organizations) {
      if (org.regionCode.length === VILLAGE_LEVEL) continue;
      expect(org.creditCode).not.toBeNull();
      const code = org.creditCode!;
      expect(validateCreditCode(code)).toEqual({ ok: true });
      expect(code.slice(0, 1)).toBe('1');
      expect(code.slice(2, 8)).toBe(org.regionCode.slice(0, 6));
      codes.add(code);
    }
    const withCodes = city.organizations.filter((o) => o.creditCode !== null);
    expect(codes.size).toBe(withCodes.length);
  });

  it('uses kind 11 for organs, 12 for institutions and service centres, 19 for mediation committees', () => {
    for (const org of city.organizations) {
      if (org.creditCode === null) continue;
      const expected =
        org.type === OrganizationType.PUBLIC_INSTITUTION || org.type === OrganizationType.SERVICE_CENTER
          ? '12'
          : org.type === OrganizationType.MEDIATION_COMMITTEE
            ? '19'
            : '11';
      expect(org.creditCode.slice(0, 2)).toBe(expected);
    }
  });
});
