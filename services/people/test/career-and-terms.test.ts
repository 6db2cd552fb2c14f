import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { creditCodeCheckChar, OrganizationType, PersonRole } from '@county/domain';
import type { Claims } from '@county/kit';
import { startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';

/*
 * Through the gateway: regions(parentCode:) with an unknown parent, the 三岗十八级 level ranges as data a
 * province sets, village cadres' posts and terms written with their rules, and what an update's null does to
 * each workforce record (clears what the record may lack, refused for what it needs).
 */

let people: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const PROVINCE = `${DEMO_COUNTY_CODE.slice(0, 2)}0000`;
const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE)!;
const village = city.regions.find((r) => r.parentCode === township.code)!;
const villageCadres = city.people.filter(
  (p) =>
    p.roles.includes(PersonRole.VILLAGE_CADRE) &&
    city.organizations.find((o) => o.id === p.organizationId)?.type === OrganizationType.VILLAGE_COMMITTEE,
);
const cadre = villageCadres[0];
const otherCommittee = city.organizations.find(
  (o) => o.type === OrganizationType.VILLAGE_COMMITTEE && o.id !== cadre.organizationId,
)!;
const department = city.organizations.find((o) => o.type === OrganizationType.GOVERNMENT_DEPARTMENT)!;

const claims = (...roles: string[]): Claims => ({ sub: `test-${roles.join('+')}`, roles });
const hr = claims('hr');
const townshipRole = claims(`township:${township.code}`);

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  people.orm.em.fork().getConnection().execute<T[]>(text, params);
const rowsOf = async (table: string) => JSON.stringify(await sql(`select * from ${table} order by id`));

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  caller: Claims | undefined,
  expected: Record<string, unknown>,
  table: string,
) {
  const before = await rowsOf(table);
  const { data, errors } = await gateway.query<any>(query, variables, { claims: caller });
  expect(data ? Object.values(data)[0] : null).toBeNull();
  expect(errors![0].extensions).toMatchObject(expected);
  expect(errors![0].message).not.toMatch(/Invalid input|expected|select |insert |update /);
  expect(await rowsOf(table)).toBe(before);
}
async function write(query: string, variables: Record<string, unknown>, caller: Claims = hr) {
  const { data, errors } = await gateway.query<any>(query, variables, { claims: caller });
  expect(errors).toBeUndefined();
  return data;
}

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway?.stop();
  await people?.close();
});

describe('regions(parentCode:)', () => {
  const REGIONS = `query ($code: ID) { regions(parentCode: $code) { code } }`;

  it('answers NOT_FOUND naming parentCode when no region has the code', async () => {
    const { data, errors } = await gateway.query<any>(REGIONS, { code: '990799' });
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentCode' });
    expect(errors![0].message).toContain('990799');
  });

  it('lists a known region’s children, and none for a village (as Region.children does)', async () => {
    const county = await write(REGIONS, { code: DEMO_COUNTY_CODE });
    expect(county.regions.map((r: { code: string }) => r.code)).toContain(township.code);
    expect(await write(REGIONS, { code: village.code })).toEqual({ regions: [] });
  });
});

