import type { Gender, OrganizationType, PersonRole, RegionLevel } from '@county/domain';

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DemoOrganization {
  id: string;
  name: string;
  type: OrganizationType;
  regionCode: string;
  parentId: string | null;
  creditCode: string | null;
  leaderId: string | null;
}

export interface DemoPerson {
  id: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  roles: PersonRole[];
  organizationId: string;
  position: string;
  phone: string;
  idNumber: string;
}

export interface DemoCity {
  /**
   * The province when there is one, the city, then each county followed by its townships, each followed by
   * its villages, then the province's further cities likewise: parents come first.
   */
  regions: DemoRegion[];
  /** Parents come before their children. */
  organizations: DemoOrganization[];
  /** Grouped by organisation, in organisation order; each organisation's head comes first. */
  people: DemoPerson[];
  /** 990000 when the province was asked for (`provinceCities`), else null: the city stands alone. */
  provinceCode: string | null;
  cityCode: string;
  defaultCountyCode: string;
}

export interface DemoOptions {
  /** How many counties to generate, 1–78; the first is always the default county. Default 1. */
  counties?: number;
  /** Seeds names, counts, dates and numbers (not ids, which follow from natural keys). */
  seed?: string;
  /**
   * 0–30 cities of a province 990000 around the demo city (990700 and 990100, 990200, …); 0, the default,
   * generates no province.
   */
  provinceCities?: number;
  /** Counties of each province city besides 990700, 1–78; default 3. */
  provinceCityCounties?: number;
}
