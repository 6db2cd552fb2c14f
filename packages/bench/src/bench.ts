import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '@county/kit';
import { startCpuMeter } from './cpu';
import { benchConfigSchema, deadlineSeconds, type BenchConfig } from './config';
import { BenchEnvironment } from './environment';
import { measure, stopLoad, warmUp, type Measurement } from './measure';
import { buildReport, printReport } from './report';
import { summariseCockpitProfiles, summariseProfile, type LoadWindow } from './profile';
import { benchTargets, checkTargets } from './targets';
import {
  measureCalendarRecompute,
  measureCaseWrites,
  measureServiceStats,
  printGovServicesReport,
  stopGovLoad,
} from './gov-services';
import { COCKPIT_CITY_COLD, measureCockpit, printCockpitReport } from './cockpit';
import {
  measureProvince,
  printProvinceReport,
  provinceLoadEnvironment,
  provinceSeedEnvironment,
  provinceShape,
} from './province';
import {
  FEED_BACKFILL_BUDGET_SECONDS,
  feedBackfillEnabled,
  measureFeedBackfill,
  printFeedBackfillReport,
} from './feed-backfill';

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * `npm run bench`: the same query straight to the people subgraph and through the gateway, in rounds
 * (direct, gateway, direct, gateway…) so drift shows. One process, everything on 127.0.0.1, bounded in
 * time; PostgreSQL, the subgraph and the gateway are stopped at the end, on error, on Ctrl-C and at the
 * deadline.
 */
