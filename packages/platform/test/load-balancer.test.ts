import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { signDevToken } from '@county/gateway';
import { ReplicatedStack } from './scale-out/stack';
import { sleep, startLoad, type GraphQLAnswer } from './faults/load';

/**
 * Issue 20, proven on loopback with real parts: HAProxy (Debian's) in front of two gateway replicas and two
 * people replicas, one Redis, one database. Bounded: the stack starts in ~10 s, the kill run in ~10 s on an
 * idle machine; every wait has a limit (the load ends after 60 s at most), every part is stopped in afterAll.
 */
jest.setTimeout(90_000);

const PER_MINUTE = 30;
const stack = new ReplicatedStack(`/var/tmp/county-lb-${process.pid}`, {
  RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
  RESPONSE_CACHE_TTL_MS: '60000',
});
const city = generateDemoCity({ counties: 1 });
const people = city.people.slice(0, 50);
const organization = city.organizations.find((o) => o.regionCode.startsWith(DEMO_COUNTY_CODE))!;

const token = (sub: string, role: string) =>
  signDevToken({ sub, roles: [role] }, { secret: stack.jwtSecret });

/** A GraphQL POST through `base`, with the replica that answered (HAProxy's x-served-by). */
async function call<D = any>(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLAnswer<D> & { servedBy: string | null }> {
  const started = Date.now();
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as Pick<GraphQLAnswer<D>, 'data' | 'errors'>;
    return {
      status: response.status,
      ...body,
      ms: Date.now() - started,
      servedBy: response.headers.get('x-served-by'),
    };
  } catch (error) {
    return {
      status: 0,
      errors: [{ message: (error as Error).message }],
      ms: Date.now() - started,
      servedBy: null,
    };
  }
}

/** Personal data (the ID number) is never cached: every such read reaches a people replica. */
const OFFICER = `query Officer($id: ID!) { person(id: $id) { id name idNumber } }`;
const UNIT = `query Unit($id: ID!) { organization(id: $id) { name } }`;
const RENAME = `mutation Rename($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { name } }`;
const CREATE = `mutation Create($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;

/** A read as an hr officer of its own (each caller has its own rate count). */
async function read(index: number, base = stack.gatewayUrl) {
  const person = people[index % people.length];
  const answer = await call<{ person: { idNumber: string } }>(
    base,
    OFFICER,
    { id: person.id },
    { authorization: `Bearer ${await token(`reader-${index}`, 'hr')}` },
  );
  const ok = answer.status === 200 && !answer.errors && answer.data?.person.idNumber === person.idNumber;
  return { ok, answer };
}

let serial = 0;
const run = randomBytes(2).toString('hex').toUpperCase();
function organizationInput() {
  serial += 1;
  const body = `11990722${run.slice(0, 2)}${String(serial).padStart(7, '0')}`;
  return {
    name: `扩容演练${run}第${serial}号`,
    type: 'GOVERNMENT_DEPARTMENT',
    regionCode: DEMO_COUNTY_CODE,
    creditCode: body + creditCodeCheckChar(body),
  };
}

beforeAll(async () => {
  await stack.start();
}, 120_000);
afterAll(() => stack.stop(), 60_000);

it('spreads requests over both replicas of each tier', async () => {
  const before = {
    a: await stack.peopleRequests('people-a'),
    b: await stack.peopleRequests('people-b'),
  };
  const served: Record<string, number> = {};
  for (let i = 0; i < 20; i++) {
    const { ok, answer } = await read(i);
    expect(ok).toBe(true);
    served[answer.servedBy!] = (served[answer.servedBy!] ?? 0) + 1;
  }
  expect(served['gateway-a']).toBeGreaterThanOrEqual(5);
  expect(served['gateway-b']).toBeGreaterThanOrEqual(5);
  expect((await stack.peopleRequests('people-a')) - before.a).toBeGreaterThanOrEqual(5);
  expect((await stack.peopleRequests('people-b')) - before.b).toBeGreaterThanOrEqual(5);
});

it('counts the rate limit across replicas: the sum of both, not each', async () => {
  const caller = { authorization: `Bearer ${await token('rate-across-replicas', 'leader')}` };
  const REGION = `query Screen($code: ID!) { region(code: $code) { name } }`;
  const answers = [];
  for (let i = 0; i <= PER_MINUTE; i++)
    answers.push(await call(stack.gatewayUrl, REGION, { code: DEMO_COUNTY_CODE }, caller));
  const accepted = answers.filter((a) => a.status === 200);
  expect(accepted).toHaveLength(PER_MINUTE);
  expect(new Set(accepted.map((a) => a.servedBy))).toEqual(new Set(['gateway-a', 'gateway-b']));
  const refused = answers[PER_MINUTE];
  expect(refused.status).toBe(429);
  expect(refused.errors?.[0].extensions).toMatchObject({
    code: 'RATE_LIMITED',
    limit: 'RATE_LIMIT_PER_MINUTE',
  });
});

it('never answers the old value through replica B after a write through replica A', async () => {
  const direct = (name: string) => `http://127.0.0.1:${stack.replicas.get(name)!.port}`;
  const hr = { authorization: `Bearer ${await token('hr-renamer', 'hr')}` };
  for (let round = 1; round <= 3; round++) {
    const leader = { authorization: `Bearer ${await token(`screen-${round}`, 'leader')}` };
    const [writer, reader] = round % 2 ? ['gateway-a', 'gateway-b'] : ['gateway-b', 'gateway-a'];
    // the reader holds the current name in the shared cache
    const cached = await call(direct(reader), UNIT, { id: organization.id }, leader);
    expect(cached.data.organization.name).toBeTruthy();
    const renamed = `${organization.name}（扩容第${round}次更名）`;
    const written = await call(direct(writer), RENAME, { id: organization.id, name: renamed }, hr);
    expect(written.errors).toBeUndefined();
    expect((await call(direct(reader), UNIT, { id: organization.id }, leader)).data.organization.name).toBe(
      renamed,
    );
  }
});

