import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

const city = generateDemoCity({ counties: 1 });
const countyLeader = city.people.find((p) => p.roles.includes('COUNTY_LEADER' as never))!;
const organization = city.organizations.find((o) => o.regionCode.startsWith(DEMO_COUNTY_CODE))!;

let people: TestSubgraph;
let pilots: TestSubgraph;
/** The default: answers shared while in flight and cached for a minute (long enough never to expire here). */
let cached: TestGateway;
/** RESPONSE_CACHE_TTL_MS=0: nothing stored, in-flight answers still shared. */
let uncached: TestGateway;
/** Neither stored nor shared: every request runs. */
let unshared: TestGateway;
/** Over people and pilots, cached: a write to one keeps the other's answers. */
let twoSubgraphs: TestGateway;
/** /metrics on the gateway port needs it (issue 16). */
const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  pilots = await startTestSubgraph(pilotsSubgraph, { demoCounties: 1, directory: people });
  [cached, uncached, unshared, twoSubgraphs] = await Promise.all([
    startTestGateway([people], { RESPONSE_CACHE_TTL_MS: '60000', METRICS_TOKEN }),
    startTestGateway([people], { RESPONSE_CACHE_TTL_MS: '0', METRICS_TOKEN }),
    startTestGateway([people], { RESPONSE_CACHE_TTL_MS: '0', RESPONSE_SHARING: 'false', METRICS_TOKEN }),
    startTestGateway([people, pilots], { RESPONSE_CACHE_TTL_MS: '60000', METRICS_TOKEN }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([cached, uncached, unshared, twoSubgraphs].map((gateway) => gateway?.stop()));
  await pilots?.close();
  await people.close();
});

/** Calls this gateway has made to a subgraph so far (its own /metrics). */
async function subgraphCalls(gateway: TestGateway, subgraph: string): Promise<number> {
  const headers = { authorization: `Bearer ${METRICS_TOKEN}` };
  const text = await (await fetch(`${gateway.url}/metrics`, { headers })).text();
  const line = new RegExp(
    `^subgraph_request_duration_seconds_count\\{[^}]*subgraph="${subgraph}"[^}]*\\} (\\d+)$`,
    'm',
  ).exec(text);
  return Number(line?.[1] ?? 0);
}

/** How many calls to `subgraph` `run` caused at `gateway`. */
async function callsDuring(
  gateway: TestGateway,
  run: () => Promise<unknown>,
  subgraph = 'people',
): Promise<number> {
  const before = await subgraphCalls(gateway, subgraph);
  await run();
  return (await subgraphCalls(gateway, subgraph)) - before;
}

const hr = (sub: string) => ({ claims: { sub, roles: ['hr' as const] } });
const leader = { claims: { sub: 'screen-1', roles: ['leader' as const] } };
const REGION = `query Screen($code: ID!) { region(code: $code) { name level children { code name } } }`;

describe('identical queries from many screens', () => {
  it('runs 100 identical concurrent Region queries a handful of times, all answered alike', async () => {
    let answers: Awaited<ReturnType<TestGateway['query']>>[] = [];
    const calls = await callsDuring(cached, async () => {
      answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          cached.query(
            REGION,
            { code: DEMO_COUNTY_CODE },
            { claims: { sub: `screen-${i}`, roles: ['leader'] } },
          ),
        ),
      );
    });
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect((answers[0].data as { region: { children: unknown[] } }).region.children).toHaveLength(21);
  });

  it('answers the same query again from the cache, and a different variable from the subgraph', async () => {
    expect(await callsDuring(cached, () => cached.query(REGION, { code: DEMO_COUNTY_CODE }, leader))).toBe(0);
    expect(await callsDuring(cached, () => cached.query(REGION, { code: '990700' }, leader))).toBe(1);
  });

  it('does not keep answers with errors', async () => {
    const calls = await callsDuring(cached, async () => {
      for (let i = 0; i < 2; i++) {
        const { errors } = await cached.query(REGION, { code: '12' }, leader);
        expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
    expect(calls).toBe(2);
  });

  it('without a cache (TTL 0), every request one after another reaches the subgraph', async () => {
    const calls = await callsDuring(uncached, async () => {
      for (let i = 0; i < 5; i++) await uncached.query(REGION, { code: DEMO_COUNTY_CODE }, leader);
    });
    expect(calls).toBe(5);
  });

  it('without a cache (TTL 0), identical concurrent requests still share their runs', async () => {
    // one token signed beforehand, so that the 30 requests arrive together
    const authorization = `Bearer ${await uncached.token(leader.claims)}`;
    const calls = await callsDuring(uncached, () =>
      Promise.all(
        Array.from({ length: 30 }, () =>
          uncached.query(REGION, { code: DEMO_COUNTY_CODE }, { authorization }),
        ),
      ),
    );
    // only requests that overlap share a run: fewer runs than requests, however the arrivals spread
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThan(15);
  });

  it('with sharing off as well, every concurrent request runs', async () => {
    const calls = await callsDuring(unshared, () =>
      Promise.all(
        Array.from({ length: 30 }, () => unshared.query(REGION, { code: DEMO_COUNTY_CODE }, leader)),
      ),
    );
    expect(calls).toBe(30);
  });
});

describe('answers depend on the caller', () => {
  const PERSON = `query Officer($id: ID!) { person(id: $id) { name idNumber } }`;
  type Officer = { person: { name: string; idNumber: string } };

  it('never gives hr’s unmasked ID number to another role set, in flight or cached', async () => {
    const [asHr, anonymous, asLeader] = await Promise.all([
      cached.query<Officer>(PERSON, { id: countyLeader.id }, hr('hr-1')),
      cached.query<Officer>(PERSON, { id: countyLeader.id }),
      cached.query<Officer>(PERSON, { id: countyLeader.id }, leader),
    ]);
    expect(asHr.data!.person.idNumber).toBe(countyLeader.idNumber);
    expect(anonymous.data!.person.idNumber).toContain('****');
    expect(asLeader.data!.person.idNumber).toContain('****');
    // now cached for each audience: still each its own answer
    const again = await cached.query<Officer>(PERSON, { id: countyLeader.id });
    expect(again.data!.person.idNumber).toContain('****');
    const hrAgain = await cached.query<Officer>(PERSON, { id: countyLeader.id }, hr('hr-1'));
    expect(hrAgain.data!.person.idNumber).toBe(countyLeader.idNumber);
  });

  it('shares between two subjects with the same roles, in any order', async () => {
    // a name, not personal data: personal data is never shared (below)
    const NAME = `query OfficerName($id: ID!) { person(id: $id) { name } }`;
    await cached.query(NAME, { id: countyLeader.id }, { claims: { sub: 'a', roles: ['hr', 'leader'] } });
    const calls = await callsDuring(cached, () =>
      cached.query(NAME, { id: countyLeader.id }, { claims: { sub: 'b', roles: ['leader', 'hr'] } }),
    );
    expect(calls).toBe(0);
  });
});

describe('writes', () => {
  const ORGANIZATION = `query Unit($id: ID!) { organization(id: $id) { name } }`;
  const RENAME = `mutation Rename($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { name } }`;

  it('forget the cache: the next read after a mutation asks the subgraph and sees the change', async () => {
    const first = await cached.query<{ organization: { name: string } }>(
      ORGANIZATION,
      { id: organization.id },
      leader,
    );
    expect(first.data!.organization.name).toBe(organization.name);
    expect(await callsDuring(cached, () => cached.query(ORGANIZATION, { id: organization.id }, leader))).toBe(
      0,
    );
    const renamed = await cached.query<{ updateOrganization: { name: string } }>(
      RENAME,
      { id: organization.id, name: `${organization.name}（更名）` },
      hr('hr-1'),
    );
    expect(renamed.errors).toBeUndefined();
    let after: { organization: { name: string } } | undefined;
    const calls = await callsDuring(cached, async () => {
      after = (
        await cached.query<{ organization: { name: string } }>(ORGANIZATION, { id: organization.id }, leader)
      ).data!;
    });
    expect(calls).toBe(1);
    expect(after?.organization.name).toBe(`${organization.name}（更名）`);
  });

  it('are never shared: identical concurrent mutations each run', async () => {
    const calls = await callsDuring(cached, () =>
      Promise.all(
        Array.from({ length: 3 }, () =>
          cached.query(RENAME, { id: organization.id, name: organization.name }, hr('hr-1')),
        ),
      ),
    );
    expect(calls).toBe(3);
  });
});

/* Issue 16: personal data is never kept, and only a committed write forgets answers. */
describe('personal data', () => {
  const PERSON = `query Officer($id: ID!) { person(id: $id) { name idNumber phone } }`;

  it('is never answered from the cache, and says Cache-Control: no-store', async () => {
    const calls = await callsDuring(cached, async () => {
      for (let i = 0; i < 2; i++) await cached.query(PERSON, { id: countyLeader.id }, hr('hr-2'));
    });
    expect(calls).toBe(2);
    const authorization = `Bearer ${await cached.token({ sub: 'hr-2', roles: ['hr'] })}`;
    const answer = await fetch(`${cached.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: PERSON, variables: { id: countyLeader.id } }),
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const plain = await fetch(`${cached.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: REGION, variables: { code: DEMO_COUNTY_CODE } }),
    });
    expect(plain.headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('only a committed write forgets answers', () => {
  const ORGANIZATION = `query UnitName($id: ID!) { organization(id: $id) { name } }`;
  const RENAME = `mutation Rename($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { name } }`;
  const readTwice = async () => {
    await cached.query(ORGANIZATION, { id: organization.id }, leader);
    return callsDuring(cached, () => cached.query(ORGANIZATION, { id: organization.id }, leader));
  };

  it('an anonymous refused mutation forgets nothing', async () => {
    expect(await readTwice()).toBe(0);
    const refused = await cached.query(RENAME, { id: organization.id, name: 'x' });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await callsDuring(cached, () => cached.query(ORGANIZATION, { id: organization.id }, leader))).toBe(
      0,
    );
  });

  it('a mutation refused for bad input forgets nothing', async () => {
    expect(await readTwice()).toBe(0);
    const refused = await cached.query(RENAME, { id: organization.id, name: '' }, hr('hr-1'));
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await callsDuring(cached, () => cached.query(ORGANIZATION, { id: organization.id }, leader))).toBe(
      0,
    );
  });

  it('an anonymous POST to a /files/ path forgets nothing', async () => {
    expect(await readTwice()).toBe(0);
    const upload = await fetch(`${cached.url}/files/people/organizations.xlsx`, {
      method: 'POST',
      body: Buffer.from('not a workbook'),
    });
    expect(upload.status).toBeGreaterThanOrEqual(400);
    expect(await callsDuring(cached, () => cached.query(ORGANIZATION, { id: organization.id }, leader))).toBe(
      0,
    );
  });

  it('a committed write forgets the answers of the subgraph it wrote to, and keeps the others', async () => {
    const PILOTS = `query PilotNames { pilots(first: 3) { nodes { name } } }`;
    await Promise.all([
      twoSubgraphs.query(PILOTS, {}, leader),
      twoSubgraphs.query(ORGANIZATION, { id: organization.id }, leader),
    ]);
    const renamed = await twoSubgraphs.query(
      RENAME,
      { id: organization.id, name: `${organization.name}（二）` },
      hr('hr-1'),
    );
    expect(renamed.errors).toBeUndefined();
    expect(await callsDuring(twoSubgraphs, () => twoSubgraphs.query(PILOTS, {}, leader), 'pilots')).toBe(0);
    expect(
      await callsDuring(twoSubgraphs, () =>
        twoSubgraphs.query(ORGANIZATION, { id: organization.id }, leader),
      ),
    ).toBe(1);
  });
});
