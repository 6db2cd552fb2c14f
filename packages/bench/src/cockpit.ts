import fs from 'node:fs';
import path from 'node:path';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { withClient } from '@county/postgres';
import { signDevToken } from '@county/gateway';
import { ROOT } from '@county/platform';
import type { CpuUsage } from './cpu';
import type { LoadWindow } from './profile';
import { closedLoop, type LatencyFigures } from './gov-services';
import { QUERY as DIRECTORY_QUERY } from './targets';

/*
 * The cockpit scenario: the one request a leaders' screen sends per refresh (every panel, every subgraph),
 * for the city and for one county, at `connections` concurrent screens, through a gateway with its
 * response cache and sharing off (cold: every request runs), one with the cache off but identical
 * in-flight requests shared (shared: what the deployed gateway does with no cache), and one with both on
 * (warm).
 */

/** The operation the cockpit sends, as its build writes it from cockpit/web (the screen and the bench agree). */
export const COCKPIT_DOCUMENT = path.join(ROOT, 'cockpit/dist/codegen/cockpit.graphql');

/** The run whose window `BENCH_PROFILE=cockpit` reads the subgraphs' profiles in. */
export const COCKPIT_CITY_COLD = 'cockpit city 990700 cold';

export interface CockpitGateways {
  /** RESPONSE_CACHE_TTL_MS=0, RESPONSE_SHARING=false. */
  coldUrl: string;
  /** RESPONSE_CACHE_TTL_MS=0, identical in-flight requests shared (the default). */
  sharedUrl: string;
  /** The defaults: answers shared in flight and cached. */
  warmUrl: string;
  jwtSecret: string;
  /** The bearer token of every gateway's `/metrics`. */
  metricsToken: string;
  /** The embedded server's admin URL when it keeps pg_stat_statements (BENCH_PG_STATEMENTS=true). */
  statementsUrl?: string;
}

/** One statement's share of a cold run: PostgreSQL's planning and execution time per cockpit request. */
export interface StatementCost {
  database: string;
  callsPerRequest: number;
  planMs: number;
  execMs: number;
  query: string;
}

const TOP_STATEMENTS = `
select d.datname as database, s.calls::int as calls, s.total_plan_time as plan, s.total_exec_time as exec,
       left(regexp_replace(s.query, '\\s+', ' ', 'g'), 140) as query
  from pg_stat_statements s join pg_database d on d.oid = s.dbid
 order by s.total_plan_time + s.total_exec_time desc
 limit 15`;

/** Starts counting statements afresh; what it returns reads the top ones, per request. */
async function statementCosts(url: string | undefined) {
  if (!url) return undefined;
  await withClient(url, async (client) => {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select pg_stat_statements_reset()');
  });
  return async (requests: number): Promise<StatementCost[]> => {
    const { rows } = await withClient(url, (client) =>
      client.query<{ database: string; calls: number; plan: number; exec: number; query: string }>(
        TOP_STATEMENTS,
      ),
    );
    const per = (value: number) => Number((value / Math.max(1, requests)).toFixed(3));
    return rows.map((row) => ({
      database: row.database,
      callsPerRequest: per(row.calls),
      planMs: per(row.plan),
      execMs: per(row.exec),
      query: row.query,
    }));
  };
}

export interface CockpitFigures extends LatencyFigures {
  /** GraphQL errors in the checked answer (a panel whose subgraph failed): such answers are never cached. */
  errors: number;
  bytes: number;
  /** Cold runs only: the gateway's calls to each subgraph per request, counted by its own metrics. */
  callsPerRequest?: Record<string, number>;
  /** Cold runs only: CPU milliseconds per request of each process (gateway, each subgraph, PostgreSQL). */
  cpuMsPerRequest?: Record<string, number>;
  /** Cold runs only: when the measured load ran (monotonic µs, V8's profile clock), for the profiles. */
  window?: LoadWindow;
  /** Cold runs with BENCH_PG_STATEMENTS=true: the statements that took PostgreSQL's time. */
  statements?: StatementCost[];
}

/** Starts a CPU meter over the running processes; what it returns stops it. */
export type CpuProbe = () => () => CpuUsage | undefined;

