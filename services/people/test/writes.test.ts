import { creditCodeCheckChar, idNumberCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { formatSubgraphError } from '@county/kit';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { Organization, peopleSubgraph, Person, Region } from '@county/people';

let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const department = city.organizations.find((o) => o.type === 'GOVERNMENT_DEPARTMENT')!;
const departmentMember = city.people.find(
  (p) => p.organizationId === department.id && p.id !== department.leaderId,
)!;
const hr = as.role('hr');

const creditCode = (body17: string) => body17 + creditCodeCheckChar(body17);
const idNumber = (body17: string) => body17 + idNumberCheckChar(body17);
const wrongLast = (code: string, alphabet: string) =>
  code.slice(0, 17) + [...alphabet].find((c) => c !== code[17]);

const count = async () => {
  const em = people.orm.em.fork();
  return [await em.count(Region), await em.count(Organization), await em.count(Person)];
};

const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name region { code } } }`;
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id name idNumber } }`;
const UPDATE_ORG = `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name leader { id } } }`;

const orgInput = (overrides: Record<string, unknown> = {}) => ({
  name: '县数据局',
  type: 'GOVERNMENT_DEPARTMENT',
  regionCode: DEMO_COUNTY_CODE,
  creditCode: creditCode('11990722MB0000001'),
  ...overrides,
});
const personInput = (overrides: Record<string, unknown> = {}) => ({
  name: '林晓雯',
  gender: 'FEMALE',
  birthDate: '1990-03-07',
  roles: ['CADRE'],
  organizationId: department.id,
  position: '科员',
  phone: '13912345678',
  idNumber: idNumber('99072219900307002'),
  ...overrides,
});

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

describe('bad input gets a clear error and changes nothing', () => {
  it.each([
    [
      'a credit code with a wrong check character',
      CREATE_ORG,
      () =>
        orgInput({
          creditCode: wrongLast(creditCode('11990722MB0000002'), '0123456789ABCDEFGHJKLMNPQRTUWXY'),
        }),
      'input.creditCode',
      'check-character',
    ],
    [
      'a credit code of the wrong format',
      CREATE_ORG,
      () => orgInput({ creditCode: 'ABC' }),
      'input.creditCode',
      'format',
    ],
    [
      'a missing credit code for a department',
      CREATE_ORG,
      () => orgInput({ creditCode: null }),
      'input.creditCode',
      'required',
    ],
    [
      'a malformed region code',
      CREATE_ORG,
      () => orgInput({ regionCode: '99072' }),
      'input.regionCode',
      'format',
    ],
    ['an unknown region', CREATE_ORG, () => orgInput({ regionCode: '990799' }), 'input.regionCode', 'exists'],
    [
      'an unknown parent organisation',
      CREATE_ORG,
      () => orgInput({ parentId: '00000000-0000-4000-8000-000000000000' }),
      'input.parentId',
      'exists',
    ],
    ['an empty name', CREATE_ORG, () => orgInput({ name: '  ' }), 'input.name', 'min'],
    [
      'an ID number with a wrong check digit',
      CREATE_PERSON,
      () => personInput({ idNumber: wrongLast(idNumber('99072219900307004'), '0123456789X') }),
      'input.idNumber',
      'check-digit',
    ],
    [
      'an ID number with an impossible birth date',
      CREATE_PERSON,
      () => personInput({ idNumber: idNumber('99072219901332002') }),
      'input.idNumber',
      'birth-date',
    ],
    [
      'a birth date that disagrees with the ID number',
      CREATE_PERSON,
      () => personInput({ birthDate: '1990-03-08' }),
      'input.birthDate',
      'matches-id-number',
    ],
    [
      'a gender that disagrees with the ID number',
      CREATE_PERSON,
      () => personInput({ gender: 'MALE' }),
      'input.gender',
      'matches-id-number',
    ],
    [
      'a phone that is not a mobile number',
      CREATE_PERSON,
      () => personInput({ phone: '12345' }),
      'input.phone',
      'custom',
    ],
    ['no roles', CREATE_PERSON, () => personInput({ roles: [] }), 'input.roles', 'min'],
    [
      'an unknown organisation',
      CREATE_PERSON,
      () => personInput({ organizationId: '00000000-0000-4000-8000-000000000000' }),
      'input.organizationId',
      'exists',
    ],
    [
      'an ID number already in the directory',
      CREATE_PERSON,
      () =>
        personInput({
          idNumber: departmentMember.idNumber,
          birthDate: departmentMember.birthDate,
          gender: departmentMember.gender,
        }),
      'input.idNumber',
      'unique',
    ],
  ])('%s', async (_, mutation, input, field, rule) => {
    const before = await count();
    const { errors, data } = await people.query(mutation, { input: input() }, hr);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(errors![0].message).toContain(field);
    expect(data).toBeNull();
    expect(await count()).toEqual(before);
  });

  it('a duplicate credit code is refused as not unique', async () => {
    const { errors } = await people.query(
      CREATE_ORG,
      { input: orgInput({ creditCode: department.creditCode }) },
      hr,
    );
    expect(errors![0].extensions).toMatchObject({ field: 'input.creditCode', rule: 'unique' });
  });

  it('an unknown id to update is NOT_FOUND naming the field', async () => {
    const { errors } = await people.query(
      UPDATE_ORG,
      { id: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } },
      hr,
    );
    expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('races', () => {
  it('two concurrent creates of one ID number: one is written, the other is refused as not unique', async () => {
    const input = personInput({
      idNumber: idNumber('99072219850615001'),
      birthDate: '1985-06-15',
      gender: 'MALE',
    });
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => people.query<any>(CREATE_PERSON, { input }, hr)),
    );
    const written = results.filter((r) => r.data?.createPerson);
    const refused = results.filter((r) => r.errors);
    expect(written).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.idNumber',
        rule: 'unique',
      });
    }
    const after = await count();
    expect(after[2]).toBe(before[2] + 1);
  });

  it('a unique violation the checks did not see (a race) still answers as bad input naming the field', async () => {
    const em = people.orm.em.fork();
    const twin = city.people[1];
    const error = await em.insert(Person, { ...twin, id: '00000000-0000-4000-8000-0000000000aa' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UniqueConstraintViolationException);
    const formatted = formatSubgraphError({ message: String(error) }, error);
    expect(formatted.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.idNumber',
      rule: 'unique',
    });
    expect(formatted.message).not.toMatch(/insert|duplicate key|person_id_number/);
  });
});

