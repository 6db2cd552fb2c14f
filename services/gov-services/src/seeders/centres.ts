import type { DemoCity } from '@county/demo-data';
import { OrganizationType, PersonRole } from '@county/domain';
import { ServiceLevel } from '../vocabulary';
import { demoId } from './catalogue';

export interface DemoCentre {
  id: string;
  organization_id: string;
  region_code: string;
  level: ServiceLevel;
  name: string;
  /** Sizes of its demo roster (`demoRoster`), not columns. */
  windows: number;
  staff: number;
  /** Of `staff`, how many have been in post since before 2018; the others joined during 2019. */
  longServing: number;
  /** Proxy agents who serve this centre's PROXY cases (a village room borrows its township's). */
  agents: string[];
}

/**
 * Report 001: township service staff rose from 4.5 per township (end of 2018) to 9.2 (2019, and today):
 * the township centres keep their 4.5 from before 2018 and take on the rest during 2019, each count shared
 * out as evenly as it goes, the first centres one more.
 */
const STAFF_PER_TOWNSHIP = 9.2;
const STAFF_PER_TOWNSHIP_2018 = 4.5;

/** The i-th of `parts` even shares of `total`: the first `total % parts` one more. */
const share = (total: number, parts: number, i: number) =>
  Math.floor(total / parts) + (i < total % parts ? 1 : 0);

const VILLAGE_BODIES = new Set<string>([
  OrganizationType.VILLAGE_COMMITTEE,
  OrganizationType.COMMUNITY_COMMITTEE,
]);

/**
 * The county centre and each township centre (the demo city's SERVICE_CENTER organisations) and a service
 * room in every village or community, run by its committee.
 */
export function demoCentres(city: DemoCity): DemoCentre[] {
  const agentsOf = new Map<string, string[]>();
  for (const person of city.people)
    if (person.roles.includes(PersonRole.PROXY_AGENT))
      agentsOf.set(person.organizationId, [...(agentsOf.get(person.organizationId) ?? []), person.id]);
  const centres: DemoCentre[] = [];
  const townshipAgents = new Map<string, string[]>();
  const townships = city.organizations.filter(
    (o) => o.type === OrganizationType.SERVICE_CENTER && o.regionCode.length === 9,
  ).length;
  const townshipStaff = Math.round(STAFF_PER_TOWNSHIP * townships);
  const townshipStaff2018 = Math.round(STAFF_PER_TOWNSHIP_2018 * townships);
  let township = 0;
  for (const org of city.organizations) {
    const isCentre = org.type === OrganizationType.SERVICE_CENTER;
    if (!isCentre && !VILLAGE_BODIES.has(org.type)) continue;
    const level =
      org.regionCode.length === 6
        ? ServiceLevel.COUNTY
        : org.regionCode.length === 9
          ? ServiceLevel.TOWNSHIP
          : ServiceLevel.VILLAGE;
    const agents = isCentre
      ? (agentsOf.get(org.id) ?? [])
      : (townshipAgents.get(org.regionCode.slice(0, 9)) ?? []);
    if (level === ServiceLevel.TOWNSHIP) townshipAgents.set(org.regionCode, agents);
    const windows = { [ServiceLevel.COUNTY]: 60, [ServiceLevel.TOWNSHIP]: 6, [ServiceLevel.VILLAGE]: 1 }[
      level
    ];
    const code = Number(org.regionCode.slice(-3));
    // county and village staff have all been in post since before 2018
    const staff =
      level === ServiceLevel.TOWNSHIP
        ? share(townshipStaff, townships, township)
        : (level === ServiceLevel.COUNTY ? 180 : 2) - (code % 3);
    const longServing =
      level === ServiceLevel.TOWNSHIP ? share(townshipStaff2018, townships, township++) : staff;
    centres.push({
      id: demoId(`centre:${org.regionCode}`),
      organization_id: org.id,
      region_code: org.regionCode,
      level,
      name: level === ServiceLevel.VILLAGE ? org.name.replace(/(村民|居民)委员会$/, '便民服务室') : org.name,
      windows,
      staff,
      longServing,
      agents,
    });
  }
  return centres;
}
