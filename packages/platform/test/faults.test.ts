import fs from 'node:fs';
import { Client } from 'pg';
import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { signDevToken } from '@county/gateway';
import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';
import { FaultPlatform } from './faults/platform';
import { loadFor, post, readyStatus, sleep, startLoad, within, type GraphQLAnswer } from './faults/load';

/**
 * Faults, with real processes on loopback: a subgraph killed or hung under load, PostgreSQL restarted
 * under load, a subgraph killed in the middle of writes, and a soak of the gateway's heap. Every load
 * is bounded in time; every process started here is stopped in afterAll, even after a failure.
 */
jest.setTimeout(120_000);

const platform = new FaultPlatform(`/var/tmp/county-faults-${process.pid}`);
const tokens: Record<string, string> = {};
const gql = <D = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  role = 'leader',
  timeoutMs?: number,
) => post<D>(`${platform.gatewayBase}/graphql`, query, variables, tokens[role], timeoutMs);

const UNKNOWN_TASK = '00000000-0000-4000-8000-000000000000';
/** Needs people only. */
const PEOPLE_ONLY = `{ region(code: "${DEMO_COUNTY_CODE}") { name } }`;
/** Needs people and reform: `reformTask` is nullable, so reform's absence leaves the region answered. */
const MIXED = `{ region(code: "${DEMO_COUNTY_CODE}") { name } reformTask(id: "${UNKNOWN_TASK}") { id } }`;
const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;

type Region = { region: { name: string } | null };
const unavailable = (answer: GraphQLAnswer, service: string) =>
  answer.errors?.some(
    (e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions?.serviceName === service,
  ) ?? false;
const fullAnswer = (answer: GraphQLAnswer<Region>) =>
  answer.status === 200 && !answer.errors && Boolean(answer.data?.region?.name);

/** Classifies MIXED answers: full, partial (region answered, reform named as unavailable), or other. */
function mixedOutcome(answer: GraphQLAnswer<Region>): string {
  if (fullAnswer(answer)) return 'ok';
  if (answer.data?.region?.name && unavailable(answer, 'reform')) return 'partial';
  return `other:${answer.status}:${answer.errors?.[0]?.message.slice(0, 60)}`;
}

let organizationSerial = 0;
const organizationInput = (label: string) => {
  organizationSerial += 1;
  const body = `11990722MB${String(organizationSerial).padStart(7, '0')}`;
  return {
    name: `故障演练${label}${organizationSerial}`,
    type: 'GOVERNMENT_DEPARTMENT',
    regionCode: DEMO_COUNTY_CODE,
    creditCode: body + creditCodeCheckChar(body),
  };
};

async function peopleSql<R extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: platform.databaseUrl('people') });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  fs.rmSync(platform.root, { recursive: true, force: true });
  fs.mkdirSync(platform.root, { recursive: true, mode: 0o755 });
  fs.chmodSync(platform.root, 0o755);
  await platform.startPostgres();
  await platform.startSubgraphs([peopleSubgraph, reformSubgraph], { people: true });
  for (const role of ['leader', 'hr', 'auditor'])
    tokens[role] = await signDevToken(
      { sub: `faults-${role}`, roles: [role] },
      { secret: platform.jwtSecret },
    );
}, 180_000);

afterAll(async () => {
  await platform.stop();
  fs.rmSync(platform.root, { recursive: true, force: true });
}, 60_000);

it('keeps answering while a subgraph is killed: partial data naming it, then full answers after its restart', async () => {
  const peopleOnly = startLoad(async () => (fullAnswer(await gql<Region>(PEOPLE_ONLY)) ? 'ok' : 'failed'), {
    concurrency: 4,
    maxMs: 60_000,
  });
  const mixed = async () => mixedOutcome(await gql<Region>(MIXED));
  const before = await loadFor(1500, 2, mixed);
  await platform.kill('reform');
  const down = await loadFor(2000, 2, mixed);
  const restarting = Date.now();
  await platform.restart('reform');
  const processReadyMs = Date.now() - restarting;
  // the gateway is not restarted: its next call to the same address simply succeeds again
  const fullAnswerMs = await within('a full answer after the restart', 5000, async () =>
    fullAnswer(await gql<Region>(MIXED)),
  );
  const after = await loadFor(1000, 2, mixed);
  const peopleTally = await peopleOnly.stop();
  console.log(
    'subgraph killed:',
    JSON.stringify({ peopleOnly: peopleTally, before, whileDown: down, after, processReadyMs, fullAnswerMs }),
  );
  expect(before.requests).toBeGreaterThan(0);
  expect(before.ok).toBe(before.requests);
  expect(down.requests).toBeGreaterThan(0);
  expect(down.outcomes.partial).toBe(down.requests);
  expect(after.requests).toBeGreaterThan(0);
  expect(after.ok).toBe(after.requests);
  expect(peopleTally.requests).toBeGreaterThan(20);
  expect(peopleTally.ok).toBe(peopleTally.requests);
});

