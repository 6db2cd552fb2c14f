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
  /** City, then each county followed by its townships, each followed by its villages: parents come first. */
  regions: DemoRegion[];
  /** Parents come before their children. */
  organizations: DemoOrganization[];
  /** Grouped by organisation, in organisation order; each organisation's head comes first. */
  people: DemoPerson[];
  cityCode: string;
  defaultCountyCode: string;
}

export interface DemoOptions {
  /** How many counties to generate, 1–78; the first is always the default county. Default 1. */
  counties?: number;
  /** Seeds names, counts, dates and numbers (not ids, which follow from natural keys). */
  seed?: string;
}
