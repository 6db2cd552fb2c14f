import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

const leader = { claims: { sub: 'leader-1', roles: ['leader'] } };
let people: TestSubgraph;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

const withGateway = async (env: Record<string, string>, test: (gateway: TestGateway) => Promise<void>) => {
  const gateway = await startTestGateway([people], env);
  try {
    await test(gateway);
  } finally {
    await gateway.stop();
  }
};

const nested = (depth: number) =>
  `{ region(code: "${DEMO_COUNTY_CODE}") { ${'parent { '.repeat(depth)}code${' }'.repeat(depth)} } }`;

describe('limits on one operation, each named in its error', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([people], {
      LIMIT_DEPTH: '6',
      LIMIT_ALIASES: '5',
      LIMIT_DIRECTIVES: '3',
      LIMIT_TOKENS: '400',
      LIMIT_COST: '500',
    });
  });
  afterAll(() => gateway.stop());

  it('runs an operation within every limit', async () => {
    const { errors, data } = await gateway.query<any>(nested(1), {}, leader);
    expect(errors).toBeUndefined();
    expect(data.region.parent.code).toBe(DEMO_COUNTY_CODE.slice(0, 4) + '00');
  });

  it.each([
    ['depth', nested(8), /depth limit of 6/i],
    [
      'aliases',
      `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: region(code: "${DEMO_COUNTY_CODE}") { code }`).join(' ')} }`,
      /aliases limit of 5/i,
    ],
    [
      'directives',
      `{ region(code: "${DEMO_COUNTY_CODE}") { code ${'@include(if: true) '.repeat(5)} } }`,
      /directives limit of 3/i,
    ],
    ['tokens', `{ region(code: "${DEMO_COUNTY_CODE}") { ${'code '.repeat(500)} } }`, /400 tokens/i],
  ])('refuses an operation over the %s limit', async (_, query, message) => {
    const response = await gateway.query<any>(query, {}, leader);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(message);
    expect(response.status).toBe(400);
  });

  it('estimates cost from page sizes, with the variables, and names LIMIT_COST', async () => {
    const query = `query ($first: Int!) { organizations(regionCode: "${DEMO_COUNTY_CODE}", first: $first) {
      nodes { name region { name children { name } } } } }`;
    const small = await gateway.query<any>(query, { first: 2 }, leader);
    expect(small.errors).toBeUndefined();
    const big = await gateway.query<any>(query, { first: 100 }, leader);
    expect(big.status).toBe(400);
    expect(big.data ?? null).toBeNull();
    expect(big.errors?.[0].extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      limit: 'LIMIT_COST',
      maximum: 500,
    });
    expect(big.errors?.[0].extensions?.cost).toBeGreaterThan(500);
    // estimates are remembered per document and variables: each set keeps its own, in either order
    const bigAgain = await gateway.query<any>(query, { first: 100 }, leader);
    expect(bigAgain.errors?.[0].extensions).toEqual(big.errors?.[0].extensions);
    const smallAgain = await gateway.query<any>(query, { first: 2 }, leader);
    expect(smallAgain.errors).toBeUndefined();
    expect(smallAgain.data).toEqual(small.data);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await gateway.token(leader.claims)}`,
      },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('rate limiting per token', () => {
  it('answers 429 with Retry-After past the limit, and counts each caller apart', () =>
    withGateway({ RATE_LIMIT_PER_MINUTE: '3' }, async (gateway) => {
      const statuses = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await gateway.query('{ __typename }', {}, leader)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await gateway.query<any>('{ __typename }', {}, leader);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'RATE_LIMITED',
        limit: 'RATE_LIMIT_PER_MINUTE',
      });
      const other = await gateway.query('{ __typename }', {}, { claims: { sub: 'someone-else', roles: [] } });
      expect(other.status).toBe(200);
    }));
});

describe('CORS allow-list', () => {
  const preflight = (gateway: TestGateway, origin: string) =>
    fetch(`${gateway.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });

  it('lets listed origins in and gives others nothing a browser would accept', () =>
    withGateway(
      { CORS_ORIGINS: 'https://dashboard.county.example, https://screen.county.example' },
      async (gateway) => {
        const allowed = await preflight(gateway, 'https://screen.county.example');
        expect(allowed.status).toBe(204);
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://screen.county.example');
        expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
        const other = await preflight(gateway, 'https://evil.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      },
    ));
});

describe('production mode', () => {
  const registered = `query RegionName($code: ID!) { region(code: $code) { name } }`;
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-')), 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify({ RegionName: registered }));

  it('runs registered operations only, hides the schema and the explorer', () =>
    withGateway({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_PATH: manifest }, async (gateway) => {
      const ok = await gateway.query<any>(registered, { code: DEMO_COUNTY_CODE }, leader);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.region.name).toBeTruthy();
      const other = await gateway.query<any>(`{ region(code: "${DEMO_COUNTY_CODE}") { name } }`, {}, leader);
      expect(other.status).toBe(400);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED' });
      const introspection = await gateway.query<any>('{ __schema { types { name } } }', {}, leader);
      expect(introspection.data ?? null).toBeNull();
      expect((await fetch(`${gateway.url}/explorer`)).status).toBe(404);
    }));

  it('will not start in production without a manifest of trusted documents', async () => {
    await expect(startTestGateway([people], { NODE_ENV: 'production' })).rejects.toThrow(
      /TRUSTED_DOCUMENTS_PATH/,
    );
  });
});
