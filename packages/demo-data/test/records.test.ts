import { demoOrganizationId, demoRecordId, Random } from '@county/demo-data';

describe('demo record ids', () => {
  it('are stable UUIDs of their natural key, distinct from organisation and person ids', () => {
    expect(demoRecordId('course:990722:village-secretaries')).toBe(
      demoRecordId('course:990722:village-secretaries'),
    );
    expect(demoRecordId('course:990722:village-secretaries')).toMatch(/^[0-9a-f-]{36}$/);
    expect(demoRecordId('course:990722:a')).not.toBe(demoRecordId('course:990722:b'));
    expect(demoRecordId('org:990722:government')).toBe(demoOrganizationId('org:990722:government'));
  });

  it('exports the seeded generator, so derived demo data is deterministic', () => {
    const draw = () =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.int(1, 100)
        )(new Random('x')),
      );
    expect(draw()).toEqual(draw());
  });
});
