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
  load: LoadOptions & { rounds: number; counties: number; profiled: boolean };
  database: string;
  machine: { cpus: number; model: string; node: string; os: string };
  runs: (Measurement & { failures: number })[];
  mean: Record<TargetName, Summary>;
  /** gateway req/s ÷ direct req/s: of the means, then of each round. */
  ratio: number;
  ratioByRound: number[];
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

/** The plain table, the ratio, the machine; then the same as one `BENCH_JSON {…}` line. */
export function printReport(report: Report): void {
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
  const { load, machine } = report;
  console.log(`
Benchmark: ${load.rounds} round(s) × (direct, gateway), ${load.connections} connections, no pipelining,
${load.warmupSeconds} s warm-up + ${load.seconds} s measured each; demo city of ${load.counties} county(ies); ${report.database}${load.profiled ? '\nThe gateway ran under --cpu-prof: its figures are lower than without the profiler.' : ''}

${table(rows)}

  gateway/direct req/s: ${report.ratio.toFixed(3)} (by round: ${report.ratioByRound.map((r) => r.toFixed(3)).join(', ')})
  machine: ${machine.cpus} × ${machine.model}, Node ${machine.node}, ${machine.os}
  (autocannon, the gateway, the subgraph and PostgreSQL all share these CPUs)
`);
  const failures = report.mean.direct.failures + report.mean.gateway.failures;
  if (failures > 0)
    console.log(
      `WARNING: ${failures} responses were not clean (non-2xx, connection errors or a body other than the checked one): the figures above count them as requests.\n`,
    );
  console.log(`BENCH_JSON ${JSON.stringify(report)}`);
}
