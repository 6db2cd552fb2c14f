import fs from 'node:fs';
import { DEMO_PROVINCE_CODE, MAX_DEMO_PROVINCE_CITIES } from '@county/demo-data';
import { signDevToken } from '@county/gateway';
import type { BenchConfig } from './config';
import { COCKPIT_DOCUMENT } from './cockpit';
import { closedLoop, STATS, type LatencyFigures } from './gov-services';

/*
 * The province scenario: the city among further cities of a province 990000 (省), every subgraph seeded
 * with it, and the province's serviceStats and cockpit query measured beside the city's and the county's
 * (the gov-services and cockpit tables of the same run). The further cities carry fewer cases per county
 * than the city (BENCH_PROVINCE_CASE_SCALE), so that the bulk load stays within a few minutes.
 */

/** Counties of each further city (the city's own size in the gov-services load). */
export const PROVINCE_CITY_COUNTIES = 11;
/** Seeding the further cities in every subgraph and the larger bulk load, on top of the city's budgets. */
export const PROVINCE_BUDGET_SECONDS = 900;

export interface ProvinceShape {
  /** Cities, the demo city 990700 included. */
  cities: number;
  /** Counties in gov-services' load: the city's BENCH_GOV_COUNTIES and the further cities'. */
  counties: number;
  /** Counties in the other subgraphs' demo: the city's BENCH_COUNTIES and the further cities'. */
  demoCounties: number;
  caseScale: number;
}

/** The province the bench builds for BENCH_PROVINCE_COUNTIES (at least that many counties), or none. */
export function provinceShape(config: BenchConfig): ProvinceShape | undefined {
  if (!config.BENCH_PROVINCE_COUNTIES || !config.BENCH_GOV_SERVICES) return undefined;
  const further = Math.max(
    1,
    Math.ceil((config.BENCH_PROVINCE_COUNTIES - config.BENCH_GOV_COUNTIES) / PROVINCE_CITY_COUNTIES),
  );
  if (further + 1 > MAX_DEMO_PROVINCE_CITIES)
    throw new Error(
      `BENCH_PROVINCE_COUNTIES=${config.BENCH_PROVINCE_COUNTIES} needs ${further + 1} cities; the demo province has at most ${MAX_DEMO_PROVINCE_CITIES}`,
    );
  return {
    cities: further + 1,
    counties: config.BENCH_GOV_COUNTIES + further * PROVINCE_CITY_COUNTIES,
    demoCounties: config.BENCH_COUNTIES + further * PROVINCE_CITY_COUNTIES,
    caseScale: config.BENCH_PROVINCE_CASE_SCALE,
  };
}

/** Measured windows the province adds: serviceStats cold and as deployed, the cockpit cold, shared, warm. */
export function provinceWindows(config: BenchConfig): number {
  if (!config.BENCH_PROVINCE_COUNTIES || !config.BENCH_GOV_SERVICES) return 0;
  return config.BENCH_COCKPIT ? 5 : 1;
}

/** The demo seeders' variables (@county/kit seeding) for the province. */
export const provinceSeedEnvironment = (shape: ProvinceShape): Record<string, string> => ({
  DEMO_PROVINCE_CITIES: String(shape.cities),
  DEMO_PROVINCE_CITY_COUNTIES: String(PROVINCE_CITY_COUNTIES),
});

/** The gov-services bulk load's variables (services/gov-services/src/seeders/bench-load.ts). */
export const provinceLoadEnvironment = (shape: ProvinceShape): Record<string, string> => ({
  BENCH_PROVINCE_CITIES: String(shape.cities),
  BENCH_PROVINCE_CITY_COUNTIES: String(PROVINCE_CITY_COUNTIES),
  BENCH_PROVINCE_SCALE: String(shape.caseScale),
});

export interface ProvinceGateways {
  coldUrl: string;
  /** Only when the cockpit scenario runs. */
  sharedUrl?: string;
  warmUrl?: string;
  jwtSecret: string;
}

export interface ProvinceFigures extends LatencyFigures {
  coldMs: number;
  bytes: number;
  /** GraphQL errors in the checked answer. */
  errors: number;
}

/** One measured window of `body` on `url`: the first request timed alone, a warm-up, then the load. */
async function window(
  name: string,
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { seconds: number; warmupSeconds: number; connections: number },
): Promise<ProvinceFigures> {
  const request = () => fetch(url, { method: 'POST', headers, body });
  const started = performance.now();
  const response = await request();
  const expected = await response.text();
  const coldMs = Number((performance.now() - started).toFixed(1));
  const parsed = JSON.parse(expected) as { data?: { region?: unknown }; errors?: unknown[] };
  if (response.status !== 200 || !parsed.data?.region)
    throw new Error(`${name} answered HTTP ${response.status}: ${expected.slice(0, 600)}`);
  if (options.warmupSeconds > 0)
    await closedLoop(name, request, expected, options.warmupSeconds, options.connections);
  return {
    ...(await closedLoop(name, request, expected, options.seconds, options.connections)),
    coldMs,
    bytes: Buffer.byteLength(expected),
    errors: parsed.errors?.length ?? 0,
  };
}

/** serviceStats of the province (rollups, no cache), then the cockpit query for it cold, shared and warm. */
export async function measureProvince(
  gateways: ProvinceGateways,
  options: { seconds: number; warmupSeconds: number; connections: number; year: number },
): Promise<ProvinceFigures[]> {
  const token = await signDevToken({ sub: 'bench', roles: ['leader'] }, { secret: gateways.jwtSecret });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const figures = [
    await window(
      `serviceStats province ${DEMO_PROVINCE_CODE}, rollups, no cache`,
      gateways.coldUrl,
      STATS(DEMO_PROVINCE_CODE),
      headers,
      options,
    ),
  ];
  if (!gateways.sharedUrl || !gateways.warmUrl || !fs.existsSync(COCKPIT_DOCUMENT)) return figures;
  const { year } = options;
  const body = JSON.stringify({
    query: fs.readFileSync(COCKPIT_DOCUMENT, 'utf8'),
    operationName: 'Cockpit',
    variables: { code: DEMO_PROVINCE_CODE, year, from: `${year}-01-01`, to: `${year}-12-31` },
  });
  for (const [mode, url] of [
    ['cold', gateways.coldUrl],
    ['shared', gateways.sharedUrl],
    ['warm', gateways.warmUrl],
  ] as const)
    figures.push(await window(`cockpit province ${DEMO_PROVINCE_CODE} ${mode}`, url, body, headers, options));
  return figures;
}

export function printProvinceReport(
  figures: ProvinceFigures[],
  shape: ProvinceShape,
  load: { cases: number; seconds: number },
  connections: number,
): void {
  console.log(
    `\n## the province ${DEMO_PROVINCE_CODE}: ${shape.cities} cities, ${shape.counties} counties of cases (the other subgraphs: ${shape.demoCounties} counties of demo data)`,
  );
  console.log(
    `gov-services bulk load: ${load.cases} cases in ${load.seconds.toFixed(1)} s; the further cities' counties at ${shape.caseScale} × the city's cases per county. The city and county rows of the same run are in the tables above.`,
  );
  console.log(
    `\n| query (through the gateway, ${connections} clients) | first request ms | req/s | p50 ms | p95 ms | p99 ms | failures | errors in answer | bytes |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const f of figures)
    console.log(
      `| ${f.name} | ${f.coldMs} | ${f.requestsPerSecond} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.failures} | ${f.errors} | ${f.bytes} |`,
    );
}
