import { Gender, OrganizationType, PersonRole, RegionLevel } from '@county/domain';

describe('vocabulary', () => {
  it.each([
    ['RegionLevel', RegionLevel, 5],
    ['OrganizationType', OrganizationType, 11],
    ['PersonRole', PersonRole, 7],
    ['Gender', Gender, 2],
  ])('%s is a string enum whose values equal its names', (_name, values, count) => {
    const entries = Object.entries(values);
    expect(entries).toHaveLength(count);
    for (const [key, value] of entries) expect(value).toBe(key);
  });
});
