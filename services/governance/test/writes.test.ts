import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { bulkInsert } from '@county/kit';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { demoCounties } from '../src/seeders/county';
import { demoStructure } from '../src/seeders/seed';

let people: TestSubgraph;
let governance: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const village = city.regions.find((r) => r.parentCode === township.code)!;
const otherVillage = city.regions.find((r) => r.parentCode === otherTownship.code)!;
const orgId = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));
const mediatorOf = (organizationId: string) =>
  city.people.find((p) => p.organizationId === organizationId && p.roles.includes('MEDIATOR' as never))!;
const villageCommittee = orgId(village.code, 'mediation');
const villageMediator = mediatorOf(villageCommittee);
const foreignMediator = mediatorOf(orgId(otherTownship.code, 'mediation'));
const gridWorker = city.people.find((p) => p.roles.includes('GRID_WORKER' as never))!;
const countyLeader = city.people.find((p) => p.roles.includes('COUNTY_LEADER' as never))!;
const secondLevelGrid = demoOrganizationId(`governance:grid:${village.code}-001`);
const firstLevelGrid = demoOrganizationId(`governance:grid:${township.code}-001`);
const otherSecondLevelGrid = demoOrganizationId(`governance:grid:${otherVillage.code}-001`);

const writer = as.role(`township:${township.code}`);
const centre = as.role(`department:${orgId(DEMO_COUNTY_CODE, 'dept:political-legal')}`);

const TABLES = [
  'grid',
  'mediation_organization',
  'dispute',
  'dispute_step',
  'return_visit',
  'risk_judgement',
];
const counts = async () => {
  const [row] = await governance.orm.em
    .fork()
    .getConnection()
    .execute(`select ${TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`);
  return row;
};

const REGISTER = `mutation ($input: RegisterDisputeInput!) { registerDispute(input: $input) { id status region { code } grid { code } } }`;
const STEP = `mutation ($id: ID!, $input: DisputeStepInput!) { recordDisputeStep(disputeId: $id, input: $input) { id status resolutionLevel resolvedAt steps { sequence action status } } }`;
const VISIT = `mutation ($id: ID!, $input: ReturnVisitInput!) { recordReturnVisit(disputeId: $id, input: $input) { id satisfied } }`;
const CREATE_GRID = `mutation ($input: CreateGridInput!) { createGrid(input: $input) { id code level parent { id } gridWorkers { id } } }`;
const UPDATE_GRID = `mutation ($id: ID!, $input: UpdateGridInput!) { updateGrid(id: $id, input: $input) { households gridWorkers { id } } }`;
const JUDGE = `mutation ($input: JudgeVillageRiskInput!) { judgeVillageRisk(input: $input) { id level village { code } } }`;
const CREATE_MEDIATION = `mutation ($input: CreateMediationOrganizationInput!) { createMediationOrganization(input: $input) { id } }`;

const disputeInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'NEIGHBOURS',
  channel: 'GRID_PATROL',
  reportedAt: '2024-05-06T02:00:00Z',
  gridId: secondLevelGrid,
  parties: '王某与李某',
  partyCount: 2,
  summary: '因排水沟堵塞发生争执',
  riskColour: 'YELLOW',
  ...overrides,
});
const gridInput = (overrides: Record<string, unknown> = {}) => ({
  level: 'THIRD',
  name: '新建第九网格',
  regionCode: village.code,
  parentId: secondLevelGrid,
  gridWorkerIds: [gridWorker.id],
  households: 200,
  ...overrides,
});
const judgement = (overrides: Record<string, unknown> = {}) => ({
  regionCode: village.code,
  year: 2024,
  level: 'MEDIUM',
  reasons: ['土地流转纠纷较多'],
  leaderId: countyLeader.id,
  ...overrides,
});

