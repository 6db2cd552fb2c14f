import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { subgraphTrustEnvironment, type DeploymentKeys } from './trust';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

/**
 * Runs one compiled script as a child process (node options such as `--cpu-prof` before it), its JSON
 * logs appended to `<logDir>/<name>.log`. Subgraphs and the gateway go through `launchService`.
 */
export function spawnService(
  name: string,
  main: string,
  env: Record<string, string>,
  logDir: string,
  nodeArgs: string[] = [],
): ServiceProcess {
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, logFile, exited };
}

export interface LaunchOptions {
  /** Names its log file, `<logDir>/<name>.log`, and its errors. */
  name: string;
  /** The compiled entry point: a registry entry's `main`, or GATEWAY_MAIN. */
  main: string;
  port: number;
  host?: string;
  /** Everything else it reads (PORT and HOST are set from `port` and `host`). */
  env: Record<string, string>;
  logDir: string;
  nodeArgs?: string[];
}

export interface LaunchedService extends ServiceProcess {
  /** `http://<host>:<port>` */
  base: string;
  /** Resolves once its /readyz answers 200; rejects when it exits first or time runs out. */
  ready(timeoutMs?: number): Promise<void>;
  /** What it was launched with: the supervisor (supervisor.ts) launches it again with these. */
  options: LaunchOptions;
}

/**
 * The one way a subgraph or the gateway is started, by `npm start`, the bench and the fault tests: its
 * entry point as a child process listening on `host:port`. The caller keeps the process (so a stop
 * reaches it while it starts) and then awaits `ready()`.
 */
export function launchService(options: LaunchOptions): LaunchedService {
  const { name, main, port, host = '127.0.0.1', env, logDir, nodeArgs = [] } = options;
  const service = spawnService(name, main, { ...env, PORT: String(port), HOST: host }, logDir, nodeArgs);
  const base = `http://${host}:${port}`;
  return {
    ...service,
    base,
    options,
    ready: (timeoutMs) => waitReady(service, `${base}/readyz`, timeoutMs),
  };
}

/**
 * What a subgraph reads besides PORT and HOST: its database, the keys it trusts (and signs with towards
 * the directory), and the directory's address.
 */
export function subgraphEnvironment(options: {
  name: string;
  databaseUrl: string;
  keys: DeploymentKeys;
  directoryUrl?: string;
}): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    ...subgraphTrustEnvironment(options.name, options.keys, options.directoryUrl),
  };
}

/**
 * Runs a subgraph's demo seeder (its registry entry's `seed`) to the end: it migrates the database and loads
 * `counties` counties of demo data unless the database holds some. Rejects with its last log lines.
 */
export async function runSeeder(options: {
  name: string;
  seed: string;
  databaseUrl: string;
  counties: number;
  logDir: string;
  /** More of the seeder's variables, e.g. DEMO_PROVINCE_CITIES for the bench's province. */
  env?: Record<string, string>;
}): Promise<void> {
  const seeder = spawnService(
    `${options.name}-seed`,
    options.seed,
    {
      DATABASE_URL: options.databaseUrl,
      DEMO_COUNTIES: String(options.counties),
      ...options.env,
    },
    options.logDir,
  );
  const code = await seeder.exited;
  if (code !== 0) throw new Error(`the ${options.name} demo seed failed:\n${lastLines(seeder.logFile)}`);
}

export const lastLines = (file: string, count = 6): string =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').slice(-count).join('\n') : '';

/** Polls `url` until it answers 200, the process exits, or time runs out. */
// a first start migrates (the demo seeder ran before it): a minute on a busy machine
export async function waitReady(service: ServiceProcess, url: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} stopped while starting:\n${lastLines(service.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${service.name} was not ready after ${timeoutMs / 1000} s; see ${service.logFile}`);
}

/** SIGTERM (graceful: in-flight requests finish), then SIGKILL if it takes longer than `timeoutMs`. */
export async function stopService(service: ServiceProcess, timeoutMs = 12_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), timeoutMs);
  await service.exited;
  clearTimeout(timer);
}
