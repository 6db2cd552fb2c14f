import { generateDemoCity } from '@county/demo-data';
import { OrganizationType, PersonRole } from '@county/domain';
import { ConfigError } from '@county/kit';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { careerSettings, monthlyBasePay, seniorityLevel, serviceYears } from '../src/community-worker/career';
import { CommunityPostType, Education } from '../src/workforce/vocabulary';

let people: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const communities = city.organizations.filter((o) => o.type === OrganizationType.COMMUNITY_COMMITTEE);
const community = communities[0];
const gridWorkers = city.people.filter(
  (p) => p.roles.includes(PersonRole.GRID_WORKER) && communities.some((c) => c.id === p.organizationId),
);
const department = city.organizations.find((o) => o.type === OrganizationType.GOVERNMENT_DEPARTMENT)!;
const township = city.organizations.find((o) => o.type === OrganizationType.TOWNSHIP_GOVERNMENT)!;
const cadre = city.people.find((p) => p.organizationId === department.id)!;
const hr = as.role('hr');

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

const count = async (table: string) =>
  (await people.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`))[0].n as number;

async function refused(
  query: string,
  variables: Record<string, unknown>,
  expected: Record<string, unknown>,
  table: string,
) {
  const before = await count(table);
  const { data, errors } = await people.query(query, variables, hr);
  expect(errors?.[0]?.extensions).toMatchObject(expected);
  expect(data ? Object.values(data)[0] : null).toBeNull();
  expect(await count(table)).toBe(before);
}

const CREATE_WORKER = `mutation ($input: CreateCommunityWorkerInput!) { createCommunityWorker(input: $input) { id level version } }`;
const SET_QUOTA = `mutation ($org: ID!, $quota: Int!, $version: Int) { setCommunityQuota(organizationId: $org, quota: $quota, version: $version) { quota filled vacancies version } }`;
const QUOTA = `query ($org: ID!) { communityQuota(organizationId: $org) { quota filled vacancies version } }`;
const worker = (personId: string, level = 3, postType = 'OTHER') => ({
  personId,
  organizationId: community.id,
  postType,
  level,
  hiredOn: '2019-03-01',
  education: 'BACHELOR',
});

async function quotaOf(org: string) {
  const { data } = await people.query<any>(QUOTA, { org }, hr);
  return data.communityQuota as { quota: number; filled: number; vacancies: number; version: number };
}

describe('community workers: 三岗十八级 and 员额', () => {
  it.each([
    ['OTHER', 13, '1–12'],
    ['DEPUTY', 3, '4–15'],
    ['HEAD', 6, '7–18'],
  ])('refuses a %s post at level %i (range %s), naming input.level', async (postType, level, range) => {
    const before = await people.query<any>(QUOTA, { org: community.id }, hr);
    await refused(
      CREATE_WORKER,
      { input: worker(gridWorkers[0].id, level, postType) },
      { code: 'BAD_USER_INPUT', field: 'input.level', rule: 'post-range' },
      'community_worker',
    );
    const { errors } = await people.query(
      CREATE_WORKER,
      { input: worker(gridWorkers[0].id, level, postType) },
      hr,
    );
    expect(errors![0].message).toContain(range);
    expect((await people.query<any>(QUOTA, { org: community.id }, hr)).data).toEqual(before.data);
  });

  it('refuses a hire beyond the quota, and a quota below the workers on the roll', async () => {
    const quota = await quotaOf(community.id);
    expect(quota.vacancies).toBeGreaterThan(0);
    const full = await people.query<any>(
      SET_QUOTA,
      { org: community.id, quota: quota.filled, version: quota.version },
      hr,
    );
    expect(full.data.setCommunityQuota).toMatchObject({
      quota: quota.filled,
      vacancies: 0,
      version: quota.version + 1,
    });
    await refused(
      CREATE_WORKER,
      { input: worker(gridWorkers[0].id) },
      { code: 'BAD_USER_INPUT', field: 'input.organizationId', rule: 'quota' },
      'community_worker',
    );
    await refused(
      SET_QUOTA,
      { org: community.id, quota: quota.filled - 1, version: quota.version + 1 },
      { code: 'BAD_USER_INPUT', field: 'quota', rule: 'not-below-filled' },
      'community_quota',
    );
    expect((await quotaOf(community.id)).quota).toBe(quota.filled);
  });

  it('refuses a stale quota version as a conflict naming version, and a change without one', async () => {
    const quota = await quotaOf(community.id);
    const { errors } = await people.query(
      SET_QUOTA,
      { org: community.id, quota: quota.quota + 5, version: quota.version - 1 },
      hr,
    );
    expect(errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const missing = await people.query(SET_QUOTA, { org: community.id, quota: quota.quota + 5 }, hr);
    expect(missing.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'version',
      rule: 'required',
    });
    expect(await quotaOf(community.id)).toEqual(quota);
  });

  it('gives the last vacancy to exactly one of two concurrent hires', async () => {
    const quota = await quotaOf(community.id);
    await people.query(SET_QUOTA, { org: community.id, quota: quota.filled + 1, version: quota.version }, hr);
    const results = await Promise.all(
      [gridWorkers[0], gridWorkers[1]].map((p) =>
        people.query<any>(CREATE_WORKER, { input: worker(p.id) }, hr),
      ),
    );
    expect(results.filter((r) => r.data?.createCommunityWorker).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.rule === 'quota').length).toBe(1);
    expect(await quotaOf(community.id)).toMatchObject({ filled: quota.filled + 1, vacancies: 0 });
  });

  it('refuses a community worker outside a 居民委员会 and a person already on a roll', async () => {
    await refused(
      CREATE_WORKER,
      { input: { ...worker(gridWorkers[2].id), organizationId: department.id } },
      { code: 'BAD_USER_INPUT', field: 'input.organizationId', rule: 'community' },
      'community_worker',
    );
    const onRoll = city.people.find(
      (p) => p.organizationId === community.id && p.roles.includes(PersonRole.COMMUNITY_WORKER),
    )!;
    await refused(
      CREATE_WORKER,
      { input: worker(onRoll.id) },
      { code: 'BAD_USER_INPUT', field: 'input.personId', rule: 'unique' },
      'community_worker',
    );
  });

  it('checks the whole record on update: a new post type must still hold the level; a stale version conflicts', async () => {
    const { data } = await people.query<any>(
      '{ communityWorkers(postType: OTHER, level: 2, first: 1) { nodes { id version level } } }',
      {},
      hr,
    );
    const { id, version } = data.communityWorkers.nodes[0];
    const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateCommunityWorkerInput!) { updateCommunityWorker(id: $id, version: $version, input: $input) { postType level version } }`;
    await refused(
      UPDATE,
      { id, version, input: { postType: 'HEAD' } },
      { field: 'input.level', rule: 'post-range' },
      'community_worker',
    );
    await refused(
      UPDATE,
      { id, version: version + 7, input: { level: 3 } },
      { code: 'CONFLICT', field: 'version' },
      'community_worker',
    );
    const ok = await people.query<any>(UPDATE, { id, version, input: { postType: 'HEAD', level: 7 } }, hr);
    expect(ok.data.updateCommunityWorker).toEqual({ postType: 'HEAD', level: 7, version: version + 1 });
    const again = await people.query(UPDATE, { id, version, input: { level: 8 } }, hr);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
  });
});