describe('三岗十八级: level ranges a province sets, as data hr keeps', () => {
  const LEVELS = `query ($province: ID!) { communityPostLevels(provinceCode: $province) {
    postType min max setByProvince version } }`;
  const SET = `mutation ($input: CommunityPostLevelsInput!, $version: Int) {
    setCommunityPostLevels(input: $input, version: $version) { postType min max setByProvince version } }`;
  const UPDATE_WORKER = `mutation ($id: ID!, $version: Int!, $input: UpdateCommunityWorkerInput!) {
    updateCommunityWorker(id: $id, version: $version, input: $input) { level levelRange { min max } version } }`;
  const range = (min: number, max: number, postType = 'OTHER') => ({
    provinceCode: PROVINCE,
    postType,
    min,
    max,
  });

  /** A demo community worker of the province on an OTHER post, at level `atLeast` or more. */
  const otherWorker = async (atLeast = 1) =>
    (
      await sql<{ id: string; level: number; version: number }>(
        `select id, level, version from community_worker where post_type = 'OTHER' and level >= ? order by level desc, id limit 1`,
        [atLeast],
      )
    )[0];

  it('answers the national guidance until the province sets its own', async () => {
    const { communityPostLevels } = await write(LEVELS, { province: PROVINCE });
    expect(communityPostLevels).toEqual([
      { postType: 'HEAD', min: 7, max: 18, setByProvince: false, version: null },
      { postType: 'DEPUTY', min: 4, max: 15, setByProvince: false, version: null },
      { postType: 'OTHER', min: 1, max: 12, setByProvince: false, version: null },
    ]);
  });

  it('lets hr widen a post’s range for the province; workers’ levels follow it', async () => {
    const worker = await otherWorker();
    // the national range stops at 12
    const before = await gateway.query<any>(
      UPDATE_WORKER,
      { id: worker.id, version: worker.version, input: { level: 13 } },
      { claims: hr },
    );
    expect(before.errors![0].extensions).toMatchObject({ field: 'input.level', rule: 'post-range' });

    const set = await write(SET, { input: range(1, 14) });
    expect(set.setCommunityPostLevels).toEqual({
      postType: 'OTHER',
      min: 1,
      max: 14,
      setByProvince: true,
      version: 1,
    });
    const updated = await write(UPDATE_WORKER, {
      id: worker.id,
      version: worker.version,
      input: { level: 13 },
    });
    expect(updated.updateCommunityWorker).toMatchObject({ level: 13, levelRange: { min: 1, max: 14 } });
    const audit = await write(
      `{ peopleAuditTrail(entity: "PostLevelRange", first: 5) { nodes { operation after } } }`,
      {},
      claims('auditor'),
    );
    expect(audit.peopleAuditTrail.nodes).toEqual([
      expect.objectContaining({ operation: 'create', after: expect.objectContaining({ min: 1, max: 14 }) }),
    ]);
  });

  it.each([
    [
      'a province code that is a county',
      range(1, 14),
      { provinceCode: '990722' },
      'input.provinceCode',
      'format',
    ],
    [
      'a province no region lies in',
      range(1, 14),
      { provinceCode: '110000' },
      'input.provinceCode',
      'exists',
    ],
    ['a lowest level above the highest', range(9, 8), {}, 'input.max', 'min-not-above-max'],
    ['level 19', range(1, 19), {}, 'input.max', 'max'],
  ])(
    'refuses %s (BAD_USER_INPUT naming field and rule), changing nothing',
    async (_l, input, change, field, rule) => {
      await expectRefused(
        SET,
        { input: { ...input, ...change }, version: 1 },
        hr,
        { code: 'BAD_USER_INPUT', field, rule },
        'community_post_level_range',
      );
    },
  );

  it('refuses a range that would leave a worker of the province outside, a change without its version, and a stale one', async () => {
    const high = await otherWorker(6);
    expect(high).toBeDefined();
    await expectRefused(
      SET,
      { input: range(1, high.level - 1), version: 1 },
      hr,
      { code: 'BAD_USER_INPUT', field: 'input.max', rule: 'covers-workers' },
      'community_post_level_range',
    );
    await expectRefused(
      SET,
      { input: range(1, 16) },
      hr,
      { code: 'BAD_USER_INPUT', field: 'version', rule: 'required' },
      'community_post_level_range',
    );
    await expectRefused(
      SET,
      { input: range(1, 16), version: 7 },
      hr,
      { code: 'CONFLICT', field: 'version', rule: 'current-version' },
      'community_post_level_range',
    );
  });

  it.each([
    ['a township', townshipRole, 'FORBIDDEN'],
    ['the anonymous viewer', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s: only hr sets the ranges', async (_label, caller, code) => {
    await expectRefused(
      SET,
      { input: range(1, 16), version: 1 },
      caller,
      { code },
      'community_post_level_range',
    );
  });
});

describe('village cadres: posts and terms written with their rules', () => {
  const CREATE = `mutation ($input: CreateVillageCadreTermInput!) { createVillageCadreTerm(input: $input) {
    id position termStart termEnd newlyElected version organization { id } person { id } } }`;
  const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateVillageCadreTermInput!) {
    updateVillageCadreTerm(id: $id, version: $version, input: $input) { id position termStart termEnd version } }`;
  const TERMS = `query ($id: ID!) { person(id: $id) { villageCadreTerms { id position termStart organization { id } } } }`;
  const term = (overrides: Record<string, unknown> = {}) => ({
    personId: cadre.id,
    organizationId: otherCommittee.id,
    position: '村务监督委员会委员',
    termStart: '2021-04-01',
    termEnd: '2026-03-31',
    newlyElected: true,
    ...overrides,
  });
  let created: { id: string; version: number };

  it('records a term in another village, and lists it with the person’s terms', async () => {
    const { createVillageCadreTerm } = await write(CREATE, { input: term() });
    expect(createVillageCadreTerm).toMatchObject({
      position: '村务监督委员会委员',
      termStart: '2021-04-01',
      termEnd: '2026-03-31',
      version: 1,
      organization: { id: otherCommittee.id },
      person: { id: cadre.id },
    });
    created = createVillageCadreTerm;
    const { person } = await write(TERMS, { id: cadre.id });
    expect(person.villageCadreTerms.map((t: { id: string }) => t.id)).toContain(created.id);
  });

  it('corrects a post with the version read, and refuses a stale version', async () => {
    const { updateVillageCadreTerm } = await write(UPDATE, {
      id: created.id,
      version: created.version,
      input: { position: '村委会委员' },
    });
    expect(updateVillageCadreTerm).toMatchObject({ position: '村委会委员', version: 2 });
    await expectRefused(
      UPDATE,
      { id: created.id, version: 1, input: { position: '村委会主任' } },
      hr,
      { code: 'CONFLICT', field: 'version', rule: 'current-version' },
      'village_cadre_term',
    );
  });

  it.each([
    ['an end before the start', { termEnd: '2021-03-01' }, 'input.termEnd', 'after-start'],
    [
      'a term longer than five years',
      { termStart: '2015-04-01', termEnd: '2021-04-02' },
      'input.termEnd',
      'term-length',
    ],
    [
      'a government department for a village',
      { organizationId: department.id },
      'input.organizationId',
      'village-committee',
    ],
    [
      'a second post overlapping one in the same village',
      { organizationId: cadre.organizationId, termStart: '2027-01-01', termEnd: '2031-12-31' },
      'input.termStart',
      'one-post-per-village',
    ],
    ['an empty post', { position: '  ' }, 'input.position', 'min'],
    ['a date that is no date', { termStart: '2021-02-30' }, 'input.termStart', 'format'],
  ])(
    'refuses %s (BAD_USER_INPUT naming field and rule), changing nothing',
    async (_l, change, field, rule) => {
      await expectRefused(
        CREATE,
        { input: term(change) },
        hr,
        { code: 'BAD_USER_INPUT', field, rule },
        'village_cadre_term',
      );
    },
  );

  it('refuses a correction that makes two posts in one village overlap', async () => {
    // the demo's current term of the cadre in their own village runs 2026-04-01 – 2031-03-31
    const { createVillageCadreTerm: earlier } = await write(CREATE, {
      input: term({ organizationId: cadre.organizationId, termStart: '2021-06-01', termEnd: '2026-03-31' }),
    });
    await expectRefused(
      UPDATE,
      { id: earlier.id, version: earlier.version, input: { termEnd: '2026-05-31' } },
      hr,
      { code: 'BAD_USER_INPUT', field: 'input.termStart', rule: 'one-post-per-village' },
      'village_cadre_term',
    );
  });

  it.each([
    ['a township', townshipRole, 'FORBIDDEN'],
    ['the anonymous viewer', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s: only hr writes village cadres’ terms', async (_label, caller, code) => {
    await expectRefused(
      CREATE,
      { input: term({ termStart: '2011-04-01', termEnd: '2016-03-31' }) },
      caller,
      { code },
      'village_cadre_term',
    );
    await expectRefused(
      UPDATE,
      { id: created.id, version: 2, input: { position: '村委会主任' } },
      caller,
      { code },
      'village_cadre_term',
    );
  });
});

describe('an update’s null: clears what a record may lack, refused for what it needs', () => {
  const auditor = claims('auditor');
  const townshipOrg = city.organizations.find((o) => o.type === OrganizationType.TOWNSHIP_GOVERNMENT)!;
  const departmentMember = city.people.find((p) => p.organizationId === department.id)!;
  const trailOf = async (entity: string, entityId: string) => {
    const { peopleAuditTrail } = await write(
      `query ($entity: String, $id: String) {
        peopleAuditTrail(entity: $entity, entityId: $id, first: 10) { nodes { operation before after } } }`,
      { entity, id: entityId },
      auditor,
    );
    return peopleAuditTrail.nodes as { operation: string; before: any; after: any }[];
  };

  it('clears a secondment’s second assessment; the trail records the clear, the grade and score masked', async () => {
    const { createSecondment } = await write(
      `mutation ($input: CreateSecondmentInput!) { createSecondment(input: $input) { id version } }`,
      {
        input: {
          personId: departmentMember.id,
          fromOrganizationId: department.id,
          toOrganizationId: townshipOrg.id,
          front: 'TOWNSHIP',
          recommendedBy: 'SENDING_UNIT',
          startsOn: '2024-03-01',
          endsOn: '2025-03-01',
        },
      },
    );
    const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateSecondmentInput!) {
      updateSecondment(id: $id, version: $version, input: $input) { startsOn secondAssessmentGrade secondAssessmentScore version } }`;
    const { id } = createSecondment;
    await write(UPDATE, {
      id,
      version: 1,
      input: { secondAssessmentGrade: 'COMPETENT', secondAssessmentScore: 82 },
    });
    await expectRefused(
      UPDATE,
      { id, version: 2, input: { startsOn: null, secondAssessmentScore: null } },
      hr,
      { code: 'BAD_USER_INPUT', field: 'input.startsOn', rule: 'required' },
      'secondment',
    );
    const { updateSecondment } = await write(UPDATE, {
      id,
      version: 2,
      input: { secondAssessmentGrade: null, secondAssessmentScore: null },
    });
    expect(updateSecondment).toEqual({
      startsOn: '2024-03-01',
      secondAssessmentGrade: null,
      secondAssessmentScore: null,
      version: 3,
    });
    const [row] = await sql(
      'select second_assessment_grade, second_assessment_score from secondment where id = ?',
      [id],
    );
    expect(row).toEqual({ second_assessment_grade: null, second_assessment_score: null });
    const clear = (await trailOf('Secondment', id)).find(
      (n) => n.operation === 'update' && n.after?.secondAssessmentGrade === null,
    );
    expect(clear).toMatchObject({
      operation: 'update',
      before: { secondAssessmentGrade: '***', secondAssessmentScore: '***' },
      after: { secondAssessmentGrade: null, secondAssessmentScore: null },
    });
  });

  it('clears an organisation’s parent, and a committee’s credit code; a department’s is refused as required', async () => {
    const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const UPDATE_ORG = `mutation ($id: ID!, $input: UpdateOrganizationInput!) {
      updateOrganization(id: $id, input: $input) { name creditCode parent { id } } }`;
    const code = (body17: string) => body17 + creditCodeCheckChar(body17);
    const { createOrganization: office } = await write(CREATE_ORG, {
      input: {
        name: '县档案馆',
        type: 'GOVERNMENT_DEPARTMENT',
        regionCode: DEMO_COUNTY_CODE,
        parentId: department.id,
        creditCode: code('11990722MB9999071'),
      },
    });
    for (const [input, field, message] of [
      [{ creditCode: null }, 'input.creditCode', /is required for a GOVERNMENT_DEPARTMENT/],
      [{ name: null, parentId: null }, 'input.name', /cannot be cleared/],
    ] as const) {
      await expectRefused(
        UPDATE_ORG,
        { id: office.id, input },
        hr,
        { code: 'BAD_USER_INPUT', field, rule: 'required' },
        'organization',
      );
      const { errors } = await gateway.query(UPDATE_ORG, { id: office.id, input }, { claims: hr });
      expect(errors![0].message).toMatch(message);
    }
    const { updateOrganization } = await write(UPDATE_ORG, { id: office.id, input: { parentId: null } });
    expect(updateOrganization).toEqual({
      name: '县档案馆',
      creditCode: code('11990722MB9999071'),
      parent: null,
    });
    const [clear] = (await trailOf('Organization', office.id)).filter((n) => n.operation === 'update');
    expect(clear).toMatchObject({ before: { parentId: department.id }, after: { parentId: null } });

    const { createOrganization: committee } = await write(CREATE_ORG, {
      input: {
        name: '新村村民委员会',
        type: 'VILLAGE_COMMITTEE',
        regionCode: village.code,
        creditCode: code('54990722MB9999072'),
      },
    });
    const cleared = await write(UPDATE_ORG, { id: committee.id, input: { creditCode: null } });
    expect(cleared.updateOrganization).toMatchObject({ creditCode: null });
  });

  it.each([
    [
      'a person’s phone',
      `mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
      async () => ({ id: departmentMember.id }),
      { phone: null },
      'input.phone',
      'person',
    ],
    [
      'a yearly assessment’s grade',
      `mutation ($id: ID!, $version: Int!, $input: UpdateAnnualAssessmentInput!) {
        updateAnnualAssessment(id: $id, version: $version, input: $input) { id } }`,
      async () => {
        const { createAnnualAssessment } = await write(
          `mutation ($input: CreateAnnualAssessmentInput!) { createAnnualAssessment(input: $input) { id version } }`,
          {
            input: {
              personId: departmentMember.id,
              year: 2021,
              qualitativeScore: 88,
              quantitativeScore: 90,
              grade: 'COMPETENT',
            },
          },
        );
        return createAnnualAssessment;
      },
      { grade: null },
      'input.grade',
      'assessment',
    ],
    [
      'a cadre’s rank',
      `mutation ($id: ID!, $version: Int!, $input: UpdateCadreInput!) { updateCadre(id: $id, version: $version, input: $input) { id } }`,
      async () => (await write('{ cadres(first: 1) { nodes { id version } } }', {}, hr)).cadres.nodes[0],
      { rank: null },
      'input.rank',
      'cadre',
    ],
    [
      'a community worker’s certification (yes or no, never unknown)',
      `mutation ($id: ID!, $version: Int!, $input: UpdateCommunityWorkerInput!) {
        updateCommunityWorker(id: $id, version: $version, input: $input) { id } }`,
      async () =>
        (await write('{ communityWorkers(first: 1) { nodes { id version } } }', {}, hr)).communityWorkers
          .nodes[0],
      { allRoundCertified: null },
      'input.allRoundCertified',
      'community_worker',
    ],
    [
      'a village cadre term’s end',
      `mutation ($id: ID!, $version: Int!, $input: UpdateVillageCadreTermInput!) {
        updateVillageCadreTerm(id: $id, version: $version, input: $input) { id } }`,
      async () =>
        (
          await write(`query ($id: ID!) { person(id: $id) { villageCadreTerms { id version } } }`, {
            id: cadre.id,
          })
        ).person.villageCadreTerms[0],
      { termEnd: null },
      'input.termEnd',
      'village_cadre_term',
    ],
    [
      'a departing cadre’s placement note',
      `mutation ($id: ID!, $version: Int!, $input: UpdatePlacementPlanInput!) {
        updatePlacementPlan(id: $id, version: $version, input: $input) { id } }`,
      async () =>
        (await write('{ departingCadres(first: 1) { nodes { id version } } }', {}, hr)).departingCadres
          .nodes[0],
      { placementNote: null },
      'input.placementNote',
      'departing_cadre',
    ],
  ])(
    'refuses null for %s, which the record requires (rule required), changing nothing',
    async (_l, query, target, input, field, table) => {
      const record = await target();
      await expectRefused(
        query,
        { ...record, input },
        hr,
        { code: 'BAD_USER_INPUT', field, rule: 'required' },
        table,
      );
      const { errors } = await gateway.query(query, { ...record, input }, { claims: hr });
      expect(errors![0].message).toMatch(/cannot be cleared/);
    },
  );
});
