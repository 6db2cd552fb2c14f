import { peopleSubgraph } from '@county/people';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { probeSubgraph, startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';

/*
 * Fast failure at the gateway: a read waits for a subgraph at most its read timeout, and a subgraph that
 * keeps failing is not waited for at all (its circuit is open) until a probe succeeds. The slow subgraph
 * here is real: it answers after the time it is asked to take.
 */
let people: TestSubgraph;
let probe: TestGateway['url'];
let slow: TestSubgraph;
let gateway: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  slow = await startTestSubgraph(probeSubgraph);
  gateway = await startTestGateway([people, slow], {
    SUBGRAPH_READ_TIMEOUT_MS: '400',
    SUBGRAPH_CIRCUIT_RESET_MS: '1000',
    SUBGRAPH_CIRCUIT_MIN_CALLS: '3',
    RESPONSE_CACHE_TTL_MS: '0',
    RESPONSE_SHARING: 'false',
  });
  probe = gateway.url;
}, 120_000);
afterAll(async () => {
  await gateway.stop();
  await Promise.all([people.close(), slow.close()]);
});

const both = (ms: number) => `{ region(code: "${DEMO_COUNTY_CODE}") { name } probeSlow(ms: ${ms}) }`;

async function timed(query: string) {
  const started = Date.now();
  const answer = await gateway.query<{ region: { name: string } | null; probeSlow: string | null }>(query);
  return { ...answer, ms: Date.now() - started };
}

it('answers the rest within the read timeout, then at once while the circuit is open, then fully again', async () => {
  expect(probe).toBeTruthy();
  const first = await Promise.all([1, 2, 3].map(() => timed(both(3000))));
  const next = [await timed(both(1)), await timed(both(1))];
  console.log(
    'slow subgraph: first answers in ms',
    first.map((a) => a.ms),
    'then',
    next.map((a) => a.ms),
  );
  for (const answer of [...first, ...next]) {
    expect(answer.data?.region?.name).toBeTruthy();
    expect(answer.data?.probeSlow).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'probe',
    });
  }
  for (const answer of first) {
    expect(answer.ms).toBeLessThan(2500);
    expect(answer.errors?.[0]?.extensions?.reason).toBe('timeout');
  }
  for (const answer of next) {
    expect(answer.errors?.[0]?.extensions?.reason).toBe('circuit-open');
    expect(answer.ms).toBeLessThan(300);
  }
  // after the reset time a probe goes through; it succeeds, and the circuit closes
  const deadline = Date.now() + 10_000;
  let answer = await timed(both(1));
  while (answer.errors && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await timed(both(1));
  }
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.probeSlow).toBe('done');
});
