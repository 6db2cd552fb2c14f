import fs from 'node:fs';
import path from 'node:path';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { signDevToken } from '@county/gateway';
import { ROOT } from '@county/platform';
import { closedLoop, type LatencyFigures } from './gov-services';

/*
 * The cockpit scenario: the one request a leaders' screen sends per refresh (every panel, every subgraph),
 * for the city and for one county, at `connections` concurrent screens, through a gateway with its
 * response cache and sharing off (cold: every request runs), one with the cache off but identical
 * in-flight requests shared (shared: what the deployed gateway does with no cache), and one with both on
 * (warm).
 */

/** The operation the cockpit sends, as its build writes it from cockpit/web (the screen and the bench agree). */
export const COCKPIT_DOCUMENT = path.join(ROOT, 'cockpit/dist/codegen/cockpit.graphql');

export interface CockpitGateways {
  /** RESPONSE_CACHE_TTL_MS=0, RESPONSE_SHARING=false. */
  coldUrl: string;
  /** RESPONSE_CACHE_TTL_MS=0, identical in-flight requests shared (the default). */
  sharedUrl: string;
  /** The defaults: answers shared in flight and cached. */
  warmUrl: string;
  jwtSecret: string;
}

export interface CockpitFigures extends LatencyFigures {
  /** GraphQL errors in the checked answer (a panel whose subgraph failed): such answers are never cached. */
  errors: number;
  bytes: number;
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
): Promise<CockpitFigures[]> {
  const query = cockpitDocument();
  const token = await signDevToken({ sub: 'bench', roles: ['leader'] }, { secret: gateways.jwtSecret });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const { year } = options;
  const figures: CockpitFigures[] = [];
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
      figures.push({
        ...(await closedLoop(name, request, expected, options.seconds, options.connections)),
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
      `| ${f.name} | ${f.coldMs} | ${f.requestsPerSecond} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.failures} | ${f.errors} | ${f.bytes} |`,
    );
}
