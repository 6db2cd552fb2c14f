import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { bulkInsert, type Claims } from '@county/kit';
import { startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { demoCounties } from '../src/seeders/county';
import { demoStructure } from '../src/seeders/seed';
import { governanceRollupDifferences } from '../src/rollup-differences';

/*
 * Joint handling (联席会办) and relapses, through the gateway: a dispute referred to joint handling stays
 * open and counted by its risk colour until the county centre convenes the departments and records the
 * outcome; a relapse found on a return visit reopens the dispute and counts as reopened.
 */

let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const village = city.regions.find((r) => r.parentCode === township.code)!;
const orgId = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));
const villageCommittee = orgId(village.code, 'mediation');
const jointCentre = orgId(DEMO_COUNTY_CODE, 'mediation-center');
const centreDepartment = orgId(DEMO_COUNTY_CODE, 'dept:political-legal');
const [landBureau, petitionBureau] = city.organizations.filter(
  (o) => o.type === 'GOVERNMENT_DEPARTMENT' && o.regionCode === DEMO_COUNTY_CODE && o.id !== centreDepartment,
);
const gridWorker = city.people.find((p) => p.roles.includes('GRID_WORKER' as never))!;
const villageGrid = demoOrganizationId(`governance:grid:${village.code}-001`);

const claims = (...roles: string[]): Claims => ({ sub: `test-${roles.join('+')}`, roles });
const townshipWriter = claims(`township:${township.code}`);
const otherTownshipWriter = claims(`township:${otherTownship.code}`);
const centre = claims(`department:${centreDepartment}`);

const REGISTER = `mutation ($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`;
const STEP = `mutation ($id: ID!, $input: DisputeStepInput!) { recordDisputeStep(disputeId: $id, input: $input) {
  id status resolutionLevel } }`;
const VISIT = `mutation ($id: ID!, $input: ReturnVisitInput!) { recordReturnVisit(disputeId: $id, input: $input) { id } }`;
const DISPUTE = `query ($id: ID!) { dispute(id: $id) {
  status referral resolutionLevel resolvedAt reopenedCount steps { action status }
  jointHandling { convenedAt concludedAt outcome result centre { kind } departments { id name } } } }`;
const STATS = `query ($code: ID!) { region(code: $code) { disputeStats(from: "2024-05-01", to: "2024-05-31") {
  reported mediated resolved openRed openOrange reopened relapses } } }`;

const TABLES = ['dispute', 'dispute_step', 'dispute_joint_handling', 'return_visit', 'dispute_rollup_day'];
const sql = <T = Record<string, unknown>>(text: string) =>
  governance.orm.em.fork().getConnection().execute<T[]>(text);
/** Every row the course of a dispute can touch, so a refused write can be shown to have changed nothing. */
const snapshot = async () =>
  JSON.stringify(await Promise.all(TABLES.map((t) => sql(`select * from ${t} order by 1, 2, 3`))));

/** Rows where a rollup and its recount differ (rows fallen back to all zeros are as good as absent). */
async function rollupDifferences(): Promise<unknown[]> {
  const counters = 'reported, mediated, resolved, resolved_locally, open_red, open_orange, reopened';
  const tier = (table: string, period: string) => {
    const kept = `select '${period}' as tier, region_code, ${period}, kind, ${counters} from ${table}
                  where (${counters}) <> (0, 0, 0, 0, 0, 0, 0)`;
    const recount = `select '${period}', * from dispute_rollup_recount('${period}')`;
    return `(${kept} except all ${recount}) union all (${recount} except all ${kept})`;
  };
  return sql(`${tier('dispute_rollup_day', 'day')} union all ${tier('dispute_rollup_month', 'month')}`);
}

async function write<D = any>(query: string, variables: Record<string, unknown>, caller: Claims) {
  const { data, errors } = await gateway.query<D>(query, variables, { claims: caller });
  expect(errors).toBeUndefined();
  return data!;
}
const dispute = async (id: string) =>
  (await write<any>(DISPUTE, { id }, centre)).dispute as Record<string, any>;
const stats = async () =>
  (await write<any>(STATS, { code: township.code }, centre)).region.disputeStats as Record<string, number>;

async function register(riskColour: string, reportedAt: string): Promise<string> {
  const input = {
    kind: 'HOMESTEAD_LAND',
    channel: 'GRID_PATROL',
    reportedAt,
    gridId: villageGrid,
    parties: '王某与李某',
    partyCount: 2,
    summary: '宅基地边界争执',
    riskColour,
  };
  return (await write<any>(REGISTER, { input }, townshipWriter)).registerDispute.id;
}
const step = (id: string, input: Record<string, unknown>, caller = townshipWriter) =>
  write<any>(STEP, { id, input }, caller);

