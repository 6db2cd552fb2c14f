import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { redactUrl } from '@county/kit';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  freePort,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '@county/postgres';
import {
  GATEWAY_MAIN,
  SUBGRAPHS,
  gatewayTrustEnvironment,
  generateDeploymentKeys,
  type DeploymentKeys,
  launchService,
  runSeeder,
  spawnService,
  stopService,
  subgraphEnvironment,
  subgraphDatabaseServer,
  type LaunchedService,
  type ServiceProcess,
} from '@county/platform';
import type { ProfiledService } from './config';
import { withChildren } from './cpu';
import { subgraphEnvName } from '@county/gateway';
import {
  writeSupergraph,
  GOV_SERVICES_DATABASE,
  GOV_SERVICES_LOAD,
  GOV_SERVICES_MAIN,
  loadFigures,
  type LoadFigures,
} from './gov-services';

export interface EnvironmentOptions {
  counties: number;
  /** An existing server: the benchmark makes (and drops) its own database there. */
  databaseUrl?: string;
  /**
   * These run under `node --cpu-prof`, writing to `<profileDir>/<service>/` when they exit; with `cockpit`,
   * every subgraph does, to `<profileDir>/<subgraph name>/`.
   */
  profile?: { dir: string; services: ProfiledService[] };
  /** Extra node options for the gateway process. */
  gatewayNodeArgs: string[];
  /** Also bulk-load and run the gov-services subgraph for a city of this many counties (one year each). */
  govServices?: { counties: number };
  /** Also run every other subgraph with demo data, and a second gateway with the response cache on. */
  cockpit?: boolean;
  /** The province (./province.ts): the seeders' and the bulk load's variables that build it. */
  province?: { seedEnv: Record<string, string>; loadEnv: Record<string, string> };
}

/** What the load generator needs to reach both targets. */
export interface Endpoints {
  subgraphUrl: string;
  /** The deployment's keys: the bench calls subgraphs directly as the gateway would. */
  keys: DeploymentKeys;
  gatewayUrl: string;
  jwtSecret: string;
  database: string;
  govServices?: { url: string; load: LoadFigures };
  /** The gateway with the response cache on (`gatewayUrl` has it off): only with `cockpit`. */
  cachedGatewayUrl?: string;
  /** The gateway with the cache off but identical in-flight requests shared: only with `cockpit`. */
  sharingGatewayUrl?: string;
  /** Every gateway's `/metrics` answers this bearer token (the bench counts subgraph calls per request). */
  metricsToken: string;
}

const HOST = '127.0.0.1';

/** BENCH_PG_STATEMENTS=true: the embedded server keeps pg_stat_statements (with planning) for the report. */
export const statementStatistics = (env: NodeJS.ProcessEnv = process.env) =>
  ['true', '1'].includes(env.BENCH_PG_STATEMENTS ?? '');
const fresh = () => randomBytes(32).toString('base64url');
const PEOPLE = SUBGRAPHS.find((subgraph) => subgraph.name === 'people');

/**
 * PostgreSQL (embedded in a fresh folder under /var/tmp, or a throwaway database on DATABASE_URL's
 * server), the people subgraph and the gateway, on free ports of 127.0.0.1 with fresh secrets.
 * `stop()` undoes whatever part of it started, once, however often it is called.
 */
export class BenchEnvironment {
  /** /var/tmp/county-bench-XXXXXX: `postgres/` (the cluster) and `logs/`. */
  readonly root: string;
  readonly logDir: string;
  private postgres?: RunningPostgres;
  private readonly throwaways: { server: string; name: string }[] = [];
  private readonly services: ServiceProcess[] = [];
  private stopping?: Promise<void>;
  /** The embedded server, when it keeps statement statistics (BENCH_PG_STATEMENTS). */
  statementsUrl?: string;

  constructor() {
    // the postgres OS user (the cluster's owner when we run as root) must be able to enter it
    this.root = fs.mkdtempSync('/var/tmp/county-bench-');
    fs.chmodSync(this.root, 0o755);
    this.logDir = path.join(this.root, 'logs');
    fs.mkdirSync(this.logDir);
  }