async function main(config: BenchConfig, deadline: number) {
  const started = Date.now();
  const profile = config.BENCH_PROFILE.length
    ? { dir: fs.mkdtempSync('/var/tmp/county-bench-profile-'), services: config.BENCH_PROFILE }
    : undefined;
  const environment = new BenchEnvironment();
  const province = provinceShape(config);
  let finishing: Promise<never> | undefined;

  /** The one way out: stop the load, the services, PostgreSQL; then exit with `code`. */
  const finish = (code: number, message?: string, graceMs = 10_000): Promise<never> =>
    (finishing ??= (async () => {
      if (message) console.error(`\nbench: ${message}`);
      stopLoad();
      stopGovLoad();
      // if a stop hangs, the hard way, still within bounds
      setTimeout(() => {
        environment.kill();
        process.exit(code || 1);
      }, graceMs + 20_000);
      await environment.stop(graceMs).catch((error: unknown) => console.error(`bench: stopping: ${error}`));
      environment.kill();
      if (code === 0 || code >= 128) environment.removeFiles();
      else console.error(`bench: logs kept in ${environment.logDir}`);
      process.exit(code);
    })());

  process.on('SIGINT', () => void finish(130, 'interrupted; stopping everything'));
  process.on('SIGTERM', () => void finish(143, 'terminated; stopping everything'));
  // whatever happens, no child outlives the benchmark
  process.on('exit', () => environment.kill());
  setTimeout(
    () => void finish(1, `the deadline of ${deadline} s has passed; killing everything`, 3000),
    deadline * 1000,
  );

  try {
    console.log(
      `bench: starting PostgreSQL, the people subgraph${config.BENCH_GOV_SERVICES ? `, gov-services (bulk-loading ${config.BENCH_GOV_COUNTIES} counties × 1 year of cases)` : ''}${config.BENCH_COCKPIT ? ', every other subgraph with demo data' : ''} and the gateway (logs in ${environment.logDir})`,
    );
    const endpoints = await environment.start({
      counties: config.BENCH_COUNTIES,
      databaseUrl: config.DATABASE_URL,
      profile,
      gatewayNodeArgs: config.BENCH_GATEWAY_NODE_ARGS,
      ...(config.BENCH_GOV_SERVICES ? { govServices: { counties: config.BENCH_GOV_COUNTIES } } : {}),
      cockpit: config.BENCH_COCKPIT,
      ...(province
        ? {
            province: {
              seedEnv: provinceSeedEnvironment(province),
              loadEnv: provinceLoadEnvironment(province),
            },
          }
        : {}),
    });
    if (endpoints.govServices)
      console.log(
        `bench: gov-services loaded ${endpoints.govServices.load.cases} cases in ${endpoints.govServices.load.seconds.toFixed(1)} s`,
      );
    environment.watch((message) => void finish(1, message));
    console.log(`bench: ready in ${elapsed(started)}; ${endpoints.database}`);

    const targets = await benchTargets(endpoints);
    const expected = await checkTargets(targets);
    const sizes = targets.map((t) => `${t.name} ${Buffer.byteLength(expected.get(t.name) ?? '')} bytes`);
    console.log(`bench: both targets answer 200 with the same data (${sizes.join(', ')})`);

    const load = {
      seconds: config.BENCH_SECONDS,
      warmupSeconds: config.BENCH_WARMUP_SECONDS,
      connections: config.BENCH_CONNECTIONS,
    };
    const runs: Measurement[] = [];
    const windows: (LoadWindow & { target: string })[] = [];
    const micros = () => Number(process.hrtime.bigint() / 1000n);
    // a process's first load is its slowest (JIT, caches): prime both before round 1 is measured
    if (load.warmupSeconds > 0)
      console.log(
        `bench: priming both targets (${load.warmupSeconds} s each), then ${config.BENCH_ROUNDS} round(s)`,
      );
    for (const target of targets) await warmUp(target, load, expected.get(target.name) ?? '');
    for (let round = 1; round <= config.BENCH_ROUNDS; round++) {
      for (const target of targets) {
        // when the measured run starts and ends: the CPU table and the profiles count only that
        let from = 0;
        let to = 0;
        const run = await measure(target, round, load, expected.get(target.name) ?? '', () => {
          from = micros();
          const stop = startCpuMeter(environment.processes(), ['gateway', 'subgraph']);
          return () => {
            to = micros();
            return stop();
          };
        });
        runs.push(run);
        windows.push({ target: target.name, from, to, requests: run.requests });
        console.log(
          `bench: ${target.name} #${round}: ${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`,
        );
      }
    }

    let govReport: (() => void) | undefined;
    if (endpoints.govServices) {
      const gov = {
        gatewayUrl: endpoints.gatewayUrl,
        ...(endpoints.cachedGatewayUrl ? { cachedGatewayUrl: endpoints.cachedGatewayUrl } : {}),
        jwtSecret: endpoints.jwtSecret,
        govServicesUrl: endpoints.govServices.url,
        keys: endpoints.keys,
      };
      console.log('bench: gov-services serviceStats through the gateway, city and county');
      const stats = await measureServiceStats(gov, load);
      for (const f of stats.figures)
        console.log(`bench: ${f.name}: ${f.requestsPerSecond} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms`);
      const writes = await measureCaseWrites(gov);
      console.log('bench: gov-services calendar recompute (2019 corrected)');
      const recompute = await measureCalendarRecompute(gov);
      const figures = endpoints.govServices.load;
      govReport = () => printGovServicesReport(figures, stats, writes, load.connections, recompute);
    }

    let cockpitReport: (() => void) | undefined;
    let cockpitCityCold: LoadWindow | undefined;
    if (endpoints.cachedGatewayUrl && endpoints.sharingGatewayUrl) {
      console.log('bench: the cockpit query through the gateway, city and county, cold, shared, warm');
      const figures = await measureCockpit(
        {
          coldUrl: endpoints.gatewayUrl,
          sharedUrl: endpoints.sharingGatewayUrl,
          warmUrl: endpoints.cachedGatewayUrl,
          jwtSecret: endpoints.jwtSecret,
          metricsToken: endpoints.metricsToken,
          ...(environment.statementsUrl ? { statementsUrl: environment.statementsUrl } : {}),
        },
        { ...load, year: config.BENCH_COCKPIT_YEAR },
        () => startCpuMeter(environment.processes(), ['gateway']),
      );
      for (const f of figures)
        console.log(`bench: ${f.name}: ${f.requestsPerSecond} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms`);
      cockpitReport = () => printCockpitReport(figures, load.connections, config.BENCH_COCKPIT_YEAR);
      cockpitCityCold = figures.find((f) => f.name === COCKPIT_CITY_COLD)?.window;
    }

    // ── the province (./province.ts) ──
    let provinceReport: (() => void) | undefined;
    if (province && endpoints.govServices) {
      console.log(
        `bench: the province: serviceStats${endpoints.sharingGatewayUrl ? ' and the cockpit query' : ''}`,
      );
      const figures = await measureProvince(
        {
          coldUrl: endpoints.gatewayUrl,
          sharedUrl: endpoints.sharingGatewayUrl,
          warmUrl: endpoints.cachedGatewayUrl,
          jwtSecret: endpoints.jwtSecret,
        },
        { ...load, year: config.BENCH_COCKPIT_YEAR },
      );
      const loaded = endpoints.govServices.load;
      provinceReport = () => printProvinceReport(figures, province, loaded, load.connections);
    }
    // ── end of the province ──

    // the gateway writes its profile when it exits, so stop first, report after
    await environment.stop();
    // on an idle machine: after the services stopped, on the same server as DATABASE_URL (or its own)
    let feedReport: (() => void) | undefined;
    if (feedBackfillEnabled()) {
      console.log("bench: feeds: a county's year of the provincial case export as one delivery");
      const figures = await measureFeedBackfill(config.DATABASE_URL);
      console.log(`bench: feeds: ${figures.cases} cases in ${figures.seconds.toFixed(1)} s`);
      feedReport = () => printFeedBackfillReport(figures);
    }
    printReport(
      buildReport(
        runs,
        {
          ...load,
          rounds: config.BENCH_ROUNDS,
          counties: config.BENCH_COUNTIES,
          profiled: config.BENCH_PROFILE,
          gatewayNodeArgs: config.BENCH_GATEWAY_NODE_ARGS,
        },
        endpoints.database,
      ),
    );
    if (profile?.services.includes('cockpit'))
      console.log(`\n${summariseCockpitProfiles(profile.dir, cockpitCityCold)}`);
    else if (profile)
      for (const service of profile.services)
        console.log(
          `\n${summariseProfile(
            service,
            path.join(profile.dir, service),
            // the gateway idles while the subgraph is measured directly; the subgraph serves both
            windows.filter((w) => service === 'subgraph' || w.target === 'gateway'),
          )}`,
        );
    govReport?.();
    cockpitReport?.();
    provinceReport?.();
    feedReport?.();
    console.log(`\nbench: done in ${elapsed(started)}`);
    await finish(0);
  } catch (error) {
    await finish(1, error instanceof Error ? error.message : String(error));
  }
}

let config: BenchConfig;
let deadline: number;
try {
  config = parseConfig(benchConfigSchema);
  deadline = deadlineSeconds(config) + (feedBackfillEnabled() ? FEED_BACKFILL_BUDGET_SECONDS : 0);
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(2);
}
void main(config, deadline);