/** A red dispute the village committee could not settle, referred to joint handling. */
async function referredToJointHandling(): Promise<string> {
  const id = await register('RED', '2024-05-06T02:00:00Z');
  await step(id, { action: 'START_MEDIATION', at: '2024-05-06T03:00:00Z', organizationId: villageCommittee });
  await step(id, { action: 'FAIL', at: '2024-05-08T03:00:00Z' });
  await step(id, { action: 'REFER', at: '2024-05-09T03:00:00Z', referral: 'JOINT_HANDLING' });
  return id;
}
const convene = (overrides: Record<string, unknown> = {}) => ({
  action: 'CONVENE',
  at: '2024-05-12T02:00:00Z',
  organizationId: jointCentre,
  departmentIds: [landBureau.id, petitionBureau.id],
  ...overrides,
});

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  caller: Claims,
  expected: Record<string, unknown>,
) {
  const before = await snapshot();
  const { data, errors } = await gateway.query<any>(query, variables, { claims: caller });
  expect(data ?? null).toBeNull();
  expect(errors![0].extensions).toMatchObject(expected);
  expect(JSON.stringify(errors)).not.toMatch(/select|insert|update|at .*\.ts/i);
  expect(await snapshot()).toBe(before);
}

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { directory: people });
  const { tables } = demoStructure(city, demoCounties(city)[0]);
  for (const [table, rows] of Object.entries(tables)) await bulkInsert(governance.orm.em.fork(), table, rows);
  gateway = await startTestGateway([people, governance]);
});
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

describe('joint handling (联席会办): referred → convened → resolved or not', () => {
  it('keeps a referred red dispute open and counted until the joint meeting resolves it', async () => {
    const before = await stats();
    const id = await referredToJointHandling();
    expect(await dispute(id)).toMatchObject({ status: 'REFERRED', referral: 'JOINT_HANDLING' });
    // before joint handling was a path, a referral took the dispute out of "open red"
    expect((await stats()).openRed).toBe(before.openRed + 1);

    await step(id, convene(), centre);
    expect(await dispute(id)).toMatchObject({
      status: 'CONVENED',
      jointHandling: {
        convenedAt: '2024-05-12T02:00:00.000Z',
        concludedAt: null,
        outcome: null,
        result: null,
        centre: { kind: 'JOINT_HANDLING_CENTRE' },
        departments: [
          { id: landBureau.id, name: landBureau.name },
          { id: petitionBureau.id, name: petitionBureau.name },
        ],
      },
    });
    expect((await stats()).openRed).toBe(before.openRed + 1);
    expect(await rollupDifferences()).toEqual([]);

    const resolved = await step(
      id,
      {
        action: 'RESOLVE',
        at: '2024-05-20T02:00:00Z',
        resolutionLevel: 'COUNTY',
        agreementForm: 'WRITTEN',
        note: '国土部门重新勘界，双方签订协议',
      },
      centre,
    );
    expect(resolved.recordDisputeStep).toMatchObject({ status: 'RESOLVED', resolutionLevel: 'COUNTY' });
    const after = await dispute(id);
    expect(after.steps.map((s: { action: string }) => s.action)).toEqual([
      'REGISTER',
      'START_MEDIATION',
      'FAIL',
      'REFER',
      'CONVENE',
      'RESOLVE',
    ]);
    expect(after.jointHandling).toMatchObject({
      concludedAt: '2024-05-20T02:00:00.000Z',
      outcome: 'RESOLVED',
      result: '国土部门重新勘界，双方签订协议',
    });
    const now = await stats();
    expect(now).toMatchObject({ openRed: before.openRed, resolved: before.resolved + 1 });
    expect(await rollupDifferences()).toEqual([]);
    // the check a restore runs (the subgraph's own rollupDifferences) counts the new counter too
    expect(await governanceRollupDifferences(governance.orm.em)).toEqual({
      dispute_rollup_day: 0,
      dispute_rollup_month: 0,
      petition_rollup_day: 0,
      petition_rollup_month: 0,
    });
  });

  it('records a joint meeting that did not resolve it: failed, no longer open', async () => {
    const before = await stats();
    const id = await referredToJointHandling();
    await step(id, convene(), centre);
    await step(id, { action: 'FAIL', at: '2024-05-13T02:00:00Z', note: '分歧较大，引导诉讼' }, centre);
    expect(await dispute(id)).toMatchObject({
      status: 'FAILED',
      jointHandling: { outcome: 'UNRESOLVED', result: '分歧较大，引导诉讼' },
    });
    expect((await stats()).openRed).toBe(before.openRed);
    expect(await rollupDifferences()).toEqual([]);
  });

  it('lets only the county’s governance centre convene and conclude, changing nothing otherwise', async () => {
    const id = await referredToJointHandling();
    await expectRefused(STEP, { id, input: convene() }, townshipWriter, { code: 'FORBIDDEN' });
    await step(id, convene(), centre);
    await expectRefused(
      STEP,
      { id, input: { action: 'FAIL', at: '2024-05-13T02:00:00Z', note: '未化解' } },
      townshipWriter,
      { code: 'FORBIDDEN' },
    );
  });

  it.each([
    ['without the departments', { departmentIds: null }, 'input.departmentIds', 'required'],
    ['with no department', { departmentIds: [] }, 'input.departmentIds', 'min'],
    [
      'naming a department twice',
      { departmentIds: [landBureau.id, landBureau.id] },
      'input.departmentIds',
      'unique',
    ],
    [
      'with a department the directory does not know',
      { departmentIds: ['00000000-0000-4000-8000-000000000001'] },
      'input.departmentIds',
      'exists',
    ],
    [
      'by a village committee, not the joint-handling centre',
      { organizationId: villageCommittee },
      'input.organizationId',
      'joint-handling-centre',
    ],
    ['before the referral', { at: '2024-05-08T02:00:00Z' }, 'input.at', 'chronological'],
  ])(
    'refuses a joint meeting %s (BAD_USER_INPUT naming field and rule)',
    async (_label, change, field, rule) => {
      const id = await referredToJointHandling();
      await expectRefused(STEP, { id, input: convene(change) }, centre, {
        code: 'BAD_USER_INPUT',
        field,
        rule,
      });
      expect((await dispute(id)).status).toBe('REFERRED');
    },
  );

  it('refuses to convene a dispute referred elsewhere, and to conclude a meeting without its result', async () => {
    const litigated = await register('ORANGE', '2024-05-07T02:00:00Z');
    await step(litigated, { action: 'REFER', at: '2024-05-07T03:00:00Z', referral: 'LITIGATION' });
    await expectRefused(STEP, { id: litigated, input: convene() }, centre, {
      code: 'BAD_USER_INPUT',
      field: 'input.action',
      rule: 'referred-to-joint-handling',
    });
    const id = await referredToJointHandling();
    await step(id, convene(), centre);
    await expectRefused(STEP, { id, input: { action: 'FAIL', at: '2024-05-13T02:00:00Z' } }, centre, {
      code: 'BAD_USER_INPUT',
      field: 'input.note',
      rule: 'required',
    });
  });
});

