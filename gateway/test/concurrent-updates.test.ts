import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;
let pilots: TestSubgraph;
let gateway: TestGateway;
const office = { claims: { sub: 'office-1', roles: ['reform-office'] } };
const auditor = { claims: { sub: 'auditor-1', roles: ['auditor'] } };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  pilots = await startTestSubgraph(pilotsSubgraph, { demoCounties: 1, directory: people });
  // every read must see the subgraph's current version, not a cached answer
  gateway = await startTestGateway([people, pilots], {
    RESPONSE_CACHE_TTL_MS: '0',
    RESPONSE_SHARING: 'false',
    // fifty editors retrying under one token are far above the per-caller default
    RATE_LIMIT_PER_MINUTE: '1000000',
    // this is about lost writes, not time budgets: a hundred requests at once on a busy CI machine may take
    // longer than the 3 s a read gets by default, and must not be cut off (nor open the circuit)
    SUBGRAPH_READ_TIMEOUT_MS: '60000',
    SUBGRAPH_TIMEOUT_MS: '60000',
  });
});
afterAll(async () => {
  await gateway.stop();
  await Promise.all([pilots.close(), people.close()]);
});

const READ = `query ($id: ID!) { pilot(id: $id) { version target } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdatePilotInput!) { updatePilot(id: $id, input: $input) { version target } }`;

/** One editor: read, write with the version read; on a conflict, read again and retry. */
async function edit(id: string, target: string): Promise<{ attempts: number; version: number }> {
  for (let attempt = 1; attempt <= 200; attempt += 1) {
    const read = await gateway.query<any>(READ, { id }, office);
    if (read.errors) throw new Error(`the read failed: ${JSON.stringify(read.errors)}`);
    const answer = await gateway.query<any>(
      UPDATE,
      { id, input: { version: read.data.pilot.version, target } },
      office,
    );
    if (!answer.errors) return { attempts: attempt, version: answer.data.updatePilot.version };
    expect(answer.errors[0].extensions).toMatchObject({ code: 'CONFLICT' });
  }
  throw new Error(`${target}: still refused after 200 attempts`);
}

it('50 concurrent editors of one pilot: every accepted write is in the audit trail, none is lost', async () => {
  const list = await gateway.query<any>(`{ pilots(first: 1) { nodes { id version } } }`, {}, office);
  const { id, version: start } = list.data.pilots.nodes[0];
  const targets = Array.from({ length: 50 }, (_, i) => `目标第${i + 1}版`);

  const results = await Promise.all(targets.map((target) => edit(id, target)));

  // each write was accepted once, on a version of its own
  const versions = results.map((r) => r.version).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => start + i + 1));
  expect(results.some((r) => r.attempts > 1)).toBe(true);
  const trail = await gateway.query<any>(
    `query ($id: String) { pilotsAuditTrail(entity: "Pilot", entityId: $id, first: 100) { totalCount nodes { operation after } } }`,
    { id },
    auditor,
  );
  const updates = trail.data.pilotsAuditTrail.nodes.filter((n: any) => n.operation === 'update');
  expect(updates).toHaveLength(50);
  expect(updates.map((u: any) => u.after.target).sort()).toEqual([...targets].sort());
  const chain = await gateway.query<any>(`{ pilotsAuditChain { intact } }`, {}, auditor);
  expect(chain.data.pilotsAuditChain.intact).toBe(true);
  // about 10 s alone; minutes when the machine runs other suites beside it (each retry is a full round trip)
}, 300_000);