describe('secondments', () => {
  const CREATE = `mutation ($input: CreateSecondmentInput!) { createSecondment(input: $input) { id version secondAssessmentGrade } }`;
  const input = (startsOn: string, endsOn: string, to = township.id) => ({
    personId: cadre.id,
    fromOrganizationId: department.id,
    toOrganizationId: to,
    front: 'TOWNSHIP',
    recommendedBy: 'SENDING_UNIT',
    startsOn,
    endsOn,
  });

  it.each([
    ['before', '2025-01-01', '2024-12-31'],
    ['on the day', '2025-01-01', '2025-01-01'],
  ])('refuses a secondment ending %s it starts, naming input.endsOn', async (_label, startsOn, endsOn) => {
    await refused(
      CREATE,
      { input: input(startsOn, endsOn) },
      { code: 'BAD_USER_INPUT', field: 'input.endsOn', rule: 'after-start' },
      'secondment',
    );
  });

  it('refuses a secondment to the cadre’s own unit', async () => {
    await refused(
      CREATE,
      { input: input('2025-01-01', '2026-01-01', department.id) },
      { field: 'input.toOrganizationId', rule: 'not-same' },
      'secondment',
    );
  });

  it('records the second assessment with the version read; a stale version or a period turned round is refused', async () => {
    const created = await people.query<any>(CREATE, { input: input('2025-01-01', '2026-01-01') }, hr);
    const { id, version } = created.data.createSecondment;
    const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateSecondmentInput!) { updateSecondment(id: $id, version: $version, input: $input) { endsOn secondAssessmentGrade secondAssessmentScore version } }`;
    await refused(
      UPDATE,
      { id, version, input: { endsOn: '2024-06-30' } },
      { field: 'input.endsOn', rule: 'after-start' },
      'secondment',
    );
    const ok = await people.query<any>(
      UPDATE,
      { id, version, input: { secondAssessmentGrade: 'EXCELLENT', secondAssessmentScore: 95 } },
      hr,
    );
    expect(ok.data.updateSecondment).toEqual({
      endsOn: '2026-01-01',
      secondAssessmentGrade: 'EXCELLENT',
      secondAssessmentScore: 95,
      version: version + 1,
    });
    const stale = await people.query(UPDATE, { id, version, input: { secondAssessmentScore: 20 } }, hr);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const { data } = await people.query<any>(
      '{ secondments(first: 100, current: false) { nodes { id secondAssessmentScore } } }',
      {},
      hr,
    );
    expect(data.secondments.nodes.find((s: { id: string }) => s.id === id).secondAssessmentScore).toBe(95);
  });
});

describe('yearly assessments', () => {
  const CREATE = `mutation ($input: CreateAnnualAssessmentInput!) { createAnnualAssessment(input: $input) { id version grade bonusEligible promotionEligible } }`;
  const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateAnnualAssessmentInput!) { updateAnnualAssessment(id: $id, version: $version, input: $input) { grade version bonusEligible } }`;
  const grid = () => gridWorkers[3];

  it('allows one assessment per person and year, and derives bonus and promotion from the grade', async () => {
    const input = {
      personId: grid().id,
      year: 2023,
      qualitativeScore: 93,
      quantitativeScore: 95,
      grade: 'EXCELLENT',
    };
    const first = await people.query<any>(CREATE, { input }, hr);
    expect(first.data.createAnnualAssessment).toMatchObject({
      bonusEligible: true,
      promotionEligible: true,
      version: 1,
    });
    await refused(
      CREATE,
      { input: { ...input, grade: 'COMPETENT' } },
      { code: 'BAD_USER_INPUT', field: 'input.year', rule: 'one-per-year' },
      'assessment',
    );
    const { id, version } = first.data.createAnnualAssessment;
    await refused(
      UPDATE,
      { id, version: version + 1, input: { grade: 'INCOMPETENT' } },
      { code: 'CONFLICT', field: 'version' },
      'assessment',
    );
    const changed = await people.query<any>(
      UPDATE,
      { id, version, input: { grade: 'BASICALLY_COMPETENT' } },
      hr,
    );
    expect(changed.data.updateAnnualAssessment).toEqual({
      grade: 'BASICALLY_COMPETENT',
      version: 2,
      bonusEligible: false,
    });
  });

  it.each([
    [{ qualitativeScore: 101 }, 'input.qualitativeScore', 'max'],
    [{ year: 1999 }, 'input.year', 'min'],
  ])('refuses %j, naming the field', async (change, field, rule) => {
    const input = {
      personId: grid().id,
      year: 2022,
      qualitativeScore: 80,
      quantitativeScore: 80,
      grade: 'COMPETENT',
      ...change,
    };
    await refused(CREATE, { input }, { field, rule }, 'assessment');
  });
});

describe('who may write', () => {
  const CREATE = `mutation ($input: CreateAnnualAssessmentInput!) { createAnnualAssessment(input: $input) { id } }`;
  const input = {
    personId: cadre.id,
    year: 2023,
    qualitativeScore: 80,
    quantitativeScore: 80,
    grade: 'COMPETENT',
  };

  it('refuses anyone but hr, and the anonymous viewer, writing nothing', async () => {
    const before = await count('assessment');
    const township = await people.query(CREATE, { input }, as.role(`department:${department.id}`, 'leader'));
    expect(township.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', allowedRoles: ['hr'] });
    const anonymous = await people.query(CREATE, { input });
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await count('assessment')).toBe(before);
  });
});

describe('training', () => {
  it('records attendance up to the course’s hours, once per person', async () => {
    const course = await people.query<any>(
      `mutation ($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id hours } }`,
      {
        input: {
          title: '网格员业务培训',
          organizerId: department.id,
          audience: 'COMMUNITY_WORKERS',
          startsOn: '2026-03-02',
          endsOn: '2026-03-03',
          hours: 12,
        },
      },
      hr,
    );
    const courseId = course.data.createTrainingCourse.id;
    const RECORD = `mutation ($input: RecordAttendanceInput!) { recordTrainingAttendance(input: $input) { hours course { attendeeCount hoursAttended } } }`;
    await refused(
      RECORD,
      { input: { courseId, personId: cadre.id, hours: 13 } },
      { field: 'input.hours', rule: 'max' },
      'training_attendance',
    );
    const ok = await people.query<any>(RECORD, { input: { courseId, personId: cadre.id, hours: 12 } }, hr);
    expect(ok.data.recordTrainingAttendance).toEqual({
      hours: 12,
      course: { attendeeCount: 1, hoursAttended: 12 },
    });
    await refused(
      RECORD,
      { input: { courseId, personId: cadre.id, hours: 6 } },
      { field: 'input.personId', rule: 'unique' },
      'training_attendance',
    );
  });
});

describe('career rules (configurable per province)', () => {
  const on = new Date('2026-01-01T00:00:00Z');

  it('credits education as years of service: bachelor 3, master 5, doctorate 7 by default', () => {
    expect(serviceYears('2020-01-01', Education.HIGH_SCHOOL, on)).toBe(6);
    expect(serviceYears('2020-01-01', Education.BACHELOR, on)).toBe(9);
    expect(serviceYears('2020-01-01', Education.MASTER, on)).toBe(11);
    expect(serviceYears('2020-01-01', Education.DOCTORATE, on)).toBe(13);
  });

  it('steps a level every three years of service from the post’s lowest, capped at its highest', () => {
    expect(seniorityLevel(CommunityPostType.OTHER, '2020-01-01', Education.BACHELOR, on)).toBe(4);
    expect(seniorityLevel(CommunityPostType.HEAD, '2020-01-01', Education.BACHELOR, on)).toBe(10);
    expect(seniorityLevel(CommunityPostType.DEPUTY, '1990-01-01', Education.DOCTORATE, on)).toBe(15);
  });

  it('derives pay from the level alone', () => {
    expect(monthlyBasePay(1)).toBe(3000);
    expect(monthlyBasePay(18)).toBe(5550);
  });

  it('reads other credits from the environment and names a wrong variable', () => {
    const settings = careerSettings({
      COMMUNITY_WORKER_EDUCATION_CREDIT: 'BACHELOR=2,MASTER=4',
      COMMUNITY_WORKER_YEARS_PER_LEVEL: '2',
    });
    expect(serviceYears('2020-01-01', Education.MASTER, on, settings)).toBe(10);
    expect(seniorityLevel(CommunityPostType.OTHER, '2020-01-01', Education.MASTER, on, settings)).toBe(6);
    expect(() => careerSettings({ COMMUNITY_WORKER_EDUCATION_CREDIT: 'PHD=9' })).toThrow(ConfigError);
    expect(() => careerSettings({ COMMUNITY_WORKER_EDUCATION_CREDIT: 'PHD=9' })).toThrow(
      /COMMUNITY_WORKER_EDUCATION_CREDIT/,
    );
  });
});

describe('cadre records', () => {
  const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateCadreInput!) { updateCadre(id: $id, version: $version, input: $input) { rank countyLeader version } }`;

  it('keeps the county-leader mark and the rank in agreement, with optimistic locking', async () => {
    const { data } = await people.query<any>(
      '{ cadres(countyLeader: false, rank: STAFF, first: 1) { nodes { id version } } }',
      {},
      hr,
    );
    const { id, version } = data.cadres.nodes[0];
    await refused(
      UPDATE,
      { id, version, input: { countyLeader: true } },
      { field: 'input.countyLeader', rule: 'county-rank' },
      'cadre',
    );
    const ok = await people.query<any>(UPDATE, { id, version, input: { rank: 'SECTION_DEPUTY' } }, hr);
    expect(ok.data.updateCadre).toEqual({
      rank: 'SECTION_DEPUTY',
      countyLeader: false,
      version: version + 1,
    });
    const stale = await people.query(UPDATE, { id, version, input: { rank: 'STAFF' } }, hr);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
  });
});
