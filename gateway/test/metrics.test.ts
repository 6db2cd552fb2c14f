import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;
let gateway: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  // every request reaches the subgraph: the response cache would answer repeats itself
  gateway = await startTestGateway([people], { RESPONSE_CACHE_TTL_MS: '0' });
});
afterAll(async () => {
  await gateway.stop();
  await people.close();
});

const scrape = async (url: string) => {
  const response = await fetch(url);
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
    const text = await scrape(`${gateway.url}/metrics`);
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