it('answers within the read timeout when a subgraph hangs, then at once while its circuit is open, and fully once it resumes', async () => {
  platform.signal('reform', 'SIGSTOP');
  try {
    // the first refresh: every other part answered, reform named, within its 1 s read timeout
    const first = await Promise.all(
      Array.from({ length: 6 }, () => gql<Region>(MIXED, {}, 'leader', 15_000)),
    );
    // the following ones: reform's circuit is open, nobody waits for it
    const next: GraphQLAnswer<Region>[] = [];
    for (let i = 0; i < 5; i += 1) next.push(await gql<Region>(MIXED, {}, 'leader', 15_000));
    console.log(
      'subgraph hung: first refresh answered in ms',
      first.map((a) => a.ms).join(', '),
      '; then',
      next.map((a) => `${a.ms} (${String(a.errors?.[0]?.extensions?.reason)})`).join(', '),
    );
    for (const answer of [...first, ...next]) {
      expect(answer.data?.region?.name).toBeTruthy();
      expect(unavailable(answer, 'reform')).toBe(true);
    }
    for (const answer of first) expect(answer.ms).toBeLessThan(3000);
    for (const answer of next) {
      expect(answer.ms).toBeLessThan(500);
      expect(answer.errors?.[0]?.extensions?.reason).toBe('circuit-open');
    }
    expect(fullAnswer(await gql<Region>(PEOPLE_ONLY))).toBe(true);
  } finally {
    platform.signal('reform', 'SIGCONT');
  }
  // resumed, a probe gets through and full answers come back without restarting anything
  const resumedMs = await within('reform answering again', 10_000, async () =>
    fullAnswer(await gql<Region>(MIXED)),
  );
  console.log(`subgraph resumed: full answers after ${resumedMs} ms`);
});

it('leaves nothing half-written when a subgraph is killed in the middle of writes', async () => {
  const acknowledged: string[] = [];
  // each createOrganization writes the organisation and its audit record in one transaction
  const write = async () => {
    const answer = await gql<{ createOrganization: { id: string } }>(
      CREATE_ORG,
      { input: organizationInput('甲') },
      'hr',
    );
    const id = answer.errors ? undefined : answer.data?.createOrganization?.id;
    if (id) acknowledged.push(id);
    return id ? 'ok' : 'failed';
  };
  const writing = startLoad(write, { concurrency: 8, maxMs: 5000 });
  await within('some writes acknowledged', 10_000, async () => acknowledged.length >= 10);
  await platform.kill('people');
  const tally = await writing.stop();
  await platform.restart('people');

  const rows = await peopleSql<{ id: string }>(`select id from organization where name like '故障演练甲%'`);
  const withoutAudit = await peopleSql<{ id: string }>(
    `select o.id from organization o where o.name like '故障演练甲%'
       and not exists (select 1 from audit_record a where a.entity = 'Organization' and a.entity_id = o.id::text)`,
  );
  const auditWithoutRow = await peopleSql<{ entity_id: string }>(
    `select a.entity_id from audit_record a where a.entity = 'Organization' and a.operation = 'create'
       and not exists (select 1 from organization o where o.id::text = a.entity_id)`,
  );
  const present = await peopleSql<{ id: string }>(`select id from organization where id = any($1::uuid[])`, [
    acknowledged,
  ]);
  // people's circuit opened while it was down: the gateway's probe closes it within a second of its return
  type Chain = { peopleAuditChain: { intact: boolean; records: number } };
  let chain = await gql<Chain>('{ peopleAuditChain { intact records } }', {}, 'auditor');
  await within('the gateway answering people again', 10_000, async () => {
    chain = await gql<Chain>('{ peopleAuditChain { intact records } }', {}, 'auditor');
    return !chain.errors;
  });
  console.log(
    'killed mid-write:',
    JSON.stringify({
      attempted: tally.requests,
      acknowledged: acknowledged.length,
      failedByTheKill: tally.outcomes.failed ?? 0,
      rowsCommitted: rows.length,
      rowsWithoutAudit: withoutAudit.length,
      auditWithoutRow: auditWithoutRow.length,
      lostWrites: acknowledged.length - present.length,
      chain: chain.data?.peopleAuditChain,
    }),
  );
  expect(acknowledged.length).toBeGreaterThanOrEqual(10);
  expect(tally.outcomes.failed).toBeGreaterThan(0);
  expect(withoutAudit).toEqual([]);
  expect(auditWithoutRow).toEqual([]);
  expect(present).toHaveLength(acknowledged.length);
  expect(chain.errors).toBeUndefined();
  expect(chain.data?.peopleAuditChain.intact).toBe(true);
});

