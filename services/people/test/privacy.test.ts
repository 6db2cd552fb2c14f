// budgets small enough to spend in a test; read once, when the first ID number is checked
process.env.ID_NUMBER_REFUSALS_PER_HOUR = '3';
process.env.ID_NUMBER_CHECKS_PER_DAY = '4';

import { idNumberCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { Identity } from '@county/kit';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const department = city.organizations.find((o) => o.type === 'GOVERNMENT_DEPARTMENT')!;
const member = city.people.find((p) => p.organizationId === department.id && p.id !== department.leaderId)!;
const [township] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const outsider = city.people.find((p) =>
  city.organizations.find((o) => o.id === p.organizationId)!.regionCode.startsWith(township.code),
)!;
const hr = as.role('hr');
/** A department writer: may write its own people, and reads ID numbers masked. */
const clerk = (name: string) => Identity.fromClaims({ sub: name, roles: [`department:${department.id}`] });

const idNumber = (body17: string) => body17 + idNumberCheckChar(body17);
const CREATE = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`;
/** A new person in the clerk's department, with the ID number (and the birth date and gender it encodes). */
const personWith = (holder: { idNumber: string; birthDate: string; gender: string }) => ({
  name: '林晓雯',
  gender: holder.gender,
  birthDate: holder.birthDate,
  roles: ['CADRE'],
  organizationId: department.id,
  position: '科员',
  phone: '13912345678',
  idNumber: holder.idNumber,
});
const fresh = (n: number) => ({
  idNumber: idNumber(`9907221990030700${n}`),
  birthDate: '1990-03-07',
  gender: n % 2 ? 'MALE' : 'FEMALE',
});
const peopleCount = async () =>
  people.orm.em.fork().getConnection().execute('select count(*)::int as n from person');

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

describe('an ID number already in the directory is not an oracle for writers without hr', () => {
  it('answers a department writer the same for any number in use, without saying it belongs to someone', async () => {
    const attempts = [
      await people.query(CREATE, { input: personWith(outsider) }, clerk('clerk-same')),
      await people.query(CREATE, { input: personWith(member) }, clerk('clerk-same')),
      await people.query(
        UPDATE,
        {
          id: member.id,
          input: { idNumber: outsider.idNumber, birthDate: outsider.birthDate, gender: outsider.gender },
        },
        clerk('clerk-same'),
      ),
    ];
    for (const { errors, data } of attempts) {
      expect(data).toBeNull();
      expect(errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.idNumber',
        rule: 'usable',
      });
      expect(errors![0].message).toBe(attempts[0].errors![0].message);
      expect(errors![0].message).not.toMatch(/another person|unique|already|belongs/);
    }
  });

  it('still tells hr precisely', async () => {
    const { errors } = await people.query(CREATE, { input: personWith(outsider) }, hr);
    expect(errors![0].extensions).toMatchObject({ field: 'input.idNumber', rule: 'unique' });
    expect(errors![0].message).toContain('belongs to another person');
  });

  it('stops looking ID numbers up for a caller after ID_NUMBER_REFUSALS_PER_HOUR refusals, other callers unaffected', async () => {
    const prober = clerk('clerk-prober');
    for (let i = 0; i < 3; i++) {
      const { errors } = await people.query(CREATE, { input: personWith(outsider) }, prober);
      expect(errors![0].extensions).toMatchObject({ rule: 'usable' });
    }
    const before = await peopleCount();
    // a number in use and a free one get the same answer now: nothing is looked up, nothing written
    for (const holder of [outsider, fresh(1)]) {
      const { errors, data } = await people.query(CREATE, { input: personWith(holder) }, prober);
      expect(data).toBeNull();
      expect(errors![0].extensions).toMatchObject({
        code: 'RATE_LIMITED',
        limit: 'ID_NUMBER_REFUSALS_PER_HOUR',
        retryAfterSeconds: expect.any(Number),
      });
    }
    expect(await peopleCount()).toEqual(before);
    const other = await people.query<any>(CREATE, { input: personWith(fresh(2)) }, clerk('clerk-other'));
    expect(other.errors).toBeUndefined();
    expect(other.data.createPerson.id).toEqual(expect.any(String));
  });

  it('keeps concurrent probes inside the refusal budget', async () => {
    const prober = clerk('clerk-concurrent');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => people.query(CREATE, { input: personWith(member) }, prober)),
    );
    const codes = answers.map(({ errors }) => errors![0].extensions!.rule ?? errors![0].extensions!.code);
    expect(codes.filter((code) => code === 'usable')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(5);
  });

  it('counts every ID number a caller has checked (ID_NUMBER_CHECKS_PER_DAY): a free number answers too', async () => {
    const searcher = clerk('clerk-searcher');
    for (const n of [3, 4, 5, 6]) {
      const { errors } = await people.query(CREATE, { input: personWith(fresh(n)) }, searcher);
      expect(errors).toBeUndefined();
    }
    const { errors, data } = await people.query(CREATE, { input: personWith(fresh(7)) }, searcher);
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'ID_NUMBER_CHECKS_PER_DAY' });
    // hr keeps the directory without a budget
    expect((await people.query(CREATE, { input: personWith(fresh(7)) }, hr)).errors).toBeUndefined();
  });
});

const GRADES = `query ($code: ID!) { region(code: $code) { workforceStats(year: 2025) {
  assessmentGrades { year excellent competent basicallyCompetent incompetent suppressed }
  peopleByRole { role count }
} } }`;

/**
 * A village where only two people were assessed in 2025: the demo assesses five or more everywhere, so three
 * of one village's 2025 assessments are removed.
 */
async function villageWithTwoAssessed(): Promise<string> {
  const connection = people.orm.em.fork().getConnection();
  const inVillage = `select a.id from assessment a join person p on p.id = a.person_id
    join organization o on o.id = p.organization_id where a.year = 2025 and o.region_code = ?`;
  const [{ code }] = await connection.execute<{ code: string }[]>(
    `select o.region_code as code from organization o where length(o.region_code) = 12 order by 1 limit 1`,
  );
  const ids = (await connection.execute<{ id: string }[]>(inVillage, [code])).map((row) => row.id);
  expect(ids.length).toBeGreaterThan(2);
  await connection.execute('delete from assessment where id in (?)', [ids.slice(2)]);
  return code;
}

describe('workforceStats withholds assessment grades counted over fewer than STATS_MIN_GROUP_SIZE (5) people', () => {
  it('suppresses a village’s few grades for the anonymous viewer and a township writer, not for hr', async () => {
    const village = await villageWithTwoAssessed();
    for (const caller of [as.anonymous, as.role(`township:${village.slice(0, 9)}`)]) {
      const { data, errors } = await people.query<any>(GRADES, { code: village }, caller);
      expect(errors).toBeUndefined();
      expect(data.region.workforceStats.assessmentGrades).toEqual({
        year: 2025,
        excellent: null,
        competent: null,
        basicallyCompetent: null,
        incompetent: null,
        suppressed: true,
      });
      // statistics of facts anyone may read stay
      expect(data.region.workforceStats.peopleByRole.length).toBeGreaterThan(0);
    }
    const { data } = await people.query<any>(GRADES, { code: village }, hr);
    const grades = data.region.workforceStats.assessmentGrades;
    expect(grades.suppressed).toBe(false);
    expect(grades.excellent + grades.competent + grades.basicallyCompetent + grades.incompetent).toBe(2);
  });

  it('shows a region’s grades to everyone once enough people were assessed', async () => {
    const { data } = await people.query<any>(GRADES, { code: DEMO_COUNTY_CODE });
    const grades = data.region.workforceStats.assessmentGrades;
    expect(grades.suppressed).toBe(false);
    expect(
      grades.excellent + grades.competent + grades.basicallyCompetent + grades.incompetent,
    ).toBeGreaterThanOrEqual(5);
  });
});
