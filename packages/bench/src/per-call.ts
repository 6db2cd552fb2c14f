import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Identity } from '@county/kit';
import {
  databaseUrl,
  ensureDatabase,
  freePort,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '@county/postgres';
import {
  SUBGRAPHS,
  gatewayHeaders,
  generateDeploymentKeys,
  launchService,
  runSeeder,
  stopService,
  subgraphEnvironment,
  type LaunchedService,
} from '@county/platform';
import { startCpuMeter, withChildren } from './cpu';
import { summariseProfile } from './profile';

/**
 * A subgraph's CPU per call before its SQL (issue 23, "Per call"): people alone on an embedded PostgreSQL,
 * called as the gateway calls it (a signed caller token) by N clients in a closed loop, with a trivial
 * field and with the entity path every cockpit call takes. Prints req/s and the subgraph's CPU ms per
 * request (/proc). `--profile` runs it under `--cpu-prof` and prints where the CPU went.
 *
 *   node packages/bench/dist/per-call.js [--clients 8] [--seconds 5] [--profile] [--only typename|entity]
 */
const HOST = '127.0.0.1';
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const CLIENTS = option('clients', 8);
const SECONDS = Math.min(option('seconds', 5), 60);
const WARM_SECONDS = 2;
const PROFILE = args.includes('--profile');
/** `--only entity`: one of the queries, e.g. to profile it alone. */
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
/** Whatever happens, nothing runs past this. */
const DEADLINE_MS = 10 * 60_000;

/** The entity call as the gateway sends it: the representations as a variable. */
const QUERIES: { name: string; query: string; variables?: Record<string, unknown>; expect: string }[] = [
  { name: 'typename', query: '{ __typename }', expect: '{"data":{"__typename":"Query"}}' },
  {
    name: 'entity',
    query:
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Region { code } } }',
    variables: { representations: [{ __typename: 'Region', code: '990722' }] },
    expect: '{"data":{"_entities":[{"code":"990722"}]}}',
  },
];

const leader = Identity.fromClaims({ sub: 'bench', roles: ['leader'] });

interface Run {
  requests: number;
  failures: number;
  seconds: number;
  from: number;
  to: number;
}

const micros = () => Number(process.hrtime.bigint() / 1000n);

/** N clients, each sending its next request when the last one answered, for `seconds`. */
async function closedLoop(
  url: URL,
  body: string,
  expect: string,
  headers: () => Promise<Record<string, string>>,
  seconds: number,
): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const from = micros();
  const until = Date.now() + seconds * 1000;
  let requests = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const once = async () => {
    const signed = await headers();
    return new Promise<string>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            ...signed,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(`${res.statusCode} ${Buffer.concat(chunks).toString('utf8').trim()}`));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer in 10 s')));
      req.on('error', reject);
      req.end(body);
    });
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const answer = await once().catch((error: unknown) => `error ${String(error)}`);
        if (answer === `200 ${expect}`) requests++;
        else {
          failures++;
          firstFailure ??= answer.slice(0, 300);
        }
      }
    }),
  );
  const to = micros();
  agent.destroy();
  if (failures) console.error(`  ${failures} failed requests, the first: ${firstFailure}`);
  return { requests, failures, seconds: (to - from) / 1e6, from, to };
}