  async start(options: EnvironmentOptions): Promise<Endpoints> {
    if (!PEOPLE) throw new Error('The registry has no people subgraph');
    const { server: shared, description } = await this.startDatabase(options.databaseUrl);
    // people's database on its own server when DATABASE_URL_PEOPLE names one (a throwaway there too)
    const server = subgraphDatabaseServer(PEOPLE.name, shared);
    const name =
      options.databaseUrl || server !== shared
        ? `county_people_bench_${randomBytes(4).toString('hex')}`
        : PEOPLE.database;
    await ensureDatabase(server, name).catch((error: unknown) => {
      throw new Error(`Could not create database ${name} on ${description}: ${String(error)}`);
    });
    if (options.databaseUrl || server !== shared) this.throwaways.push({ server, name });

    const subgraphPort = await freePort(HOST);
    const keys = generateDeploymentKeys();
    await runSeeder({
      name: PEOPLE.name,
      seed: PEOPLE.seed,
      databaseUrl: databaseUrl(server, name),
      counties: options.counties,
      logDir: this.logDir,
      env: options.province?.seedEnv,
    });
    const people = this.launch(options, 'subgraph', PEOPLE.main, subgraphPort, {
      ...subgraphEnvironment({ name: PEOPLE.name, databaseUrl: databaseUrl(server, name), keys }),
      LOG_LEVEL: 'warn',
    });
    this.services.push(people);
    await people.ready();

    const gatewayPort = await freePort(HOST);
    const jwtSecret = fresh();
    const metricsToken = fresh();
    const subgraphUrl = `http://${HOST}:${subgraphPort}/graphql`;
    const gatewayEnv: Record<string, string> = {
      JWT_SECRET: jwtSecret,
      METRICS_TOKEN: metricsToken,
      ...gatewayTrustEnvironment(keys),
      SUBGRAPH_PEOPLE_URL: subgraphUrl,
      LOG_LEVEL: 'warn',
      // one bench caller sends thousands of requests a minute: the per-caller limit would answer most of them
      RATE_LIMIT_PER_MINUTE: '1000000',
      // every measured request does its work: identical requests are neither cached nor shared here
      RESPONSE_CACHE_TTL_MS: '0',
      RESPONSE_SHARING: 'false',
    };
    const govServices = options.govServices
      ? await this.startGovServices(shared, options, keys, subgraphUrl, gatewayEnv)
      : undefined;
    if (options.cockpit)
      await this.startOtherSubgraphs(shared, options, keys, subgraphUrl, gatewayEnv, govServices);
    else if (!govServices) {
      // the gateway is ready once every subgraph of its supergraph is: people alone runs here
      const supergraph = path.join(this.root, 'supergraph.graphql');
      await writeSupergraph([{ name: 'people', url: subgraphUrl }], keys, supergraph);
      gatewayEnv.SUPERGRAPH_PATH = supergraph;
    }
    const gateway = this.launch(options, 'gateway', GATEWAY_MAIN, gatewayPort, gatewayEnv);
    this.services.push(gateway);
    await gateway.ready();
    const cachedGatewayUrl = options.cockpit
      ? await this.startGatewayVariant('gateway-cached', gatewayEnv, [
          'RESPONSE_CACHE_TTL_MS',
          'RESPONSE_SHARING',
        ])
      : undefined;
    const sharingGatewayUrl = options.cockpit
      ? await this.startGatewayVariant('gateway-sharing', gatewayEnv, ['RESPONSE_SHARING'])
      : undefined;

    return {
      subgraphUrl,
      keys,
      gatewayUrl: `http://${HOST}:${gatewayPort}/graphql`,
      jwtSecret,
      metricsToken,
      database: description,
      ...(govServices ? { govServices } : {}),
      ...(cachedGatewayUrl ? { cachedGatewayUrl } : {}),
      ...(sharingGatewayUrl ? { sharingGatewayUrl } : {}),
    };
  }