/** Calls from the gateway at `graphqlUrl` to each subgraph so far, from its `/metrics`. */
async function subgraphCalls(graphqlUrl: string, token: string): Promise<Map<string, number>> {
  const url = graphqlUrl.replace(/\/graphql$/, '/metrics');
  const text = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text();
  const calls = new Map<string, number>();
  for (const match of text.matchAll(/^subgraph_request_duration_seconds_count\{([^}]*)\} (\d+)/gm)) {
    const subgraph = /subgraph="([^"]+)"/.exec(match[1])?.[1] ?? '?';
    calls.set(subgraph, (calls.get(subgraph) ?? 0) + Number(match[2]));
  }
  return calls;
}

const perRequest = (value: number, requests: number) => Number((value / Math.max(1, requests)).toFixed(2));

/** A closed loop on the cold gateway with the calls it made and where the CPU went, per request. */
async function coldLoop(
  gateways: CockpitGateways,
  cpu: CpuProbe,
  loop: () => Promise<LatencyFigures>,
): Promise<
  Pick<CockpitFigures, 'callsPerRequest' | 'cpuMsPerRequest' | 'window' | 'statements'> & LatencyFigures
> {
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  const statements = await statementCosts(gateways.statementsUrl);
  const before = await subgraphCalls(gateways.coldUrl, gateways.metricsToken);
  const stop = cpu();
  const from = micros();
  const figures = await loop();
  const to = micros();
  const usage = stop();
  const after = await subgraphCalls(gateways.coldUrl, gateways.metricsToken);
  const callsPerRequest: Record<string, number> = {};
  for (const [subgraph, count] of after)
    callsPerRequest[subgraph] = perRequest(count - (before.get(subgraph) ?? 0), figures.requests);
  // cores used × 1000 ÷ requests a second = CPU ms per request
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(usage?.cores ?? {})
      .filter(([name]) => !['idle', 'gateway-cached', 'gateway-sharing'].includes(name))
      .map(([name, cores]) => [name, Number(((cores * 1000) / figures.requestsPerSecond).toFixed(2))]),
  );
  return {
    ...figures,
    callsPerRequest,
    cpuMsPerRequest,
    window: { from, to, requests: figures.requests },
    ...(statements ? { statements: await statements(figures.requests) } : {}),
  };
}

function cockpitDocument(): string {
  if (!fs.existsSync(COCKPIT_DOCUMENT))
    throw new Error(`No cockpit operation at ${COCKPIT_DOCUMENT}: build the cockpit (npm run build)`);
  return fs.readFileSync(COCKPIT_DOCUMENT, 'utf8');
}

/** The cockpit query for the city and the demo county, cold, shared and warm, each for `seconds` under load. */
export async function measureCockpit(
  gateways: CockpitGateways,
  options: { seconds: number; warmupSeconds: number; connections: number; year: number },
  cpu: CpuProbe,
): Promise<CockpitFigures[]> {
  const query = cockpitDocument();
  const token = await signDevToken({ sub: 'bench', roles: ['leader'] }, { secret: gateways.jwtSecret });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const { year } = options;
  const figures: CockpitFigures[] = [];
  // the ratio's denominator: the directory page, same gateway, same client, same run
  {
    const body = JSON.stringify({ query: DIRECTORY_QUERY });
    const request = () => fetch(gateways.coldUrl, { method: 'POST', headers, body });
    const expected = await (await request()).text();
    const name = 'directory page cold';
    if (options.warmupSeconds > 0)
      await closedLoop(name, request, expected, options.warmupSeconds, options.connections);
    figures.push({
      ...(await coldLoop(gateways, cpu, () =>
        closedLoop(name, request, expected, options.seconds, options.connections),
      )),
      errors: 0,
      bytes: Buffer.byteLength(expected),
    });
  }
  for (const [mode, url] of [
    ['cold', gateways.coldUrl],
    ['shared', gateways.sharedUrl],
    ['warm', gateways.warmUrl],
  ] as const) {
    for (const [scope, code] of [
      ['city 990700', '990700'],
      [`county ${DEMO_COUNTY_CODE}`, DEMO_COUNTY_CODE],
    ] as const) {
      const name = `cockpit ${scope} ${mode}`;
      const body = JSON.stringify({
        query,
        operationName: 'Cockpit',
        variables: { code, year, from: `${year}-01-01`, to: `${year}-12-31` },
      });
      const request = () => fetch(url, { method: 'POST', headers, body });
      const coldStart = performance.now();
      const response = await request();
      const expected = await response.text();
      const coldMs = Number((performance.now() - coldStart).toFixed(1));
      const parsed = JSON.parse(expected) as { data?: { region?: unknown }; errors?: unknown[] };
      if (response.status !== 200 || !parsed.data?.region)
        throw new Error(`${name} answered HTTP ${response.status}: ${expected.slice(0, 600)}`);
      if (options.warmupSeconds > 0)
        await closedLoop(name, request, expected, options.warmupSeconds, options.connections);
      const loop = () => closedLoop(name, request, expected, options.seconds, options.connections);
      figures.push({
        ...(mode === 'cold' ? await coldLoop(gateways, cpu, loop) : await loop()),
        coldMs,
        errors: parsed.errors?.length ?? 0,
        bytes: Buffer.byteLength(expected),
      });
    }
  }
  return figures;
}

