import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '@county/gateway';
import { freeLoopbackPort, haproxyConfig, startHaproxy, type RunningHaproxy } from '@county/debian-binaries';
import { peopleSubgraph } from '@county/people';
import { startEmbeddedRedis, type RunningRedis } from '@county/redis';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import { GATEWAY_MAIN, subgraphEntry } from '../../src/registry';
import { gatewayTrustEnvironment, generateDeploymentKeys } from '../../src/trust';
import {
  launchService,
  runSeeder,
  stopService,
  subgraphEnvironment,
  type LaunchedService,
} from '../../src/processes';

export const METRICS_TOKEN = 'scale-out-metrics-token-0123456789abcdef';

/** One replica: a process restartable on the same port (the load balancer's server line names that port). */
export interface Replica {
  name: string;
  tier: 'gateway' | 'people';
  port: number;
  main: string;
  env: Record<string, string>;
  process?: LaunchedService;
}

/**
 * Issue 20 on loopback, with real parts: HAProxy in front of two gateway replicas and (a second frontend)
 * two replicas of the people subgraph; the gateways share one Redis; the people replicas share one
 * database on the test PostgreSQL. Every part is a process of its own, so a replica can die by SIGKILL.
 */
export class ReplicatedStack {
  readonly jwtSecret = randomBytes(32).toString('hex');
  readonly replicas = new Map<string, Replica>();
  haproxy?: RunningHaproxy;
  redis?: RunningRedis;
  database?: TestDatabase;
  gatewayUrl = '';
  private peopleUrl = '';

  constructor(
    readonly root: string,
    private readonly gatewayEnv: Record<string, string>,
  ) {}

  get logDir(): string {
    return path.join(this.root, 'logs');
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.logDir, { recursive: true });
    const [gatewayPort, peoplePort, statsPort] = [
      await freeLoopbackPort(),
      await freeLoopbackPort(),
      await freeLoopbackPort(),
    ];
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    this.peopleUrl = `http://127.0.0.1:${peoplePort}/graphql`;
    for (const [tier, name] of [
      ['people', 'people-a'],
      ['people', 'people-b'],
      ['gateway', 'gateway-a'],
      ['gateway', 'gateway-b'],
    ] as const)
      this.replicas.set(name, {
        name,
        tier,
        port: await freeLoopbackPort(),
        main: tier === 'gateway' ? GATEWAY_MAIN : subgraphEntry('people').main,
        env: {},
      });
    const members = (tier: string) => [...this.replicas.values()].filter((r) => r.tier === tier);
    const config = haproxyConfig(
      [
        { name: 'gateway', port: gatewayPort, replicas: members('gateway') },
        { name: 'people', port: peoplePort, replicas: members('people') },
      ],
      statsPort,
    );
    fs.writeFileSync(path.join(this.root, 'haproxy.cfg'), config);
    [this.haproxy, this.redis, this.database] = await Promise.all([
      startHaproxy(config, [gatewayPort, peoplePort], statsPort),
      startEmbeddedRedis(),
      createTestDatabase('people'),
    ]);
    // the built seeder, as `npm start` runs it: the replicas run the built subgraph, of the same migrations
    await runSeeder({
      name: 'people',
      seed: subgraphEntry('people').seed,
      databaseUrl: this.database.url,
      counties: 1,
      logDir: this.logDir,
    });
    const keys = generateDeploymentKeys();
    const peopleEnv = {
      ...subgraphEnvironment({ name: 'people', databaseUrl: this.database.url, keys }),
      DB_POOL_MAX: '5',
      LOG_LEVEL: 'warn',
    };
    const { supergraph } = await composeSupergraph([{ definition: peopleSubgraph, url: this.peopleUrl }]);
    const supergraphPath = path.join(this.root, 'supergraph.graphql');
    fs.writeFileSync(supergraphPath, supergraph);
    const gatewayEnv = {
      JWT_SECRET: this.jwtSecret,
      ...gatewayTrustEnvironment(keys),
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_PEOPLE_URL: this.peopleUrl,
      REDIS_URL: this.redis.url,
      METRICS_TOKEN,
      SUBGRAPH_CIRCUIT_RESET_MS: '1000',
      LOG_LEVEL: 'warn',
      ...this.gatewayEnv,
    };
    for (const replica of this.replicas.values())
      replica.env = replica.tier === 'gateway' ? gatewayEnv : peopleEnv;
    // both people replicas migrate the same database at once: the advisory lock makes them take turns
    await Promise.all(members('people').map((replica) => this.launch(replica)));
    await Promise.all(members('gateway').map((replica) => this.launch(replica)));
    await this.until('every replica is in service', 10_000, async () =>
      (await this.haproxy!.stats()).every((s) => s.status === 'UP'),
    );
  }

  private async launch(replica: Replica): Promise<void> {
    if (!fs.existsSync(replica.main)) throw new Error(`${replica.main} is missing: run npm run build first`);
    replica.process = launchService({
      name: replica.name,
      main: replica.main,
      port: replica.port,
      env: replica.env,
      logDir: this.logDir,
    });
    await replica.process.ready(60_000);
  }

  /** SIGKILL: no graceful shutdown; what it had in flight dies with it. */
  async kill(name: string): Promise<void> {
    const running = this.replicas.get(name)!.process!;
    running.child.kill('SIGKILL');
    await running.exited;
  }

  /** Starts it again on the same port, with the same environment; resolves once its /readyz answers. */
  restart(name: string): Promise<void> {
    return this.launch(this.replicas.get(name)!);
  }

  /** The load balancer's view of one replica: UP, DOWN, … */
  async status(name: string): Promise<string> {
    return (await this.haproxy!.stats()).find((s) => s.replica === name)?.status ?? 'absent';
  }

  /** GraphQL requests a people replica has answered since it started (from its own /metrics). */
  async peopleRequests(name: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${this.replicas.get(name)!.port}/metrics`)).text();
    return [...text.matchAll(/^graphql_request_duration_seconds_count\{[^}]*\} (\S+)$/gm)].reduce(
      (sum, [, value]) => sum + Number(value),
      0,
    );
  }

  /** Polls `check` every 50 ms; resolves with the milliseconds it took, throws after `timeoutMs`. */
  async until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - started;
  }

  /** Stops everything it started, whatever state each part is in. */
  async stop(): Promise<void> {
    const running = [...this.replicas.values()].flatMap((r) => (r.process ? [r.process] : []));
    await Promise.all(running.filter((p) => p.name.startsWith('gateway')).map((p) => stopService(p, 5000)));
    await Promise.all(running.filter((p) => p.name.startsWith('people')).map((p) => stopService(p, 5000)));
    await Promise.all([this.haproxy?.stop(), this.redis?.stop()]);
    await this.database?.drop();
  }
}