it('loses no read and no acknowledged write when a gateway and a people replica are SIGKILLed under load', async () => {
  const acknowledged: { id: string; creditCode: string }[] = [];
  const sent: string[] = [];
  const failedReads: string[] = [];
  const failedWrites: string[] = [];
  const servedBy = { before: new Set<string>(), after: new Set<string>() };
  let phase: 'before' | 'during' | 'after' = 'before';
  let afterReads = 0;
  const READERS = 4;
  const WRITERS = 2;
  const reads = startLoad(
    async (index) => {
      const { ok, answer } = await read(index + 1000);
      if (!ok) failedReads.push(`${answer.status} ${answer.errors?.[0]?.message.slice(0, 80)}`);
      if (ok && phase !== 'during') servedBy[phase].add(answer.servedBy!);
      if (phase === 'after') afterReads += 1;
      return ok ? 'ok' : 'failed';
    },
    { concurrency: READERS, maxMs: 60_000 },
  );
  const writes = startLoad(
    async (index) => {
      const input = organizationInput();
      sent.push(input.creditCode);
      // a client writing through a load balancer sends a key: a retry after a lost answer cannot write twice
      const answer = await call(
        stack.gatewayUrl,
        CREATE,
        { input },
        {
          // each writer its own caller: the run measures failover, not the rate limit
          authorization: `Bearer ${await token(`hr-writer-${index}`, 'hr')}`,
          'idempotency-key': `scale-out-${input.creditCode}`,
        },
      );
      if (answer.status === 200 && answer.data?.createOrganization?.id) {
        acknowledged.push({ id: answer.data.createOrganization.id, creditCode: input.creditCode });
        return 'ok';
      }
      failedWrites.push(
        `${answer.status} ${answer.errors?.[0]?.extensions?.code ?? answer.errors?.[0]?.message}`,
      );
      return 'failed';
    },
    { concurrency: WRITERS, maxMs: 60_000 },
  );
  await sleep(1500);
  phase = 'during';
  await stack.kill('gateway-a');
  await sleep(500);
  await stack.kill('people-a');
  // HAProxy takes them out after two failed /readyz checks 250 ms apart
  const outMs = await stack.until(
    'the killed replicas are taken out',
    5000,
    async () =>
      (await stack.status('gateway-a')).startsWith('DOWN') &&
      (await stack.status('people-a')).startsWith('DOWN'),
  );
  await sleep(1000);
  await Promise.all([stack.restart('people-a'), stack.restart('gateway-a')]);
  const backMs = await stack.until(
    'the restarted replicas are back in service',
    5000,
    async () => (await stack.status('gateway-a')) === 'UP' && (await stack.status('people-a')) === 'UP',
  );
  phase = 'after';
  const peopleABack = await stack.peopleRequests('people-a');
  // enough traffic after the restart to see both replicas of each tier again (slow on a busy machine)
  await stack.until('reads after the restart', 20_000, async () => afterReads >= 20);
  const [readTally, writeTally] = await Promise.all([reads.stop(), writes.stop()]);

  const client = new Client({ connectionString: stack.database!.url });
  await client.connect();
  let stored: { id: string; credit_code: string }[];
  try {
    stored = (
      await client.query<{ id: string; credit_code: string }>(
        `select id, credit_code from organization where credit_code = any($1)`,
        [sent],
      )
    ).rows;
  } finally {
    await client.end();
  }
  const stats = await stack.haproxy!.stats();
  console.log(
    'kill run:',
    JSON.stringify({
      reads: readTally,
      writes: {
        sent: sent.length,
        acknowledged: acknowledged.length,
        failed: failedWrites,
        found: stored.length,
      },
      failedReads,
      outMs,
      backMs,
      haproxy: stats.map(({ replica, status, retried, redispatched }) => ({
        replica,
        status,
        retried,
        redispatched,
      })),
    }),
  );
  // reads: a read in flight on a dead replica, or sent to it before it was taken out, is sent again elsewhere
  expect(readTally.requests).toBeGreaterThan(50);
  expect(failedReads).toEqual([]);
  // writes: every acknowledged one is stored, once; at most the writes in flight on each killed replica fail
  // (they carry a key, so a retry answers the first result, or CONFLICT while the first is still running)
  expect(writeTally.requests).toBeGreaterThan(5);
  const storedIds = new Set(stored.map((row) => row.id));
  expect(acknowledged.filter((write) => !storedIds.has(write.id))).toEqual([]);
  expect(new Set(stored.map((row) => row.credit_code)).size).toBe(stored.length);
  expect(failedWrites.length).toBeLessThanOrEqual(2 * WRITERS);
  for (const failure of failedWrites) expect(failure).toBe('200 CONFLICT');
  // the restarted replicas are used again
  expect(servedBy.before).toEqual(new Set(['gateway-a', 'gateway-b']));
  expect(servedBy.after).toEqual(new Set(['gateway-a', 'gateway-b']));
  expect(await stack.peopleRequests('people-a')).toBeGreaterThan(peopleABack);
});