describe('who may write', () => {
  it('refuses a write without a token (UNAUTHENTICATED) and with a role that may not write (FORBIDDEN), writing nothing', async () => {
    const before = await count();
    const anonymous = await people.query(CREATE_ORG, { input: orgInput() });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const role of ['leader', 'reform-office', 'auditor', `department:${department.id}`]) {
      const refused = await people.query(CREATE_ORG, { input: orgInput() }, as.role(role));
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        allowedRoles: expect.any(Array),
      });
    }
    expect(await count()).toEqual(before);
  });

  it('lets a township create organisations inside it and nowhere else', async () => {
    const inside = await people.query<any>(
      CREATE_ORG,
      {
        input: orgInput({
          name: '便民服务站',
          type: 'SERVICE_CENTER',
          regionCode: township.code,
          creditCode: creditCode('12990722MB0000003'),
        }),
      },
      as.role(`township:${township.code}`),
    );
    expect(inside.errors).toBeUndefined();
    expect(inside.data.createOrganization.region.code).toBe(township.code);
    const outside = await people.query(
      CREATE_ORG,
      {
        input: orgInput({
          type: 'SERVICE_CENTER',
          regionCode: otherTownship.code,
          creditCode: creditCode('12990722MB0000004'),
        }),
      },
      as.role(`township:${township.code}`),
    );
    expect(outside.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('lets a department manage its own people, and hr anyone', async () => {
    const own = await people.query<any>(
      CREATE_PERSON,
      { input: personInput() },
      as.role(`department:${department.id}`),
    );
    expect(own.errors).toBeUndefined();
    const other = city.organizations.find(
      (o) => o.type === 'GOVERNMENT_DEPARTMENT' && o.id !== department.id,
    )!;
    const foreign = await people.query(
      CREATE_PERSON,
      {
        input: personInput({
          organizationId: other.id,
          idNumber: idNumber('99072219900307011'),
          gender: 'MALE',
        }),
      },
      as.role(`department:${department.id}`),
    );
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const byHr = await people.query(
      CREATE_PERSON,
      {
        input: personInput({
          organizationId: other.id,
          idNumber: idNumber('99072219900307011'),
          gender: 'MALE',
        }),
      },
      hr,
    );
    expect(byHr.errors).toBeUndefined();
  });
});

describe('updates', () => {
  it('sets a leader only from the organisation’s own people', async () => {
    const outsider = city.people.find((p) => p.organizationId !== department.id)!;
    const refused = await people.query(
      UPDATE_ORG,
      { id: department.id, input: { leaderId: outsider.id } },
      hr,
    );
    expect(refused.errors![0].extensions).toMatchObject({ field: 'input.leaderId', rule: 'member' });
    const accepted = await people.query<any>(
      UPDATE_ORG,
      { id: department.id, input: { leaderId: departmentMember.id } },
      as.role(`department:${department.id}`),
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.updateOrganization.leader.id).toBe(departmentMember.id);
  });

  it('re-checks the whole record: a new ID number must agree with the stored birth date', async () => {
    const UPDATE = `mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id idNumber } }`;
    const mismatched = idNumber(
      `990722${departmentMember.birthDate.replace(/-/g, '') === '19800101' ? '19800102' : '19800101'}001`,
    );
    const refused = await people.query(
      UPDATE,
      { id: departmentMember.id, input: { idNumber: mismatched } },
      hr,
    );
    expect(refused.errors![0].extensions).toMatchObject({
      field: 'input.birthDate',
      rule: 'matches-id-number',
    });
    const renamed = await people.query<any>(
      UPDATE,
      { id: departmentMember.id, input: { position: '副科长' } },
      hr,
    );
    expect(renamed.errors).toBeUndefined();
  });

  it('creates and renames a region under an existing parent only', async () => {
    const created = await people.query<any>(
      'mutation { createRegion(input: { code: "990722001999", name: "新社区" }) { code level parent { code } } }',
      {},
      hr,
    );
    expect(created.data?.createRegion ?? created.errors).toEqual({
      code: '990722001999',
      level: 'VILLAGE',
      parent: { code: '990722001' },
    });
    const orphan = await people.query(
      'mutation { createRegion(input: { code: "990722999001", name: "x" }) { code } }',
      {},
      hr,
    );
    expect(orphan.errors![0].extensions).toMatchObject({ field: 'input.code', rule: 'parent-exists' });
    const renamed = await people.query<any>(
      'mutation { updateRegion(code: "990722001999", input: { name: "新城社区" }) { name } }',
      {},
      hr,
    );
    expect(renamed.data.updateRegion.name).toBe('新城社区');
  });
});