export function printCockpitReport(figures: CockpitFigures[], connections: number, year: number): void {
  console.log(`\n## the cockpit query (${COCKPIT_DOCUMENT}), year ${year}, every subgraph`);
  console.log(
    `cold: gateway with RESPONSE_CACHE_TTL_MS=0 and RESPONSE_SHARING=false (every request runs); shared: RESPONSE_CACHE_TTL_MS=0, identical requests in flight share one execution; warm: the defaults (shared in flight, cached)`,
  );
  console.log(
    `\n| query (through the gateway, ${connections} clients) | first request ms | req/s | p50 ms | p95 ms | p99 ms | failures | errors in answer | bytes |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const f of figures)
    console.log(
      `| ${f.name} | ${f.coldMs ?? ''} | ${f.requestsPerSecond} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.failures} | ${f.errors} | ${f.bytes} |`,
    );
  printColdCost(figures);
}

/** Calls and CPU per request of the cold runs, and the cockpit's ratios (issue 23's goals). */
function printColdCost(figures: CockpitFigures[]): void {
  const cold = figures.filter((f) => f.callsPerRequest);
  const subgraphs = [...new Set(cold.flatMap((f) => Object.keys(f.callsPerRequest ?? {})))].sort();
  const parts = [...new Set(cold.flatMap((f) => Object.keys(f.cpuMsPerRequest ?? {})))].sort();
  console.log(
    '\n### cold: subgraph calls and CPU ms per request (the gateway counts the calls; CPU from /proc)',
  );
  console.log(`\n| query | calls | ${subgraphs.join(' | ')} | ${parts.map((p) => `CPU ${p}`).join(' | ')} |`);
  console.log(`|---|---|${subgraphs.map(() => '---|').join('')}${parts.map(() => '---|').join('')}`);
  for (const f of cold) {
    const calls = Object.values(f.callsPerRequest ?? {}).reduce((a, b) => a + b, 0);
    console.log(
      `| ${f.name} | ${calls.toFixed(2)} | ${subgraphs.map((s) => f.callsPerRequest?.[s] ?? 0).join(' | ')} | ${parts.map((p) => f.cpuMsPerRequest?.[p] ?? '').join(' | ')} |`,
    );
  }
  const rate = (name: string) => figures.find((f) => f.name.startsWith(name))?.requestsPerSecond ?? NaN;
  const directory = rate('directory page cold');
  const city = rate('cockpit city');
  const county = rate(`cockpit county ${DEMO_COUNTY_CODE} cold`);
  const cityCold = figures.find((f) => f.name.startsWith('cockpit city') && f.name.endsWith('cold'));
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log("\n### the cockpit's cold-cost ratios, same run (goals: cost ≥ 0.6, growth ≥ 0.8, calls ≤ 6)");
  console.log(
    `- cost: cockpit city cold ÷ directory page cold = ${ratio(cityCold?.requestsPerSecond ?? city, directory)}`,
  );
  console.log(
    `- growth: cockpit city cold ÷ cockpit county cold = ${ratio(cityCold?.requestsPerSecond ?? city, county)}`,
  );
  const calls = Object.values(cityCold?.callsPerRequest ?? {}).reduce((a, b) => a + b, 0);
  console.log(`- calls: ${calls.toFixed(2)} subgraph calls per cockpit request (city)`);
  for (const f of cold.filter((run) => run.statements?.length)) {
    console.log(`\n### ${f.name}: PostgreSQL's time by statement, per request (pg_stat_statements)`);
    console.log('\n| database | calls | plan ms | exec ms | statement |');
    console.log('|---|---|---|---|---|');
    for (const s of f.statements ?? [])
      console.log(
        `| ${s.database} | ${s.callsPerRequest} | ${s.planMs} | ${s.execMs} | \`${s.query.replace(/\|/g, '\\|')}\` |`,
      );
  }
}