async function register(): Promise<string> {
  const { data, errors } = await governance.query<any>(REGISTER, { input: disputeInput() }, writer);
  expect(errors).toBeUndefined();
  return data.registerDispute.id;
}
async function step(id: string, input: Record<string, unknown>) {
  const result = await governance.query<any>(STEP, { id, input }, writer);
  expect(result.errors).toBeUndefined();
  return result.data.recordDisputeStep;
}
const resolveInput = (overrides: Record<string, unknown> = {}) => ({
  action: 'RESOLVE',
  at: '2024-05-07T02:00:00Z',
  organizationId: villageCommittee,
  resolutionLevel: 'VILLAGE',
  agreementForm: 'WRITTEN',
  ...overrides,
});

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  // the demo county's grids, committees and centre, without its year of disputes: the rules need no more
  governance = await startTestSubgraph(governanceSubgraph, { directory: people });
  const em = governance.orm.em.fork();
  const { tables } = demoStructure(city, demoCounties(city)[0]);
  for (const [table, rows] of Object.entries(tables)) await bulkInsert(em, table, rows);
});
afterAll(async () => {
  await governance?.close();
  await people?.close();
});

describe('a dispute’s course, every step recorded', () => {
  it('registers, mediates, resolves and visits, appending a step each time', async () => {
    const id = await register();
    await step(id, {
      action: 'START_MEDIATION',
      at: '2024-05-06T03:00:00Z',
      organizationId: villageCommittee,
      mediatorId: villageMediator.id,
    });
    const resolved = await step(id, resolveInput());
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      resolutionLevel: 'VILLAGE',
      resolvedAt: '2024-05-07T02:00:00.000Z',
    });
    expect(resolved.steps.map((s: { action: string }) => s.action)).toEqual([
      'REGISTER',
      'START_MEDIATION',
      'RESOLVE',
    ]);
    const visit = await governance.query<any>(
      VISIT,
      {
        id,
        input: {
          visitedAt: '2024-05-20T02:00:00Z',
          visitorId: gridWorker.id,
          satisfied: true,
          relapsed: false,
        },
      },
      centre,
    );
    expect(visit.errors).toBeUndefined();
  });

  it('refuses to change or remove a recorded step, even in SQL', async () => {
    const connection = governance.orm.em.fork().getConnection();
    await expect(connection.execute(`update dispute_step set note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from dispute_step`)).rejects.toThrow(/append-only/);
  });

  it('lets the township change a grid’s workers and households, and the centre register a committee', async () => {
    const { data, errors } = await governance.query<any>(
      UPDATE_GRID,
      { id: secondLevelGrid, input: { households: 321, gridWorkerIds: [gridWorker.id, gridWorker.id] } },
      writer,
    );
    expect(errors).toBeUndefined();
    expect(data.updateGrid).toEqual({ households: 321, gridWorkers: [{ id: gridWorker.id }] });
    const other = await governance.query(
      UPDATE_GRID,
      { id: otherSecondLevelGrid, input: { households: 1 } },
      writer,
    );
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const committee = await governance.query<any>(
      CREATE_MEDIATION,
      {
        input: {
          name: '县劳动人事争议调解委员会',
          kind: 'LABOUR',
          level: 'COUNTY',
          regionCode: DEMO_COUNTY_CODE,
          organizationId: orgId(DEMO_COUNTY_CODE, 'dept:human-resources'),
        },
      },
      centre,
    );
    expect(committee.errors).toBeUndefined();
  });

  it('numbers a new grid from its region and the next sequence', async () => {
    const { data, errors } = await governance.query<any>(CREATE_GRID, { input: gridInput() }, writer);
    expect(errors).toBeUndefined();
    expect(data.createGrid.code).toMatch(new RegExp(`^${village.code}-\\d{3}$`));
    expect(data.createGrid.parent.id).toBe(secondLevelGrid);
  });
});

