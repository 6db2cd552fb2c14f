import fs from 'node:fs';
import path from 'node:path';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import {
  countStatements,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';
import { pilotsSubgraph } from '@county/pilots';
import { govServicesSubgraph } from '@county/gov-services';
import { governanceSubgraph } from '@county/governance';
import { DOMAINS } from '@county/cockpit';
import { runCockpitBuild, TEST_BUILDS } from './support/build-tool';

/*
 * What one cold refresh of the cockpit costs the platform, through the real gateway with its response
 * cache and in-flight sharing off: one call to each subgraph (the gateway's own count), and a bounded
 * number of SQL statements in each (the ORM's count), the figures of issue 23.
 */
const YEAR = 2019;
const METRICS_TOKEN = 'cold-cost-metrics-token-0123456789abcdef';

let subgraphs: TestSubgraph[];
let gateway: TestGateway;
let operation: string;

beforeAll(async () => {
  const out = path.join(TEST_BUILDS, 'cold-cost');
  const build = await runCockpitBuild(['--domains', DOMAINS.map((d) => d.key).join(','), '--out', out]);
  if (build.code !== 0) throw new Error(build.output);
  operation = fs.readFileSync(path.join(out, 'codegen', 'cockpit.graphql'), 'utf8');
  const people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  const domains = await Promise.all(
    [reformSubgraph, pilotsSubgraph, govServicesSubgraph, governanceSubgraph].map((definition) =>
      startTestSubgraph(definition, { demoCounties: 1, directory: people }),
    ),
  );
  subgraphs = [people, ...domains];
  gateway = await startTestGateway(subgraphs, {
    RESPONSE_CACHE_TTL_MS: '0',
    RESPONSE_SHARING: 'false',
    METRICS_TOKEN,
  });
}, 300_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all((subgraphs ?? []).map((s) => s.close()));
});

async function subgraphCalls(): Promise<Record<string, number>> {
  const text = await (
    await fetch(new URL('/metrics', gateway.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const calls: Record<string, number> = {};
  for (const [, labels, count] of text.matchAll(
    /^subgraph_request_duration_seconds_count\{([^}]*)\} (\d+)/gm,
  )) {
    const name = /subgraph="([^"]+)"/.exec(labels)![1];
    calls[name] = (calls[name] ?? 0) + Number(count);
  }
  return calls;
}

/** One cockpit request: its answer, the gateway's calls to each subgraph, each subgraph's statements. */
async function refresh(code: string) {
  const token = await gateway.token({ sub: 'cold-cost', roles: ['leader'] });
  const before = await subgraphCalls();
  const statements: Record<string, string[]> = {};
  let answer: any;
  // every subgraph's ORM counted at once: the request fans out to all of them
  const counted = subgraphs.reduceRight<() => Promise<unknown>>(
    (work, subgraph) => async () => {
      const { sql } = await countStatements(subgraph.orm, work);
      statements[subgraph.definition.name] = sql;
    },
    async () => {
      answer = await gateway.query<any>(
        operation,
        { code, year: YEAR, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
        { authorization: `Bearer ${token}` },
      );
    },
  );
  await counted();
  const after = await subgraphCalls();
  const calls = Object.fromEntries(
    Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]),
  );
  return { answer, calls, statements };
}

it('asks each of the five subgraphs once per refresh, the lists riding with the statistics', async () => {
  const { answer, calls } = await refresh(DEMO_COUNTY_CODE);
  expect(answer.errors).toBeUndefined();
  expect(answer.data.region.laggingTasks.totalCount).toBeGreaterThan(0);
  expect(answer.data.region.redDisputes).not.toBeNull();
  expect(calls).toEqual({ people: 1, reform: 1, pilots: 1, 'gov-services': 1, governance: 1 });
});

it('reads each subgraph in a handful of statements, whatever the number of regions below', async () => {
  const county = await refresh(DEMO_COUNTY_CODE);
  const city = await refresh('990700');
  const counts = (s: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(s).map(([name, sql]) => [name, sql.length]));
  console.log(
    `cockpit statements per subgraph: county ${JSON.stringify(counts(county.statements))}, city ${JSON.stringify(counts(city.statements))}\n` +
      Object.entries(county.statements)
        .map(
          ([name, sql]) => `-- ${name}\n${sql.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)).join('\n')}`,
        )
        .join('\n'),
  );
  // a city's refresh (its counties below) takes as many statements as a county's (its townships below)
  expect(counts(city.statements)).toEqual(counts(county.statements));
});
