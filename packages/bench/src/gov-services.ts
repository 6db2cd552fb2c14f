import fs from 'node:fs';
import path from 'node:path';
import { demoOrganizationId, organizationNaturalKey, DEMO_COUNTY_CODE } from '@county/demo-data';
import { Identity } from '@county/kit';
import { gatewayHeaders, type DeploymentKeys, ROOT, lastLines, type ServiceProcess } from '@county/platform';
import { composeSupergraph, signDevToken } from '@county/gateway';

/*
 * The gov-services scenario: a city of 11 counties × one year of cases (≈ 2.5 M) bulk-loaded, then
 * Region.serviceStats for the city and for one county through the gateway under concurrent load, and the
 * cost of a case write (event + rollups) straight to the subgraph.
 */

export const GOV_SERVICES_MAIN = path.join(ROOT, 'services/gov-services/dist/main.js');
export const GOV_SERVICES_LOAD = path.join(ROOT, 'services/gov-services/dist/seeders/bench-load.js');
export const GOV_SERVICES_DATABASE = 'county_gov_services';

export interface LoadFigures {
  counties: number;
  catalogue: number;
  cases: number;
  seconds: number;
  rollupRows: number;
}

/** Waits for the load process and reads the JSON line it prints last. */
export async function loadFigures(loader: ServiceProcess): Promise<LoadFigures> {
  const code = await loader.exited;
  const last = lastLines(loader.logFile, 1);
  if (code !== 0)
    throw new Error(`the gov-services bulk load failed (exit ${code}):\n${lastLines(loader.logFile, 12)}`);
  return JSON.parse(last) as LoadFigures;
}

/** A subgraph's SDL from its `_service` field, as composition reads it. */
async function sdlOf(name: string, url: string, keys: DeploymentKeys): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await gatewayHeaders(keys, name)) },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service: { sdl: string } } };
  if (!body.data) throw new Error(`no SDL from ${url}`);
  return body.data._service.sdl;
}

/** Composes the running subgraphs (their SDL as they serve it) into a supergraph file for the gateway (SUPERGRAPH_PATH). */
export async function writeSupergraph(
  subgraphs: { name: string; url: string }[],
  keys: DeploymentKeys,
  file: string,
): Promise<void> {
  const sources = await Promise.all(
    subgraphs.map(async (s) => ({ name: s.name, url: s.url, sdl: await sdlOf(s.name, s.url, keys) })),
  );
  fs.writeFileSync(file, (await composeSupergraph(sources)).supergraph);
}

export interface LatencyFigures {
  name: string;
  /** The first request, before any warm-up: rollups read, nothing cached. */
  coldMs?: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

let stopped = false;
/** Ends the load loops now (Ctrl-C, deadline). */
export function stopGovLoad(): void {
  stopped = true;
}

/**
 * `connections` clients, each sending the next request when the last answered, for `seconds`: exact
 * latency percentiles (p95 included), every answer checked against the expected body.
 */
export async function closedLoop(
  name: string,
  request: () => Promise<Response>,
  expected: string,
  seconds: number,
  connections: number,
): Promise<LatencyFigures> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!stopped && performance.now() < end) {
        const t = performance.now();
        try {
          const response = await request();
          const text = await response.text();
          if (response.status !== 200 || text !== expected) failures++;
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    p99: round(percentile(latencies, 0.99)),
    failures,
  };
}

/** The serviceStats request of a region (the province scenario asks it too: packages/bench/src/province.ts). */
export const STATS = (code: string) =>
  JSON.stringify({
    query: `{ region(code: "${code}") { name serviceStats(from: "2019-01-01", to: "2019-12-31") {
      received completed yearOnYearGrowth p50WorkingDays p80WorkingDays onTimeRate onlineShare oneVisitShare
      satisfactionShare badReviews badReviewsRectifiedOnTime targetAttainment
      byMonth { month received } byChannel { channel received } byLevel { level received }
      topItems { item { name } received } topCentres { centre { name } received } } } }`,
  });

export interface GovServicesEndpoints {
  /** Response cache and sharing off: every request reads the rollups. */
  gatewayUrl: string;
  /** The gateway's defaults (identical requests shared in flight, answers cached 5 s), when running. */
  cachedGatewayUrl?: string;
  jwtSecret: string;
  govServicesUrl: string;
  /** To call gov-services directly, as the gateway would. */
  keys: DeploymentKeys;
}