  /**
   * Every subgraph of the registry not running yet, on its own database with the demo data (gov-services
   * keeps its bulk load when it has one), then a supergraph of all of them for the gateway.
   */
  private async startOtherSubgraphs(
    server: string,
    options: EnvironmentOptions,
    keys: DeploymentKeys,
    peopleUrl: string,
    gatewayEnv: Record<string, string>,
    govServices?: { url: string },
  ): Promise<void> {
    const running = [{ name: 'people', url: peopleUrl }];
    if (govServices) running.push({ name: 'gov-services', ...govServices });
    const started = await Promise.all(
      SUBGRAPHS.filter((entry) => !running.some((r) => r.name === entry.name)).map(async (entry) => {
        const own = subgraphDatabaseServer(entry.name, server);
        const name =
          options.databaseUrl || own !== server
            ? `${entry.database}_bench_${randomBytes(4).toString('hex')}`
            : entry.database;
        await ensureDatabase(own, name);
        if (options.databaseUrl || own !== server) this.throwaways.push({ server: own, name });
        await runSeeder({
          name: entry.name,
          seed: entry.seed,
          databaseUrl: databaseUrl(own, name),
          counties: options.counties,
          logDir: this.logDir,
          env: options.province?.seedEnv,
        });
        const port = await freePort(HOST);
        const service = launchService({
          name: entry.name,
          main: entry.main,
          port,
          host: HOST,
          nodeArgs: this.cockpitProfileArgs(options, entry.name),
          env: {
            ...subgraphEnvironment({
              name: entry.name,
              databaseUrl: databaseUrl(own, name),
              keys,
              directoryUrl: peopleUrl,
            }),
            LOG_LEVEL: 'warn',
          },
          logDir: this.logDir,
        });
        this.services.push(service);
        await service.ready(300_000);
        return { name: entry.name, url: `http://${HOST}:${port}/graphql` };
      }),
    );
    const all = [...running, ...started];
    const supergraph = path.join(this.root, 'supergraph.graphql');
    await writeSupergraph(all, keys, supergraph);
    gatewayEnv.SUPERGRAPH_PATH = supergraph;
    for (const subgraph of all) {
      gatewayEnv[subgraphEnvName(subgraph.name, 'URL')] = subgraph.url;
    }
  }

  /** Another gateway over the same subgraphs, with the `defaults` named back at the gateway's defaults. */
  private async startGatewayVariant(
    name: string,
    gatewayEnv: Record<string, string>,
    defaults: string[],
  ): Promise<string> {
    const port = await freePort(HOST);
    const env: Record<string, string> = { ...gatewayEnv };
    for (const key of defaults) delete env[key];
    const gateway = launchService({ name, main: GATEWAY_MAIN, port, host: HOST, env, logDir: this.logDir });
    this.services.push(gateway);
    await gateway.ready();
    return `http://${HOST}:${port}/graphql`;
  }

  /**
   * gov-services: its database bulk-loaded by a process of its own (timed), then the subgraph, and a
   * supergraph composed from the running people and gov-services for the gateway (added to `gatewayEnv`).
   */
  private async startGovServices(
    server: string,
    options: EnvironmentOptions,
    keys: DeploymentKeys,
    peopleUrl: string,
    gatewayEnv: Record<string, string>,
  ): Promise<NonNullable<Endpoints['govServices']>> {
    const own = subgraphDatabaseServer('gov-services', server);
    const name =
      options.databaseUrl || own !== server
        ? `county_gov_services_bench_${randomBytes(4).toString('hex')}`
        : GOV_SERVICES_DATABASE;
    await ensureDatabase(own, name);
    if (options.databaseUrl || own !== server) this.throwaways.push({ server: own, name });
    const url = databaseUrl(own, name);
    const loader = spawnService(
      'gov-services-load',
      GOV_SERVICES_LOAD,
      {
        DATABASE_URL: url,
        BENCH_COUNTIES: String(options.govServices?.counties ?? 11),
        ...options.province?.loadEnv,
      },
      this.logDir,
    );
    // kept in the list while it runs, so a stop or kill reaches it; it is meant to exit
    this.services.push(loader);
    const load = await loadFigures(loader).finally(() =>
      this.services.splice(this.services.indexOf(loader), 1),
    );

    const port = await freePort(HOST);
    const govServices = launchService({
      name: 'gov-services',
      main: GOV_SERVICES_MAIN,
      port,
      host: HOST,
      nodeArgs: this.cockpitProfileArgs(options, 'gov-services'),
      env: {
        ...subgraphEnvironment({ name: 'gov-services', databaseUrl: url, keys, directoryUrl: peopleUrl }),
        LOG_LEVEL: 'warn',
        // every serviceStats request reads the rollups; repeats are cached only by the warm gateway
        SERVICE_STATS_CACHE_TTL_MS: '0',
      },
      logDir: this.logDir,
    });
    this.services.push(govServices);
    await govServices.ready();
    const govUrl = `http://${HOST}:${port}/graphql`;
    const supergraph = path.join(this.root, 'supergraph.graphql');
    await writeSupergraph(
      [
        { name: 'people', url: peopleUrl },
        { name: 'gov-services', url: govUrl },
      ],
      keys,
      supergraph,
    );
    gatewayEnv.SUPERGRAPH_PATH = supergraph;
    gatewayEnv[subgraphEnvName('gov-services', 'URL')] = govUrl;
    return { url: govUrl, load };
  }