it('recovers by itself when PostgreSQL restarts under load, losing no acknowledged write', async () => {
  const acknowledged: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const answer = await gql<{ createOrganization: { id: string } }>(
      CREATE_ORG,
      { input: organizationInput('乙') },
      'hr',
    );
    expect(answer.errors).toBeUndefined();
    acknowledged.push(answer.data!.createOrganization.id);
  }
  // each request is counted under the phase it started in
  let phase = 'before';
  const load = startLoad(
    async () =>
      `${phase}:${fullAnswer(await gql<Region>(PEOPLE_ONLY, {}, 'leader', 5000)) ? 'ok' : 'failed'}`,
    { concurrency: 4, maxMs: 60_000 },
  );
  await sleep(1500);
  phase = 'outage';
  // requests of the first phase finish before PostgreSQL goes; the outage phase starts with them
  await sleep(1000);
  const bases = ['people', 'reform'].map((name) => platform.subgraphs.get(name)!.base);
  const stopping = Date.now();
  await platform.stopPostgres();
  const stopMs = Date.now() - stopping;
  const notReadyMs = await within('both subgraphs reporting not ready', 15_000, async () =>
    (await Promise.all(bases.map(readyStatus))).every((status) => status === 503),
  );
  const starting = Date.now();
  await platform.startPostgres();
  const postgresStartMs = Date.now() - starting;
  const readyMs = await within('both subgraphs ready again', 30_000, async () =>
    (await Promise.all(bases.map(readyStatus))).every((status) => status === 200),
  );
  const answeringMs = await within('the gateway answering again', 15_000, async () =>
    fullAnswer(await gql<Region>(PEOPLE_ONLY)),
  );
  phase = 'after';
  await sleep(1500);
  const tally = await load.stop();
  const present = await peopleSql<{ id: string }>(`select id from organization where id = any($1::uuid[])`, [
    acknowledged,
  ]);
  console.log(
    'PostgreSQL restarted:',
    JSON.stringify({
      load: tally.outcomes,
      stopMs,
      notReadyMs,
      postgresStartMs,
      readyAfterStartMs: readyMs,
      answeringMs,
      acknowledged: acknowledged.length,
      lostWrites: acknowledged.length - present.length,
    }),
  );
  expect(present).toHaveLength(acknowledged.length);
  expect(tally.outcomes['before:ok']).toBeGreaterThan(0);
  expect(tally.outcomes['before:failed']).toBeUndefined();
  expect(tally.outcomes['after:ok']).toBeGreaterThan(0);
  expect(tally.outcomes['after:failed']).toBeUndefined();
});

it('soak: the gateway heap does not keep growing round after round', async () => {
  const rounds: { requests: number; ok: number; heapMb: number }[] = [];
  for (let round = 0; round < 5; round += 1) {
    const tally = await loadFor(3000, 8, async (i) =>
      fullAnswer(await gql<Region>(i % 2 ? MIXED : PEOPLE_ONLY)) ? 'ok' : 'failed',
    );
    const heapMb = Math.round((await platform.gatewayHeapAfterGc()) / 1e4) / 100;
    rounds.push({ requests: tally.requests, ok: tally.ok, heapMb });
  }
  console.log('soak rounds:', JSON.stringify(rounds));
  for (const round of rounds) expect(round.ok).toBe(round.requests);
  // the first round warms up (plans, JIT); from the second on, the live heap must level off
  const [, second, , , last] = rounds.map((r) => r.heapMb);
  console.log(
    `soak heap: second round ${second} MB, last ${last} MB (${Math.round((last / second - 1) * 100)}%)`,
  );
  expect(last).toBeLessThanOrEqual(second * 1.2);
});