describe('a relapse found on a return visit reopens the dispute', () => {
  const visit = (relapsed: boolean, visitedAt = '2024-05-25T02:00:00Z') => ({
    visitedAt,
    visitorId: gridWorker.id,
    satisfied: !relapsed,
    relapsed,
    note: relapsed ? '双方再次发生争执' : null,
  });
  async function resolvedOrange(): Promise<string> {
    const id = await register('ORANGE', '2024-05-10T02:00:00Z');
    await step(id, {
      action: 'RESOLVE',
      at: '2024-05-11T02:00:00Z',
      organizationId: villageCommittee,
      resolutionLevel: 'VILLAGE',
      agreementForm: 'ORAL',
    });
    return id;
  }

  it('opens it again, counted as open, reopened and relapsed, until it is resolved anew', async () => {
    const before = await stats();
    const id = await resolvedOrange();
    await write(VISIT, { id, input: visit(true) }, townshipWriter);
    expect(await dispute(id)).toMatchObject({
      status: 'REGISTERED',
      resolutionLevel: null,
      resolvedAt: null,
      reopenedCount: 1,
    });
    expect((await dispute(id)).steps.at(-1)).toEqual({ action: 'REOPEN', status: 'REGISTERED' });
    expect(await stats()).toMatchObject({
      resolved: before.resolved,
      openOrange: before.openOrange + 1,
      reopened: before.reopened + 1,
      relapses: before.relapses + 1,
    });
    expect(await rollupDifferences()).toEqual([]);

    await step(id, {
      action: 'RESOLVE',
      at: '2024-05-27T02:00:00Z',
      organizationId: villageCommittee,
      resolutionLevel: 'VILLAGE',
      agreementForm: 'WRITTEN',
    });
    await write(VISIT, { id, input: visit(false, '2024-05-30T02:00:00Z') }, townshipWriter);
    expect(await stats()).toMatchObject({
      resolved: before.resolved + 1,
      openOrange: before.openOrange,
      reopened: before.reopened + 1,
      relapses: before.relapses + 1,
    });
    expect(await rollupDifferences()).toEqual([]);
  });

  it('refuses a relapse from another township, or dated before the resolution, changing nothing', async () => {
    const id = await resolvedOrange();
    await expectRefused(VISIT, { id, input: visit(true) }, otherTownshipWriter, { code: 'FORBIDDEN' });
    await expectRefused(VISIT, { id, input: visit(true, '2024-05-10T12:00:00Z') }, townshipWriter, {
      code: 'BAD_USER_INPUT',
      field: 'input.visitedAt',
      rule: 'after-resolution',
    });
    expect(await dispute(id)).toMatchObject({ status: 'RESOLVED', reopenedCount: 0 });
  });
});