async function main(): Promise<void> {
  const people = SUBGRAPHS.find((entry) => entry.name === 'people');
  if (!people) throw new Error('The registry has no people subgraph');
  if (ONLY && !QUERIES.some((q) => q.name === ONLY))
    throw new Error(`--only takes ${QUERIES.map((q) => q.name).join(' or ')}`);
  // the postgres OS user (the cluster's owner when we run as root) must be able to enter it
  const root = fs.mkdtempSync('/var/tmp/county-per-call-');
  fs.chmodSync(root, 0o755);
  const logDir = path.join(root, 'logs');
  const profileDir = path.join(root, 'profile');
  let postgres: RunningPostgres | undefined;
  let subgraph: LaunchedService | undefined;
  let failed = false;
  const stop = async () => {
    if (subgraph) await stopService(subgraph, 10_000);
    await postgres?.stop();
  };
  const deadline = setTimeout(() => {
    console.error(`per-call: still running after ${DEADLINE_MS / 60_000} min; stopping`);
    subgraph?.child.kill('SIGKILL');
    void postgres?.stop().finally(() => process.exit(1));
  }, DEADLINE_MS);
  // PostgreSQL is started with callerHandlesSignals: a Ctrl-C stops what this run started
  process.once('SIGINT', () => {
    failed = true;
    void stop().finally(() => process.exit(130));
  });
  try {
    const pgPort = await freePort(HOST);
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(root, 'postgres'),
      port: pgPort,
      persistent: false,
      callerHandlesSignals: true,
      onLog: () => undefined,
    });
    await ensureDatabase(postgres.adminUrl, people.database);
    const url = databaseUrl(postgres.adminUrl, people.database);
    const keys = generateDeploymentKeys();
    await runSeeder({ name: people.name, seed: people.seed, databaseUrl: url, counties: 1, logDir });
    const port = await freePort(HOST);
    subgraph = launchService({
      name: people.name,
      main: people.main,
      port,
      host: HOST,
      env: { ...subgraphEnvironment({ name: people.name, databaseUrl: url, keys }), LOG_LEVEL: 'warn' },
      logDir,
      nodeArgs: PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    });
    await subgraph.ready();
    const pid = subgraph.child.pid!;
    const pidFile = path.join(postgres.dataDir, 'postmaster.pid');
    const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    const target = new URL(`${subgraph.base}/graphql`);
    const headers = () => gatewayHeaders(keys, people.name, leader);

    console.log(
      `people subgraph, ${CLIENTS} clients, ${SECONDS} s per query after ${WARM_SECONDS} s warm-up`,
    );
    console.log(`load average before: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
    const windows = [];
    for (const { name, query, variables, expect } of QUERIES.filter((q) => !ONLY || q.name === ONLY)) {
      const body = JSON.stringify({ query, variables });
      await closedLoop(target, body, expect, headers, WARM_SECONDS);
      const parts = { subgraph: [pid], postgres: withChildren(postmaster), client: [process.pid] };
      const meter = startCpuMeter(parts, ['subgraph']);
      const run = await closedLoop(target, body, expect, headers, SECONDS);
      const usage = meter();
      if (!run.requests) throw new Error(`${name}: no request succeeded`);
      windows.push({ from: run.from, to: run.to, requests: run.requests });
      const perRequest = (cores: number) => ((cores * run.seconds * 1000) / run.requests).toFixed(3);
      const main = usage?.mainThreads.subgraph;
      console.log(
        `${name.padEnd(9)} ${(run.requests / run.seconds).toFixed(0).padStart(6)} req/s` +
          `  subgraph CPU ${perRequest(usage?.cores.subgraph ?? 0)} ms/req` +
          ` (main thread ${perRequest(main?.running ?? 0)}, waiting ${main?.waiting ?? 0})` +
          `  postgres ${perRequest(usage?.cores.postgres ?? 0)} ms/req` +
          `  client ${perRequest(usage?.cores.client ?? 0)} ms/req  other ${usage?.cores.other ?? 0} cores` +
          (run.failures ? `  ${run.failures} FAILED` : ''),
      );
      if (run.failures) failed = true;
    }
    console.log(`load average after: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
    await stopService(subgraph, 10_000);
    // kept beside the profile for a closer look (inclusive times, callers) than the summary gives
    if (PROFILE) fs.writeFileSync(path.join(root, 'windows.json'), JSON.stringify(windows));
    if (PROFILE) console.log(`\n${summariseProfile('people subgraph', profileDir, windows, 40)}`);
  } finally {
    await stop();
    clearTimeout(deadline);
    if (!failed && !PROFILE) fs.rmSync(root, { recursive: true, force: true });
    else console.log(`logs and profile kept in ${root}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`per-call: ${String((error as Error)?.stack ?? error)}`);
  process.exit(1);
});
