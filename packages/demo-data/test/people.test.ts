import {
  JIANGYIN_SHAPED_COUNTY_CODE,
  demoPersonId,
  generateDemoCity,
  personNaturalKey,
  type DemoPerson,
} from '@county/demo-data';
import { Gender, OrganizationType, PersonRole, isMobilePhone, validateIdNumber } from '@county/domain';

describe('demo people', () => {
  const city = generateDemoCity({ counties: 3 });
  const defaultCounty = generateDemoCity();
  const orgs = new Map(city.organizations.map((o) => [o.id, o]));
  const people = new Map(city.people.map((p) => [p.id, p]));
  const staffOf = new Map<string, DemoPerson[]>();
  for (const person of city.people) {
    const list = staffOf.get(person.organizationId) ?? [];
    list.push(person);
    staffOf.set(person.organizationId, list);
  }

  it('numbers about 4–6 thousand in the default county', () => {
    expect(defaultCounty.people.length).toBeGreaterThanOrEqual(4000);
    expect(defaultCounty.people.length).toBeLessThanOrEqual(6000);
  });

  it('has unique ids, ID numbers and phone numbers', () => {
    expect(people.size).toBe(city.people.length);
    expect(new Set(city.people.map((p) => p.idNumber)).size).toBe(city.people.length);
    expect(new Set(city.people.map((p) => p.phone)).size).toBe(city.people.length);
  });

  it('belongs to existing organisations', () => {
    expect(city.people.filter((p) => !orgs.has(p.organizationId))).toEqual([]);
  });

  it('carries valid ID numbers of their county, matching birth date and gender', () => {
    const wrong = city.people.filter((person) => {
      const result = validateIdNumber(person.idNumber);
      const countyCode = orgs.get(person.organizationId)!.regionCode.slice(0, 6);
      return (
        !result.ok ||
        result.birthDate !== person.birthDate ||
        result.gender !== person.gender ||
        person.idNumber.slice(0, 6) !== countyCode
      );
    });
    expect(wrong).toEqual([]);
  });

  it('has mobile numbers, birth dates in 1960–2000, Chinese names and both genders', () => {
    const wrong = city.people.filter(
      (p) =>
        !isMobilePhone(p.phone) ||
        p.birthDate < '1960-01-01' ||
        p.birthDate > '2000-12-31' ||
        !/^\p{Script=Han}{2,4}$/u.test(p.name) ||
        p.roles.length === 0 ||
        p.position === '',
    );
    expect(wrong).toEqual([]);
    const women = city.people.filter((p) => p.gender === Gender.FEMALE).length;
    expect(women / city.people.length).toBeGreaterThan(0.25);
    expect(women / city.people.length).toBeLessThan(0.6);
  });

  it('gives every organisation with people a leader who works there, and none to one without', () => {
    for (const org of city.organizations) {
      const staff = staffOf.get(org.id) ?? [];
      if (staff.length === 0) {
        expect(org.leaderId).toBeNull();
        continue;
      }
      expect(org.leaderId).not.toBeNull();
      expect(people.get(org.leaderId!)?.organizationId).toBe(org.id);
    }
  });

  it('makes the person with index 0 the head, so seeders can compute a leader id', () => {
    const government = city.organizations.find((o) => o.name === '澄川县人民政府')!;
    expect(government.leaderId).toBe(demoPersonId(personNaturalKey('org:990722:government', 0)));
    expect(people.get(government.leaderId!)!.position).toBe('县委副书记、县长');
  });

  it('has 24–26 county leaders per county (26 in the default county, as report 001 assigns to risk villages), in its Party committee, people’s congress and government', () => {
    for (const code of ['990722', '990723', '990724']) {
      const leaders = city.people.filter(
        (p) => p.roles.includes(PersonRole.COUNTY_LEADER) && orgs.get(p.organizationId)!.regionCode === code,
      );
      if (code === '990722') expect(leaders).toHaveLength(26);
      expect(leaders.length).toBeGreaterThanOrEqual(24);
      expect(leaders.length).toBeLessThanOrEqual(26);
      for (const leader of leaders) {
        expect(leader.roles).toEqual([PersonRole.CADRE, PersonRole.COUNTY_LEADER]);
        expect([
          OrganizationType.PARTY_COMMITTEE,
          OrganizationType.PEOPLES_CONGRESS,
          OrganizationType.GOVERNMENT,
        ]).toContain(orgs.get(leader.organizationId)!.type);
      }
      const positions = leaders.map((p) => p.position);
      expect(positions).toContain('县委书记');
      expect(positions).toContain('县委副书记、县长');
      expect(positions).toContain('县人大常委会主任');
    }
  });

  it('staffs organisations by kind', () => {
    const count = (orgType: OrganizationType, role: PersonRole, regionLength: number) =>
      city.organizations
        .filter((o) => o.type === orgType && o.regionCode.length === regionLength)
        .map((o) => (staffOf.get(o.id) ?? []).filter((p) => p.roles.includes(role)).length);
    const within = (counts: number[], min: number, max: number) => {
      expect(counts.length).toBeGreaterThan(0);
      for (const n of counts) {
        expect(n).toBeGreaterThanOrEqual(min);
        expect(n).toBeLessThanOrEqual(max);
      }
    };
    for (const type of [OrganizationType.PARTY_DEPARTMENT, OrganizationType.GOVERNMENT_DEPARTMENT]) {
      within(count(type, PersonRole.CADRE, 6), 4, 9);
    }
    within(count(OrganizationType.TOWNSHIP_GOVERNMENT, PersonRole.CADRE, 9), 6, 10);
    within(count(OrganizationType.SERVICE_CENTER, PersonRole.PROXY_AGENT, 9), 1, 3);
    within(count(OrganizationType.MEDIATION_COMMITTEE, PersonRole.MEDIATOR, 9), 1, 2);
    // 1–3 grid workers drawn per village, except in the 江阴-shaped county, which plans its 1558 (5–6 each)
    for (const type of [OrganizationType.VILLAGE_COMMITTEE, OrganizationType.COMMUNITY_COMMITTEE]) {
      const committees = city.organizations.filter((o) => o.type === type);
      const gridWorkers = (o: { id: string }) =>
        (staffOf.get(o.id) ?? []).filter((p) => p.roles.includes(PersonRole.GRID_WORKER)).length;
      const planned = (o: { regionCode: string }) => o.regionCode.startsWith(JIANGYIN_SHAPED_COUNTY_CODE);
      within(committees.filter((o) => !planned(o)).map(gridWorkers), 1, 3);
      within(committees.filter(planned).map(gridWorkers), 5, 6);
    }
    within(count(OrganizationType.COMMUNITY_COMMITTEE, PersonRole.COMMUNITY_WORKER, 12), 3, 8);
    within(count(OrganizationType.MEDIATION_COMMITTEE, PersonRole.MEDIATOR, 12), 1, 1);
    for (const org of city.organizations.filter((o) => o.type === OrganizationType.VILLAGE_COMMITTEE)) {
      const positions = staffOf.get(org.id)!.map((p) => p.position);
      expect(positions).toContain('村党支部书记');
      expect(positions).toContain('村民委员会主任');
    }
  });
});
