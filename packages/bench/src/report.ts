import os from 'node:os';
import type { LoadOptions, Measurement } from './measure';
import type { TargetName } from './targets';

interface Summary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface Report {
  load: LoadOptions & { rounds: number; counties: number; profiled: string[]; gatewayNodeArgs: string[] };
  database: string;
  machine: { cpus: number; model: string; node: string; os: string };
  runs: (Measurement & { failures: number })[];
  mean: Record<TargetName, Summary>;
  /** gateway req/s ÷ direct req/s: of the means, then of each round. */
  ratio: number;
  ratioByRound: number[];
  /**
   * ms the main thread of each server spent on a CPU per request it served (gateway: gateway runs;
   * subgraph: direct runs): what one request costs it, whatever else shares the machine.
   */
  mainThreadMsPerRequest?: Record<'gateway' | 'subgraph', number>;
  /** Mean cores used by other processes on the machine during the measured runs (Linux). */
  otherCores?: number;
}

const failuresOf = (m: Measurement) => m.non2xx + m.errors + m.mismatches;
const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

function summarise(runs: Measurement[]): Summary {
  return {
    requestsPerSecond: round(average(runs.map((r) => r.requestsPerSecond)), 1),
    p50: round(average(runs.map((r) => r.p50)), 1),
    p99: round(average(runs.map((r) => r.p99)), 1),
    failures: runs.reduce((sum, r) => sum + failuresOf(r), 0),
  };
}

export function buildReport(runs: Measurement[], load: Report['load'], database: string): Report {
  const of = (target: TargetName) => runs.filter((r) => r.target === target);
  const mean = { direct: summarise(of('direct')), gateway: summarise(of('gateway')) };
  const rounds = [...new Set(runs.map((r) => r.round))];
  const ratioByRound = rounds.map((n) => {
    const [direct, gateway] = (['direct', 'gateway'] as const).map((t) => of(t).find((r) => r.round === n));
    return direct && gateway ? round(gateway.requestsPerSecond / direct.requestsPerSecond, 3) : NaN;
  });
  const cpus = os.cpus();
  const others = runs.flatMap((r) => (r.cpu ? [r.cpu.cores.other] : []));
  const msPerRequest = (thread: 'gateway' | 'subgraph', target: TargetName) =>
    round(
      average(
        of(target).flatMap((r) => {
          const running = r.cpu?.mainThreads[thread]?.running;
          return running === undefined ? [] : [(running * 1000) / r.requestsPerSecond];
        }),
      ),
      2,
    );
  return {
    load,
    database,
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model.trim() ?? 'unknown',
      node: process.version,
      os: `${os.platform()} ${os.release()} ${os.arch()}`,
    },
    runs: runs.map((r) => ({
      ...r,
      requestsPerSecond: round(r.requestsPerSecond, 1),
      failures: failuresOf(r),
    })),
    mean,
    ratio: round(mean.gateway.requestsPerSecond / mean.direct.requestsPerSecond, 3),
    ratioByRound,
    ...(others.length
      ? {
          mainThreadMsPerRequest: {
            gateway: msPerRequest('gateway', 'gateway'),
            subgraph: msPerRequest('subgraph', 'direct'),
          },
          otherCores: round(average(others), 2),
        }
      : {}),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))),
    )
    .map((cells) => `  ${cells.join('   ')}`)
    .join('\n');
}

const failureText = (m: Measurement) =>
  failuresOf(m) === 0
    ? '0'
    : `${m.non2xx} non-2xx, ${m.errors} errors (${m.timeouts} timeouts), ${m.mismatches} other bodies`;

const CPU_PARTS = ['autocannon', 'gateway', 'subgraph', 'postgres', 'other', 'idle'];

