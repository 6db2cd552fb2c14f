import autocannon from 'autocannon';
import type { CpuUsage } from './cpu';
import type { Target, TargetName } from './targets';

export interface LoadOptions {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface Measurement {
  target: TargetName;
  round: number;
  /** Mean of autocannon's per-second samples. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** 2xx responses whose body differs from the checked one (e.g. GraphQL errors under load). */
  mismatches: number;
  /** Cores used by each process during the measured run (Linux). */
  cpu?: CpuUsage;
}

let running: autocannon.Instance | undefined;
let stopped = false;

/** Ends the load now and refuses further runs (Ctrl-C, deadline). */
export function stopLoad(): void {
  stopped = true;
  running?.stop();
}

async function load(target: Target, seconds: number, connections: number, expectBody: string) {
  if (stopped) throw new Error('the benchmark is stopping');
  // a caller token lives a minute: each run gets a fresh one
  const headers = await target.headers();
  return new Promise<autocannon.Result>((resolve, reject) => {
    running = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers,
        body: target.body,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        expectBody,
      },
      (error, result) => {
        running = undefined;
        if (error) reject(error);
        else if (stopped) reject(new Error('the benchmark is stopping'));
        else resolve(result);
      },
    );
  });
}

/** Load whose results are discarded: JIT, caches and pools settle before a measured run. */
export async function warmUp(target: Target, options: LoadOptions, expectBody: string): Promise<void> {
  if (options.warmupSeconds > 0) await load(target, options.warmupSeconds, options.connections, expectBody);
}

/** A warm-up (discarded), then the measured run, against one target. */
export async function measure(
  target: Target,
  round: number,
  options: LoadOptions,
  expectBody: string,
  startCpuMeter?: () => () => CpuUsage | undefined,
): Promise<Measurement> {
  await warmUp(target, options, expectBody);
  const stopCpuMeter = startCpuMeter?.();
  const result = await load(target, options.seconds, options.connections, expectBody);
  const cpu = stopCpuMeter?.();
  return {
    target: target.name,
    round,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    ...(cpu ? { cpu } : {}),
  };
}
