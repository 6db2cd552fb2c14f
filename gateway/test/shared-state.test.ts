import { Redis } from 'ioredis';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { startEmbeddedRedis, type RunningRedis } from '@county/redis';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/* Issue 20: two gateway replicas over the same subgraph and one real Redis (REDIS_URL). */

const city = generateDemoCity({ counties: 1 });
const organization = city.organizations.find((o) => o.regionCode.startsWith(DEMO_COUNTY_CODE))!;
const countyLeader = city.people.find((p) => p.roles.includes('COUNTY_LEADER' as never))!;
const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';
const PER_MINUTE = 10;

let redis: RunningRedis;
/** Stopped by the last tests: Redis going away under a running replica. */
let doomedRedis: RunningRedis;
let people: TestSubgraph;
let replicaA: TestGateway;
let replicaB: TestGateway;
let alone: TestGateway;
let inspect: Redis;

beforeAll(async () => {
  [redis, doomedRedis, people] = await Promise.all([
    startEmbeddedRedis(),
    startEmbeddedRedis(),
    startTestSubgraph(peopleSubgraph, { demoCounties: 1 }),
  ]);
  const replica = {
    RESPONSE_CACHE_TTL_MS: '60000',
    RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
    METRICS_TOKEN,
  };
  [replicaA, replicaB, alone] = await Promise.all([
    startTestGateway([people], { ...replica, REDIS_URL: redis.url }),
    startTestGateway([people], { ...replica, REDIS_URL: redis.url }),
    startTestGateway([people], { ...replica, REDIS_URL: doomedRedis.url, RATE_LIMIT_PER_MINUTE: '3' }),
  ]);
  inspect = new Redis(redis.url);
}, 120_000);
afterAll(async () => {
  inspect?.disconnect();
  await Promise.all([replicaA, replicaB, alone].map((gateway) => gateway?.stop()));
  await people?.close();
  await Promise.all([redis, doomedRedis].map((server) => server?.stop()));
});

const metricsOf = async (gateway: TestGateway) =>
  (await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();

/** A sample of this gateway's /metrics (0 when absent). */
async function sample(gateway: TestGateway, pattern: string): Promise<number> {
  const line = new RegExp(`^${pattern} (\\S+)$`, 'm').exec(await metricsOf(gateway));
  return Number(line?.[1] ?? 0);
}

/** How many calls to the people subgraph `run` caused at `gateway`. */
async function callsDuring(gateway: TestGateway, run: () => Promise<unknown>): Promise<number> {
  const calls = () =>
    sample(gateway, 'subgraph_request_duration_seconds_count\\{[^}]*subgraph="people"[^}]*\\}');
  const before = await calls();
  await run();
  return (await calls()) - before;
}

/** Screens with the same roles share answers; each has its own rate count (PER_MINUTE). */
const screen = (sub: string) => ({ claims: { sub, roles: ['leader' as const] } });
const leader = screen('screen-1');
const hr = { claims: { sub: 'hr-1', roles: ['hr' as const] } };
const REGION = `query Screen($code: ID!) { region(code: $code) { name } }`;
const UNIT = `query Unit($id: ID!) { organization(id: $id) { name } }`;
const RENAME = `mutation Rename($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { name } }`;
type Unit = { organization: { name: string } };

describe('the rate limit with two replicas on one Redis', () => {
  it('holds for the sum of both: the caller is refused once both together reach it', async () => {
    const caller = { claims: { sub: 'rate-sum', roles: ['leader' as const] } };
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE; i++) {
      const replica = i % 2 ? replicaB : replicaA;
      statuses.push((await replica.query(REGION, { code: DEMO_COUNTY_CODE }, caller)).status);
    }
    expect(statuses).toEqual(Array(PER_MINUTE).fill(200));
    for (const replica of [replicaA, replicaB]) {
      const refused = await replica.query(REGION, { code: DEMO_COUNTY_CODE }, caller);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'RATE_LIMITED',
        limit: 'RATE_LIMIT_PER_MINUTE',
      });
    }
    // another caller has its own count
    expect((await replicaB.query(REGION, { code: DEMO_COUNTY_CODE }, leader)).status).toBe(200);
  });
});