/**
 * serviceStats for the city and the demo county through the gateway, each for `seconds` under load: with
 * every cache off (the subgraph's too), then through the gateway as deployed when that one runs.
 */
export async function measureServiceStats(
  endpoints: GovServicesEndpoints,
  options: { seconds: number; warmupSeconds: number; connections: number },
): Promise<{ figures: LatencyFigures[]; received: Record<string, number> }> {
  const token = await signDevToken({ sub: 'bench', roles: ['leader'] }, { secret: endpoints.jwtSecret });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const figures: LatencyFigures[] = [];
  const received: Record<string, number> = {};
  const gateways = [
    ['rollups, no cache', endpoints.gatewayUrl],
    ...(endpoints.cachedGatewayUrl ? [['as deployed', endpoints.cachedGatewayUrl]] : []),
  ];
  const runs = gateways.flatMap(([mode, url]) =>
    [
      ['city', '990700'],
      ['county', DEMO_COUNTY_CODE],
    ].map(([scope, code]) => ({ name: `serviceStats ${scope} ${code}, ${mode}`, url, code })),
  );
  for (const { name, url, code } of runs) {
    const body = STATS(code);
    const request = () => fetch(url, { method: 'POST', headers, body });
    const coldStart = performance.now();
    const expected = await (await request()).text();
    const coldMs = round(performance.now() - coldStart);
    const parsed = JSON.parse(expected) as {
      data?: { region?: { serviceStats?: { received: number } } };
      errors?: unknown[];
    };
    if (parsed.errors?.length || !parsed.data?.region?.serviceStats)
      throw new Error(`${name} answered with errors: ${expected.slice(0, 600)}`);
    received[code] = parsed.data.region.serviceStats.received;
    if (options.warmupSeconds > 0)
      await closedLoop(name, request, expected, options.warmupSeconds, options.connections);
    figures.push({
      ...(await closedLoop(name, request, expected, options.seconds, options.connections)),
      coldMs,
    });
  }
  return { figures, received };
}

export interface WriteFigures {
  cases: number;
  events: number;
  msPerEvent: { mean: number; p50: number; p95: number };
}

/**
 * The cost of a write: `cases` cases registered, accepted and completed one after another at the county
 * centre, straight to the subgraph (as the gateway would forward them); each event appends a row and
 * updates the rollups in one transaction.
 */