describe('bad input gets a clear error naming field and rule, and changes nothing', () => {
  let registered: string;
  beforeAll(async () => {
    registered = await register();
  });

  // variables are built when the case runs: `registered` is known only then
  const onRegistered = (input: Record<string, unknown>) => () => ({ id: registered, input });
  const start = (overrides: Record<string, unknown>) =>
    onRegistered({
      action: 'START_MEDIATION',
      at: '2024-05-07T00:00:00Z',
      organizationId: villageCommittee,
      ...overrides,
    });
  const withInput = (input: Record<string, unknown>) => () => ({ input });
  const visitBeforeResolution = onRegistered({
    visitedAt: '2024-05-20T02:00:00Z',
    visitorId: gridWorker.id,
    satisfied: true,
    relapsed: false,
  });

  const cases: [string, string, () => Record<string, unknown>, string, string][] = [
    [
      'resolved without a level',
      STEP,
      onRegistered(resolveInput({ resolutionLevel: null })),
      'input.resolutionLevel',
      'required',
    ],
    [
      'resolved without an organisation',
      STEP,
      onRegistered(resolveInput({ organizationId: null })),
      'input.organizationId',
      'required',
    ],
    [
      'resolved before reported',
      STEP,
      onRegistered(resolveInput({ at: '2024-05-01T00:00:00Z' })),
      'input.at',
      'after-reported',
    ],
    [
      'resolved at a level other than its organisation’s',
      STEP,
      onRegistered(resolveInput({ resolutionLevel: 'COUNTY' })),
      'input.resolutionLevel',
      'matches-organization',
    ],
    [
      'a step the status does not allow',
      STEP,
      onRegistered({ action: 'FAIL', at: '2024-05-07T00:00:00Z' }),
      'input.action',
      'transition',
    ],
    [
      'a mediator from another region',
      STEP,
      start({ mediatorId: foreignMediator.id }),
      'input.mediatorId',
      'same-region',
    ],
    ['a mediator who is no mediator', STEP, start({ mediatorId: gridWorker.id }), 'input.mediatorId', 'role'],
    [
      'a committee of another region',
      STEP,
      start({ organizationId: orgId(otherVillage.code, 'mediation') }),
      'input.organizationId',
      'covers-region',
    ],
    [
      'a report in the future',
      REGISTER,
      withInput(disputeInput({ reportedAt: '2999-01-01T00:00:00Z' })),
      'input.reportedAt',
      'not-future',
    ],
    [
      'a dispute with neither region nor grid',
      REGISTER,
      withInput(disputeInput({ gridId: null })),
      'input.regionCode',
      'required',
    ],
    [
      'a level-3 grid without a parent',
      CREATE_GRID,
      withInput(gridInput({ parentId: null })),
      'input.parentId',
      'required',
    ],
    [
      'a level-3 grid under a level-1 grid',
      CREATE_GRID,
      withInput(gridInput({ parentId: firstLevelGrid })),
      'input.parentId',
      'parent-level',
    ],
    [
      'a grid in a region outside its parent’s',
      CREATE_GRID,
      withInput(gridInput({ parentId: otherSecondLevelGrid })),
      'input.regionCode',
      'within-parent',
    ],
    [
      'a first-level grid in a village',
      CREATE_GRID,
      withInput(gridInput({ level: 'FIRST', parentId: null })),
      'input.regionCode',
      'region-level',
    ],
    [
      'an unknown grid worker',
      CREATE_GRID,
      withInput(gridInput({ gridWorkerIds: ['00000000-0000-4000-8000-000000000000'] })),
      'input.gridWorkerIds',
      'exists',
    ],
    [
      'a risk judgement for a township',
      JUDGE,
      withInput(judgement({ regionCode: township.code })),
      'input.regionCode',
      'region-level',
    ],
    [
      'a risk judgement led by someone who is no county leader',
      JUDGE,
      withInput(judgement({ leaderId: gridWorker.id })),
      'input.leaderId',
      'role',
    ],
    ['a return visit before resolution', VISIT, visitBeforeResolution, 'disputeId', 'resolved'],
    [
      'a mediation organisation whose level disagrees with its region',
      CREATE_MEDIATION,
      withInput({ name: '调委会', kind: 'LABOUR', level: 'COUNTY', regionCode: township.code }),
      'input.level',
      'matches-region',
    ],
    [
      'a dispute placed outside its grid’s region',
      REGISTER,
      withInput(disputeInput({ regionCode: otherVillage.code })),
      'input.regionCode',
      'within-grid',
    ],
    [
      'a directory organisation registered twice',
      CREATE_MEDIATION,
      withInput({
        name: '调委会',
        kind: 'PEOPLES_MEDIATION',
        level: 'VILLAGE',
        regionCode: village.code,
        organizationId: villageCommittee,
      }),
      'input.organizationId',
      'unique',
    ],
    [
      'a grid update that changes nothing',
      UPDATE_GRID,
      () => ({ id: secondLevelGrid, input: {} }),
      'input',
      'custom',
    ],
    [
      'a grid update with negative households',
      UPDATE_GRID,
      () => ({ id: secondLevelGrid, input: { households: -1 } }),
      'input.households',
      'min',
    ],
  ];

  it.each(cases)('%s', async (_, query, variables, field, rule) => {
    const before = await counts();
    const { errors, data } = await governance.query(query, variables(), writer);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(errors![0].message).toContain(field);
    expect(data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('a return visit dated before the resolution', async () => {
    const id = await register();
    await step(id, resolveInput());
    const before = await counts();
    const { errors } = await governance.query(
      VISIT,
      {
        id,
        input: {
          visitedAt: '2024-05-06T12:00:00Z',
          visitorId: gridWorker.id,
          satisfied: true,
          relapsed: false,
        },
      },
      writer,
    );
    expect(errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visitedAt',
      rule: 'after-resolution',
    });
    expect(await counts()).toEqual(before);
  });

  it('an unknown kind is refused before any resolver runs, naming input.kind', async () => {
    const before = await counts();
    const { errors } = await governance.query(
      REGISTER,
      { input: disputeInput({ kind: 'DUELLING' }) },
      writer,
    );
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // named by its field and rule, listing what it may be, in the kit's words
    expect(errors![0].extensions).toMatchObject({ field: 'input.kind', rule: 'enum' });
    expect(errors![0].message).toMatch(/^input\.kind: must be one of .*MARRIAGE_FAMILY/);
    expect(await counts()).toEqual(before);
  });
});

describe('who may write', () => {
  it('refuses anonymous callers, other townships, and departments that are not the governance centre', async () => {
    const before = await counts();
    const anonymous = await governance.query(REGISTER, { input: disputeInput() });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const role of [
      `township:${otherTownship.code}`,
      `department:${orgId(DEMO_COUNTY_CODE, 'dept:justice')}`,
      'leader',
    ]) {
      const refused = await governance.query(REGISTER, { input: disputeInput() }, as.role(role));
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        allowedRoles: expect.any(Array),
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a mediator of another township stepping into this township’s dispute', async () => {
    const id = await register();
    const before = await counts();
    const { errors } = await governance.query(
      STEP,
      { id, input: resolveInput() },
      as.role(`township:${otherTownship.code}`),
    );
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('lets the county’s governance centre write anywhere in the county', async () => {
    const { data, errors } = await governance.query<any>(
      JUDGE,
      { input: judgement({ regionCode: otherVillage.code }) },
      centre,
    );
    expect(errors).toBeUndefined();
    expect(data.judgeVillageRisk).toMatchObject({ level: 'MEDIUM', village: { code: otherVillage.code } });
    const again = await governance.query<any>(
      JUDGE,
      { input: judgement({ regionCode: otherVillage.code, level: 'HIGH' }) },
      centre,
    );
    expect(again.data.judgeVillageRisk).toMatchObject({ id: data.judgeVillageRisk.id, level: 'HIGH' });
  });
});