  /** `launchService` with the bench's node options: the gateway's, and `--cpu-prof` for a profiled service. */
  private launch(
    options: EnvironmentOptions,
    name: ProfiledService,
    main: string,
    port: number,
    env: Record<string, string>,
  ): LaunchedService {
    const nodeArgs = name === 'gateway' ? [...options.gatewayNodeArgs] : [];
    if (options.profile?.services.includes(name))
      nodeArgs.push('--cpu-prof', '--cpu-prof-dir', path.join(options.profile.dir, name));
    // the people subgraph is the bench's `subgraph`; under `cockpit` it is profiled as one of the five
    else if (name === 'subgraph') nodeArgs.push(...this.cockpitProfileArgs(options, 'people'));
    return launchService({ name, main, port, host: HOST, env, logDir: this.logDir, nodeArgs });
  }

  /** `--cpu-prof` into `<profileDir>/<subgraph>/` when the cockpit's subgraphs are profiled. */
  private cockpitProfileArgs(options: EnvironmentOptions, subgraph: string): string[] {
    if (!options.profile?.services.includes('cockpit')) return [];
    return ['--cpu-prof', '--cpu-prof-dir', path.join(options.profile.dir, subgraph)];
  }

  private async startDatabase(external?: string): Promise<{ server: string; description: string }> {
    if (external) return { server: external, description: redactUrl(external) };
    const port = await freePort(HOST);
    const logFile = path.join(this.logDir, 'postgres.log');
    this.postgres = await startEmbeddedPostgres({
      dataDir: path.join(this.root, 'postgres'),
      port,
      persistent: false,
      callerHandlesSignals: true,
      onLog: (line) => fs.appendFileSync(logFile, `${line}\n`),
      // BENCH_PG_STATEMENTS: which statements the cold cockpit spends PostgreSQL's time on (planning too)
      ...(statementStatistics()
        ? {
            settings: {
              shared_preload_libraries: 'pg_stat_statements',
              'pg_stat_statements.track_planning': 'on',
              'pg_stat_statements.max': '5000',
            },
          }
        : {}),
    });
    this.statementsUrl = statementStatistics() ? this.postgres.adminUrl : undefined;
    return { server: this.postgres.adminUrl, description: `embedded PostgreSQL on ${HOST}:${port}` };
  }

  /** The processes whose CPU time the report shows: the load generator (this process) and the servers. */
  processes(): Record<string, number[]> {
    const parts: Record<string, number[]> = { autocannon: [process.pid] };
    for (const { name, child } of this.services) if (child.pid) parts[name] = [child.pid];
    const pidFile = this.postgres && path.join(this.postgres.dataDir, 'postmaster.pid');
    const postmaster =
      pidFile && fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (postmaster > 0) parts.postgres = withChildren(postmaster);
    return parts;
  }

  /** A service that stops while the benchmark runs is a failure: `onExit` is told. */
  watch(onExit: (message: string) => void): void {
    for (const service of this.services) {
      void service.exited.then((code) => {
        if (!this.stopping)
          onExit(`${service.name} stopped unexpectedly (exit code ${code}); see ${service.logFile}`);
      });
    }
  }

  /** Gateway and subgraph (SIGTERM, SIGKILL after `graceMs`), then PostgreSQL and its files. */
  stop(graceMs = 10_000): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all(this.services.map((service) => stopService(service, graceMs)));
      for (const throwaway of this.throwaways)
        await dropDatabase(throwaway.server, throwaway.name).catch((error: unknown) =>
          console.error(`could not drop ${throwaway.name}: ${String(error)}`),
        );
      await this.postgres?.stop();
    })();
    return this.stopping;
  }

  /** Last resort (deadline, exit): SIGKILL whatever child still runs. Synchronous. */
  kill(): void {
    for (const { child } of this.services)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  /** Removes the temp folder (logs included); kept after a failure so the logs can be read. */
  removeFiles(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
