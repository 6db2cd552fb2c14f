import fs from 'node:fs';
import { parseConfig } from '@county/kit';
import { benchConfigSchema, deadlineSeconds, type BenchConfig } from './bench/config';
import { BenchEnvironment } from './bench/environment';
import { measure, stopLoad, type Measurement } from './bench/measure';
import { buildReport, printReport } from './bench/report';
import { summariseProfile } from './bench/profile';
import { benchTargets, checkTargets } from './bench/targets';

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * `npm run bench`: the same query straight to the people subgraph and through the gateway, in rounds
 * (direct, gateway, direct, gateway…) so drift shows. One process, everything on 127.0.0.1, bounded in
 * time; PostgreSQL, the subgraph and the gateway are stopped at the end, on error, on Ctrl-C and at the
 * deadline.
 */
async function main(config: BenchConfig, deadline: number) {
  const started = Date.now();
  const profileDir = config.BENCH_PROFILE ? fs.mkdtempSync('/var/tmp/county-bench-profile-') : undefined;
  const environment = new BenchEnvironment();
  let finishing: Promise<never> | undefined;

  /** The one way out: stop the load, the services, PostgreSQL; then exit with `code`. */
  const finish = (code: number, message?: string, graceMs = 10_000): Promise<never> =>
    (finishing ??= (async () => {
      if (message) console.error(`\nbench: ${message}`);
      stopLoad();
      // if a stop hangs, the hard way, still within bounds
      setTimeout(() => {
        environment.kill();
        process.exit(code || 1);
      }, graceMs + 20_000);
      await environment.stop(graceMs).catch((error: unknown) => console.error(`bench: stopping: ${error}`));
      environment.kill();
      if (code === 0) environment.removeFiles();
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
      `bench: starting PostgreSQL, the people subgraph and the gateway (logs in ${environment.logDir})`,
    );
    const endpoints = await environment.start({
      counties: config.BENCH_COUNTIES,
      databaseUrl: config.DATABASE_URL,
      profileDir,
    });
    environment.watch((message) => void finish(1, message));
    console.log(`bench: ready in ${elapsed(started)}; ${endpoints.database}`);

    const targets = await benchTargets(endpoints);
    const expected = await checkTargets(targets);
    console.log('bench: both targets answer 200 with the same data');

    const load = {
      seconds: config.BENCH_SECONDS,
      warmupSeconds: config.BENCH_WARMUP_SECONDS,
      connections: config.BENCH_CONNECTIONS,
    };
    const runs: Measurement[] = [];
    for (let round = 1; round <= config.BENCH_ROUNDS; round++) {
      for (const target of targets) {
        const run = await measure(target, round, load, expected.get(target.name) ?? '');
        runs.push(run);
        console.log(
          `bench: ${target.name} #${round}: ${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`,
        );
      }
    }

    // the gateway writes its profile when it exits, so stop first, report after
    await environment.stop();
    printReport(
      buildReport(
        runs,
        {
          ...load,
          rounds: config.BENCH_ROUNDS,
          counties: config.BENCH_COUNTIES,
          profiled: Boolean(profileDir),
        },
        endpoints.database,
      ),
    );
    if (profileDir) console.log(`\n${summariseProfile(profileDir)}`);
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
  deadline = deadlineSeconds(config);
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(2);
}
void main(config, deadline);
