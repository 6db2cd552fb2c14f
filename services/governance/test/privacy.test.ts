import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { bulkInsert, type Claims } from '@county/kit';
import { as, startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { demoCounties } from '../src/seeders/county';
import { demoStructure } from '../src/seeders/seed';

let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const village = city.regions.find((r) => r.parentCode === township.code)!;
const orgId = (region: string, key: string) => demoOrganizationId(organizationNaturalKey(region, key));
const villageCommittee = orgId(village.code, 'mediation');
const mediator = city.people.find(
  (p) => p.organizationId === villageCommittee && p.roles.includes('MEDIATOR' as never),
)!;
const gridWorker = city.people.find((p) => p.roles.includes('GRID_WORKER' as never))!;
const centreOrganization = orgId(DEMO_COUNTY_CODE, 'dept:political-legal');
const department = city.organizations.find(
  (o) => o.type === 'GOVERNMENT_DEPARTMENT' && o.id !== centreOrganization,
)!;

const claims = (...roles: string[]): Claims => ({ sub: `test-${roles.join('+')}`, roles });
const townshipWriter = claims(`township:${township.code}`);

const PARTIES = '王大明（13912345678，身份证990722199003070021）与李小红';
const SUMMARY = '王大明与李小红因宅基地边界发生争执';
const STEP_NOTE = '李小红要求王大明拆除围墙';
const VISIT_NOTE = '王大明表示满意';

/** Everything personal a dispute shows, read one way; `masked` as the dispute answers it. */
const DISPUTE = `query ($id: ID!) { dispute(id: $id) {
  parties summary personalDataMasked steps { note } returnVisits { note } } }`;
const LIST = `query ($code: ID!) { disputes(regionCode: $code, first: 50) { nodes { id parties summary } } }`;
const MEDIATIONS = `query ($id: ID!) { person(id: $id) { name mediations { nodes { id parties summary steps { note } } } } }`;

let disputeId: string;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { directory: people });
  const { tables } = demoStructure(city, demoCounties(city)[0]);
  for (const [table, rows] of Object.entries(tables)) await bulkInsert(governance.orm.em.fork(), table, rows);
  gateway = await startTestGateway([people, governance]);

  const writer = as.role(`township:${township.code}`);
  const registered = await governance.query<any>(
    `mutation ($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`,
    {
      input: {
        kind: 'HOMESTEAD_LAND',
        channel: 'WALK_IN',
        reportedAt: '2024-05-06T02:00:00Z',
        regionCode: village.code,
        parties: PARTIES,
        partyCount: 2,
        summary: SUMMARY,
        riskColour: 'YELLOW',
      },
    },
    writer,
  );
  expect(registered.errors).toBeUndefined();
  disputeId = registered.data.registerDispute.id;
  const resolved = await governance.query<any>(
    `mutation ($id: ID!, $input: DisputeStepInput!) { recordDisputeStep(disputeId: $id, input: $input) { id } }`,
    {
      id: disputeId,
      input: {
        action: 'RESOLVE',
        at: '2024-05-07T02:00:00Z',
        organizationId: villageCommittee,
        mediatorId: mediator.id,
        resolutionLevel: 'VILLAGE',
        agreementForm: 'WRITTEN',
        note: STEP_NOTE,
      },
    },
    writer,
  );
  expect(resolved.errors).toBeUndefined();
  const visited = await governance.query<any>(
    `mutation ($id: ID!, $input: ReturnVisitInput!) { recordReturnVisit(disputeId: $id, input: $input) { id } }`,
    {
      id: disputeId,
      input: {
        visitedAt: '2024-05-20T02:00:00Z',
        visitorId: gridWorker.id,
        satisfied: true,
        relapsed: false,
        note: VISIT_NOTE,
      },
    },
    writer,
  );
  expect(visited.errors).toBeUndefined();
});
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

const MASKED = {
  parties: '***',
  summary: '***',
  personalDataMasked: true,
  steps: [{ note: null }, { note: '***' }],
  returnVisits: [{ note: '***' }],
};
const IN_FULL = {
  parties: PARTIES,
  summary: SUMMARY,
  personalDataMasked: false,
  steps: [{ note: null }, { note: STEP_NOTE }],
  returnVisits: [{ note: VISIT_NOTE }],
};

describe('dispute parties are personal data (through the gateway)', () => {
  it.each([
    ['the anonymous viewer', undefined],
    ['another township', claims(`township:${otherTownship.code}`)],
    ['a department that is not the governance centre', claims(`department:${department.id}`)],
    ['a county leader', claims('leader')],
    ['the auditor', claims('auditor')],
  ])('%s sees parties, summary and notes masked', async (_label, caller) => {
    const { data, errors } = await gateway.query<any>(DISPUTE, { id: disputeId }, { claims: caller });
    expect(errors).toBeUndefined();
    expect(data.dispute).toEqual(MASKED);
    expect(JSON.stringify(data)).not.toMatch(/王大明|李小红|13912345678|990722199003070021/);
  });

  it.each([
    ['the dispute’s township', townshipWriter],
    [
      'the county’s governance centre (political-legal committee)',
      claims(`department:${centreOrganization}`),
    ],
    ['hr', claims('hr')],
  ])('%s reads them in full', async (_label, caller) => {
    const { data, errors } = await gateway.query<any>(DISPUTE, { id: disputeId }, { claims: caller });
    expect(errors).toBeUndefined();
    expect(data.dispute).toEqual(IN_FULL);
  });

  it('masks them in lists and on nested paths through other subgraphs’ entities too', async () => {
    const list = await gateway.query<any>(LIST, { code: village.code });
    expect(list.errors).toBeUndefined();
    const listed = list.data.disputes.nodes.find((d: any) => d.id === disputeId);
    expect(listed).toMatchObject({ parties: '***', summary: '***' });

    const nested = await gateway.query<any>(MEDIATIONS, { id: mediator.id });
    expect(nested.errors).toBeUndefined();
    expect(nested.data.person.name).toBe(mediator.name);
    expect(nested.data.person.mediations.nodes).toEqual([
      { id: disputeId, parties: '***', summary: '***', steps: [{ note: null }, { note: '***' }] },
    ]);
    const own = await gateway.query<any>(MEDIATIONS, { id: mediator.id }, { claims: townshipWriter });
    expect(own.data.person.mediations.nodes[0].parties).toBe(PARTIES);
  });

  it('keeps them masked in the audit trail for the auditor, and in full for hr', async () => {
    const TRAIL = `query ($id: String!) { governanceAuditTrail(entity: "Dispute", entityId: $id, first: 5) {
      nodes { operation after } } }`;
    const audited = await gateway.query<any>(TRAIL, { id: disputeId }, { claims: claims('auditor') });
    expect(audited.errors).toBeUndefined();
    const created = audited.data.governanceAuditTrail.nodes.find((n: any) => n.operation === 'create');
    expect(created.after).toMatchObject({ parties: '***', summary: '***' });
    expect(JSON.stringify(audited.data)).not.toContain('13912345678');
    const privacyOfficer = await gateway.query<any>(
      TRAIL,
      { id: disputeId },
      { claims: claims('auditor', 'hr') },
    );
    const full = privacyOfficer.data.governanceAuditTrail.nodes.find((n: any) => n.operation === 'create');
    expect(full.after).toMatchObject({ parties: PARTIES, summary: SUMMARY });
  });
});
