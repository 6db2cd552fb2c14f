import { PersonRole, RegionLevel } from '@county/domain';
import type { DemoCity, DemoPerson, DemoRegion } from '@county/demo-data';

/** One demo county as the governance seeders need it: its places and who works where. */
export interface DemoCounty {
  code: string;
  townships: DemoRegion[];
  villagesOf: Map<string, DemoRegion[]>;
  villages: DemoRegion[];
  /** People holding `role` in the organisations of a region, by region code. */
  peopleIn(regionCode: string, role: PersonRole): DemoPerson[];
  /** People holding `role` in one organisation. */
  staffOf(organizationId: string, role: PersonRole): DemoPerson[];
}

export function demoCounties(city: DemoCity): DemoCounty[] {
  const regionOfOrganization = new Map(city.organizations.map((o) => [o.id, o.regionCode]));
  const byOrganization = new Map<string, DemoPerson[]>();
  const byRegion = new Map<string, DemoPerson[]>();
  for (const person of city.people) {
    const region = regionOfOrganization.get(person.organizationId)!;
    byOrganization.set(person.organizationId, [...(byOrganization.get(person.organizationId) ?? []), person]);
    byRegion.set(region, [...(byRegion.get(region) ?? []), person]);
  }
  const having = (people: DemoPerson[] | undefined, role: PersonRole) =>
    (people ?? []).filter((person) => person.roles.includes(role));

  return city.regions
    .filter((region) => region.level === RegionLevel.COUNTY)
    .map((county) => {
      const townships = city.regions.filter((r) => r.parentCode === county.code);
      const villagesOf = new Map(
        townships.map((t) => [t.code, city.regions.filter((r) => r.parentCode === t.code)]),
      );
      return {
        code: county.code,
        townships,
        villagesOf,
        villages: townships.flatMap((t) => villagesOf.get(t.code)!),
        peopleIn: (regionCode, role) => having(byRegion.get(regionCode), role),
        staffOf: (organizationId, role) => having(byOrganization.get(organizationId), role),
      };
    });
}
