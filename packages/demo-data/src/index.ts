export type { DemoCity, DemoOptions, DemoOrganization, DemoPerson, DemoRegion } from './types';
export {
  DEFAULT_DEMO_SEED,
  DEFAULT_PROVINCE_CITY_COUNTIES,
  DEMO_CITY_CODE,
  DEMO_PROVINCE_CODE,
  DEMO_COUNTY_CODE,
  DEMO_REPORT_YEAR,
  JIANGYIN_SHAPED_COUNTY_CODE,
  MAX_DEMO_COUNTIES,
  MAX_DEMO_PROVINCE_CITIES,
  demoProvinceCityCodes,
  generateDemoCity,
} from './city';
export {
  DEMO_NAMESPACE,
  demoOrganizationId,
  demoPersonId,
  organizationNaturalKey,
  personNaturalKey,
} from './ids';
export { COUNTY_DEPARTMENTS, COUNTY_INSTITUTIONS } from './catalogue';
export type { DepartmentEntry, InstitutionEntry } from './catalogue';
export { DEMO_CITY_NAME, DEMO_COUNTY_NAME, DEMO_PROVINCE_NAME } from './names';
export { demoRecordId } from './records';
export { Random, WeightedPool } from './random';
export { personName } from './names';