describe('the response cache with two replicas on one Redis', () => {
  it('is shared: an answer computed through A is served by B without asking the subgraph', async () => {
    await replicaA.query(REGION, { code: '990700' }, leader);
    const calls = await callsDuring(replicaB, async () => {
      const { data } = await replicaB.query<{ region: { name: string } }>(REGION, { code: '990700' }, leader);
      expect(data?.region.name).toBeTruthy();
    });
    expect(calls).toBe(0);
  });

  it('never answers the old value through B after a write through A has been answered', async () => {
    for (let round = 1; round <= 4; round++) {
      const leader = screen(`screen-round-${round}`);
      // both replicas hold the current name (cached in Redis)
      const name = (await replicaB.query<Unit>(UNIT, { id: organization.id }, leader)).data!.organization
        .name;
      expect(
        (await replicaA.query<Unit>(UNIT, { id: organization.id }, leader)).data!.organization.name,
      ).toBe(name);
      const renamed = `${organization.name}（第${round}次更名）`;
      const [writer, reader] = round % 2 ? [replicaA, replicaB] : [replicaB, replicaA];
      const written = await writer.query(RENAME, { id: organization.id, name: renamed }, hr);
      expect(written.errors).toBeUndefined();
      const after = await reader.query<Unit>(UNIT, { id: organization.id }, leader);
      expect(after.data!.organization.name).toBe(renamed);
    }
  });

  it('a refused write invalidates nothing: B still answers what A kept', async () => {
    const leader = screen('screen-3');
    // a document no replica has run yet
    const UNIT_NAME = `query UnitName($id: ID!) { organization(id: $id) { name } }`;
    await replicaA.query(UNIT_NAME, { id: organization.id }, leader);
    const refused = await replicaB.query(RENAME, { id: organization.id, name: '' }, hr);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      await callsDuring(replicaB, () => replicaB.query(UNIT_NAME, { id: organization.id }, leader)),
    ).toBe(0);
  });

  it('keeps answers with personal data out of Redis, and others in it', async () => {
    const leader = screen('screen-2');
    const answers = async () => (await inspect.keys('county:cache:answer:*')).length;
    const before = await answers();
    const person = await replicaA.query<{ person: { idNumber: string } }>(
      `query Officer($id: ID!) { person(id: $id) { name idNumber } }`,
      { id: countyLeader.id },
      hr,
    );
    expect(person.data!.person.idNumber).toBe(countyLeader.idNumber);
    expect(await answers()).toBe(before);
    await replicaA.query(REGION, { code: '990701' }, leader);
    expect(await answers()).toBe(before + 1);
  });
});

describe('when Redis cannot be reached', () => {
  beforeAll(async () => {
    // counted in Redis while it is there, then it goes away
    await alone.query(REGION, { code: DEMO_COUNTY_CODE }, leader);
    expect(await sample(alone, 'redis_up\\{[^}]*\\}')).toBe(1);
    await doomedRedis.stop();
    while ((await sample(alone, 'redis_up\\{[^}]*\\}')) !== 0)
      await new Promise((resolve) => setImmediate(resolve));
  });

  it('still limits each caller, in this replica’s memory, and counts the fallback', async () => {
    const caller = { claims: { sub: 'rate-without-redis', roles: ['leader' as const] } };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await alone.query(REGION, { code: DEMO_COUNTY_CODE }, caller)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await sample(alone, 'redis_fallbacks_total\\{use="rate_limit"[^}]*\\}')).toBeGreaterThanOrEqual(4);
  });

  it('answers every read from the subgraphs (nothing cached that a write elsewhere could make stale)', async () => {
    const calls = await callsDuring(alone, async () => {
      for (let i = 0; i < 2; i++) {
        const { data, errors } = await alone.query<Unit>(UNIT, { id: organization.id }, leader);
        expect(errors).toBeUndefined();
        expect(data!.organization.name).toBeTruthy();
      }
    });
    expect(calls).toBe(2);
    expect(
      await sample(alone, 'redis_fallbacks_total\\{use="response_cache"[^}]*\\}'),
    ).toBeGreaterThanOrEqual(2);
  });

  it('counts a write made meanwhile once it is back, and shares answers again', async () => {
    const renamed = `${organization.name}（断连时更名）`;
    const written = await alone.query(RENAME, { id: organization.id, name: renamed }, hr);
    expect(written.errors).toBeUndefined();
    doomedRedis = await startEmbeddedRedis({ port: doomedRedis.port });
    while ((await sample(alone, 'redis_up\\{[^}]*\\}')) !== 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const back = new Redis(doomedRedis.url);
    try {
      // the write's count reached Redis: answers kept by other replicas before it are stale
      let counted: string | null = null;
      for (let i = 0; i < 100 && counted === null; i++) {
        counted = await back.get('county:cache:writes:people');
        if (counted === null) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(counted).toBe('1');
      // the restarted Redis got a new epoch: marks from before it can never match again
      expect(Number(await back.get('county:cache:any-write'))).toBeGreaterThan(0);
    } finally {
      back.disconnect();
    }
    const reader = screen('screen-after-outage');
    const first = await alone.query<Unit>(UNIT, { id: organization.id }, reader);
    expect(first.data!.organization.name).toBe(renamed);
    expect(await callsDuring(alone, () => alone.query(UNIT, { id: organization.id }, reader))).toBe(0);
  });
});
