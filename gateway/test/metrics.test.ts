import net from 'node:net';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;
let gateway: TestGateway;
const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';
const scraper = { authorization: `Bearer ${METRICS_TOKEN}` };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  // every request reaches the subgraph: the response cache would answer repeats itself
  gateway = await startTestGateway([people], {
    RESPONSE_CACHE_TTL_MS: '0',
    METRICS_TOKEN,
    METRICS_MAX_OPERATIONS: '10',
  });
});
afterAll(async () => {
  await gateway.stop();
  await people.close();
});

const scrape = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};
const sample = (text: string, name: string, labels: string) =>
  Number(new RegExp(`^${name}\\{[^}]*${labels}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

describe('/metrics in Prometheus format', () => {
  it('counts operations and errors at the gateway, and its calls to each subgraph', async () => {
    const claims = { sub: 'm', roles: ['leader'] };
    for (let i = 0; i < 3; i += 1) {
      await gateway.query(
        `query CountyName { region(code: "${DEMO_COUNTY_CODE}") { name } }`,
        {},
        { claims },
      );
    }
    // an invalid document never resolves its operation: it is counted under "anonymous"
    await gateway.query(`query Broken { region(code: 1) { nope } }`, {}, { claims });
    const text = await scrape(`${gateway.url}/metrics`, scraper);
    expect(
      sample(text, 'graphql_request_duration_seconds_count', 'operation="CountyName",outcome="ok"'),
    ).toBe(3);
    expect(sample(text, 'graphql_errors_total', 'code="GRAPHQL_VALIDATION_FAILED"')).toBe(1);
    expect(sample(text, 'subgraph_request_duration_seconds_count', 'subgraph="people",outcome="ok"')).toBe(3);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="gateway"\} \d+/m);
  });

  it('counts operations and shows the database pool at each subgraph', async () => {
    const text = await scrape(people.url.replace('/graphql', '/metrics'));
    expect(
      sample(
        text,
        'graphql_request_duration_seconds_count',
        'operation="CountyName__people__0",outcome="ok"',
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'db_pool_connections', 'state="used"')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'db_pool_connections', 'state="free"')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('service="people"');
  });
});

/* Issue 16: /metrics was public on the gateway port, and every client-chosen name became a label. */
describe('/metrics is not public and its labels are bounded', () => {
  it('answers 404 on the gateway port without the METRICS_TOKEN bearer', async () => {
    expect((await fetch(`${gateway.url}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${gateway.url}/metrics`, { headers: { authorization: 'Bearer guess' } });
    expect(wrong.status).toBe(404);
  });

  it('keeps at most METRICS_MAX_OPERATIONS names, then `other`; invalid documents name nothing', async () => {
    const claims = { sub: 'm', roles: ['leader' as const] };
    for (let i = 0; i < 40; i++) {
      await gateway.query(`query Chosen${i} { __typename }`, {}, { claims });
      await gateway.query(`query Invalid${i} { nope }`, {}, { claims });
    }
    const text = await scrape(`${gateway.url}/metrics`, scraper);
    const labels = new Set(
      [...text.matchAll(/^graphql_request_duration_seconds_count\{[^}]*operation="([^"]+)"/gm)].map(
        ([, name]) => name,
      ),
    );
    expect(labels.size).toBeLessThanOrEqual(10 + 2);
    expect(labels).toContain('other');
    expect([...labels].some((name) => name.startsWith('Invalid'))).toBe(false);
    expect(sample(text, 'graphql_request_duration_seconds_count', 'operation="other"')).toBeGreaterThan(0);
  });

  it('is served on METRICS_PORT (loopback) without a token, and not on the gateway port', async () => {
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as net.AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const separate = await startTestGateway([people], { METRICS_PORT: String(port) });
    try {
      expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
      const text = await scrape(`http://127.0.0.1:${port}/metrics`);
      expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="gateway"\} \d+/m);
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await separate.stop();
    }
  });
});