/** Cores per process during each measured run, and CPU ms per request for the parts that serve it. */
function cpuLines(report: Report): string[] {
  const runs = report.runs.filter((r) => r.cpu);
  if (!runs.length) return [];
  const label = (r: Measurement) => `${r.target} #${r.round}`;
  const cores = [['target', ...CPU_PARTS]];
  for (const r of runs)
    cores.push([
      label(r),
      ...CPU_PARTS.map((part) => {
        const used = r.cpu?.cores[part];
        if (used === undefined) return '-';
        if (part === 'other' || part === 'idle') return used.toFixed(2);
        return `${used.toFixed(2)} (${((used * 1000) / r.requestsPerSecond).toFixed(1)})`;
      }),
    ]);
  const threads = [['target', 'gateway', 'subgraph']];
  for (const r of runs) {
    const cell = (name: string) => {
      const thread = r.cpu?.mainThreads[name];
      return thread ? `${thread.running.toFixed(2)} + ${thread.waiting.toFixed(2)}` : '-';
    };
    threads.push([label(r), cell('gateway'), cell('subgraph')]);
  }
  const perRequest = report.mainThreadMsPerRequest;
  return [
    `  CPU during the measured runs, in cores of ${report.machine.cpus} (CPU ms per request); other = the rest of the machine:`,
    table(cores),
    '',
    '  Main JS thread: share of the run on a CPU + waiting for one (a sum near 1.00: that process is the limit):',
    table(threads),
    ...(perRequest
      ? [
          '',
          `  Main thread on a CPU per request: gateway ${perRequest.gateway} ms, subgraph ${perRequest.subgraph} ms`,
        ]
      : []),
    '',
  ];
}

function warnings(report: Report): string[] {
  const failures = report.mean.direct.failures + report.mean.gateway.failures;
  return [
    ...(failures > 0
      ? [
          `WARNING: ${failures} responses were not clean (non-2xx, connection errors or a body other than the checked one): the figures above count them as requests.`,
        ]
      : []),
    ...((report.otherCores ?? 0) >= 0.2
      ? [
          `WARNING: other processes on this machine used ${report.otherCores} cores on average during the measured runs: the figures are disturbed; run again on a quiet machine.`,
        ]
      : []),
  ];
}

/** The plain table, the ratio, the machine, where the CPU went; then all of it as one `BENCH_JSON {…}` line. */
export function printReport(report: Report): void {
  const { load, machine } = report;
  const rows = [['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx/errors']];
  for (const r of report.runs)
    rows.push([
      `${r.target} #${r.round}`,
      r.requestsPerSecond.toFixed(1),
      `${r.p50}`,
      `${r.p99}`,
      failureText(r),
    ]);
  for (const target of ['direct', 'gateway'] as const) {
    const m = report.mean[target];
    rows.push([`${target} (mean)`, m.requestsPerSecond.toFixed(1), `${m.p50}`, `${m.p99}`, `${m.failures}`]);
  }
  const lines = [
    '',
    `Benchmark: both targets primed, then ${load.rounds} round(s) × (direct, gateway), ${load.connections} connections, no pipelining,`,
    `${load.warmupSeconds} s warm-up + ${load.seconds} s measured each; demo city of ${load.counties} county(ies); ${report.database}`,
    ...(load.profiled.length
      ? [`Under --cpu-prof: ${load.profiled.join(', ')}; figures are lower than without the profiler.`]
      : []),
    ...(load.gatewayNodeArgs.length ? [`Gateway node options: ${load.gatewayNodeArgs.join(' ')}`] : []),
    '',
    table(rows),
    '',
    `  gateway/direct req/s: ${report.ratio.toFixed(3)} (by round: ${report.ratioByRound.map((r) => r.toFixed(3)).join(', ')})`,
    `  machine: ${machine.cpus} × ${machine.model}, Node ${machine.node}, ${machine.os}`,
    '  (autocannon, the gateway, the subgraph and PostgreSQL all share these CPUs)',
    '',
    ...cpuLines(report),
    ...warnings(report),
    `BENCH_JSON ${JSON.stringify(report)}`,
  ];
  console.log(lines.join('\n'));
}