export async function measureCaseWrites(endpoints: GovServicesEndpoints, cases = 100): Promise<WriteFigures> {
  const organization = demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, 'service-center'));
  const caller = Identity.fromClaims({ sub: 'bench', roles: [`department:${organization}`] });
  const headers = async () => ({
    'content-type': 'application/json',
    ...(await gatewayHeaders(endpoints.keys, 'gov-services', caller)),
  });
  const send = async (query: string, variables: Record<string, unknown>) => {
    const t = performance.now();
    const response = await fetch(endpoints.govServicesUrl, {
      method: 'POST',
      headers: await headers(),
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
    if (body.errors?.length || !body.data)
      throw new Error(`a case write failed: ${JSON.stringify(body.errors)}`);
    return { ms: performance.now() - t, data: body.data };
  };
  const timings: number[] = [];
  for (let i = 0; i < cases && !stopped; i++) {
    const day = `2019-12-${String(2 + (i % 20)).padStart(2, '0')}`;
    const registered = await send(
      'mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }',
      {
        input: {
          itemId: demoOrganizationId(`item:${DEMO_COUNTY_CODE}:${i % 100}`),
          centreId: demoOrganizationId(`centre:${DEMO_COUNTY_CODE}`),
          channel: 'WINDOW',
          applicantKind: 'PERSON',
          receivedAt: `${day}T01:00:00Z`,
        },
      },
    );
    const id = registered.data.registerCase.id;
    const event =
      'mutation ($id: ID!, $input: CaseEventInput!) { recordCaseEvent(caseId: $id, input: $input) { id } }';
    const accepted = await send(event, { id, input: { kind: 'ACCEPTED', at: `${day}T01:10:00Z` } });
    const completed = await send(event, {
      id,
      input: { kind: 'COMPLETED', at: `${day}T08:00:00Z`, result: 'APPROVED' },
    });
    timings.push(registered.ms, accepted.ms, completed.ms);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    cases,
    events: timings.length,
    msPerEvent: {
      mean: round(timings.reduce((s, t) => s + t, 0) / (timings.length || 1), 2),
      p50: round(percentile(sorted, 0.5), 2),
      p95: round(percentile(sorted, 0.95), 2),
    },
  };
}

interface CalendarAnswer {
  version: number;
  source: string;
  days: { day: string; kind: string; name: string | null }[];
  recompute: RecomputeFigures & { status: string };
}

export interface RecomputeFigures {
  casesTotal: number;
  casesChanged: number;
  ratingsDone: number;
  seconds: number;
}

/**
 * The cost of entering a year after the fact: 2019 corrected (made up: Monday 10 June off as well, Saturday
 * 15 June worked) by the bureau, then the background recompute of every 2019 case timed until the
 * subgraph's /readyz no longer lists it.
 */
export async function measureCalendarRecompute(endpoints: GovServicesEndpoints): Promise<RecomputeFigures> {
  const caller = Identity.fromClaims({ sub: 'bench', roles: ['approval-bureau'] });
  const headers = async () => ({
    'content-type': 'application/json',
    ...(await gatewayHeaders(endpoints.keys, 'gov-services', caller)),
  });
  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(endpoints.govServicesUrl, {
      method: 'POST',
      headers: await headers(),
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: { workingCalendar: CalendarAnswer };
      errors?: unknown[];
    };
    if (body.errors?.length || !body.data) throw new Error(`calendar: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const { workingCalendar: year } = await send(
    '{ workingCalendar(year: 2019) { version source days { day kind name } } }',
  );
  const started = performance.now();
  await send('mutation ($input: WorkingCalendarInput!) { enterWorkingCalendar(input: $input) { version } }', {
    input: {
      year: 2019,
      version: year.version,
      source: `${year.source}（bench correction）`,
      days: [
        ...year.days.map((d: { day: string; kind: string; name: string | null }) => ({
          date: d.day,
          kind: d.kind,
          name: d.name,
        })),
        { date: '2019-06-10', kind: 'HOLIDAY' },
        { date: '2019-06-15', kind: 'WORKDAY' },
      ],
    },
  });
  const readyz = endpoints.govServicesUrl.replace(/\/graphql$/, '/readyz');
  for (;;) {
    if (stopped) throw new Error('stopped while the calendar recompute ran');
    const report = (await (await fetch(readyz)).json()) as { calendar?: { recomputing: number[] } };
    if (!report.calendar?.recomputing.length) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const { workingCalendar: done } = await send(
    '{ workingCalendar(year: 2019) { recompute { status casesTotal casesChanged ratingsDone } } }',
  );
  if (done.recompute.status !== 'DONE') throw new Error('the calendar recompute did not finish');
  const { casesTotal, casesChanged, ratingsDone } = done.recompute;
  return { casesTotal, casesChanged, ratingsDone, seconds: round(seconds, 1) };
}

export function printGovServicesReport(
  load: LoadFigures,
  stats: { figures: LatencyFigures[]; received: Record<string, number> },
  writes: WriteFigures,
  connections: number,
  recompute?: RecomputeFigures,
): void {
  console.log('\n## gov-services at city scale');
  console.log(
    `bulk load: ${load.cases.toLocaleString('en')} cases in ${load.counties} counties (+ ${load.catalogue} items and centres) in ${load.seconds.toFixed(1)} s (target < 120 s); ${load.rollupRows.toLocaleString('en')} rollup rows`,
  );
  console.log(
    `received in 2019: city ${stats.received['990700']}, county ${stats.received[DEMO_COUNTY_CODE]}`,
  );
  console.log(
    `\n| query (through the gateway, ${connections} clients) | first request ms | req/s | p50 ms | p95 ms | p99 ms | failures |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const f of stats.figures)
    console.log(
      `| ${f.name} | ${f.coldMs} | ${f.requestsPerSecond} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.failures} |`,
    );
  console.log(
    `\ncase writes (straight to the subgraph, one at a time): ${writes.events} events, ${writes.msPerEvent.mean} ms mean, p50 ${writes.msPerEvent.p50} ms, p95 ${writes.msPerEvent.p95} ms per event (row + rollups in one transaction)`,
  );
  if (recompute)
    console.log(
      `\ncalendar recompute (2019 corrected after the fact, in the background): ${recompute.casesTotal.toLocaleString('en')} cases read, ${recompute.casesChanged.toLocaleString('en')} changed, ${recompute.ratingsDone.toLocaleString('en')} bad-review deadlines, in ${recompute.seconds} s (${Math.round(recompute.casesTotal / recompute.seconds).toLocaleString('en')} cases/s)`,
    );
}
