import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Where the CPU went during one measured run (Linux /proc). */
export interface CpuUsage {
  /** Cores used by each part (1 = one core all the time), plus `other` (the rest of the machine) and `idle`. */
  cores: Record<string, number>;
  /**
   * The main (JavaScript) thread of the Node servers: share of the run spent on a CPU, and runnable but
   * waiting for one. `running + waiting` near 1 means the thread never rests: that process is the limit.
   */
  mainThreads: Record<string, { running: number; waiting: number }>;
}

const linux = os.platform() === 'linux';
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

const read = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // the process is gone
  }
};

/** utime + stime and the parent of one process, from /proc/<pid>/stat (its name may hold spaces). */
function processStat(pid: number): { ticks: number; ppid: number } | null {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ticks: Number(fields[11]) + Number(fields[12]), ppid: Number(fields[1]) };
}

/** Nanoseconds the process's main thread ran and waited on a run queue, from /proc/<pid>/schedstat. */
function schedStat(pid: number): { running: number; waiting: number } {
  const [running, waiting] = (read(`/proc/${pid}/schedstat`) ?? '0 0').split(' ').map(Number);
  return { running, waiting };
}

/** A process and its children (PostgreSQL's backends are children of the postmaster). */
export function withChildren(pid: number): number[] {
  if (!linux) return [pid];
  const children = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => processStat(child)?.ppid === pid);
  return [pid, ...children];
}

/** Busy and total ticks of the whole machine, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = (read('/proc/stat') ?? '').split('\n')[0].trim().split(/\s+/);
  const ticks = values.slice(0, 8).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

function snapshot(parts: Record<string, number[]>, threads: string[]) {
  const ticks: Record<string, number> = {};
  for (const [name, pids] of Object.entries(parts))
    ticks[name] = pids.reduce((sum, pid) => sum + (processStat(pid)?.ticks ?? 0), 0);
  const sched = Object.fromEntries(threads.map((name) => [name, schedStat(parts[name][0])]));
  return { ticks, sched, machine: machineTicks(), at: process.hrtime.bigint() };
}

const two = (value: number) => Number(Math.max(0, value).toFixed(2));

/**
 * Starts measuring; the function it returns stops and tells where the CPU went. `parts` maps a name to
 * its pids; `threads` names the parts whose first pid's main thread is followed. Linux only.
 */
export function startCpuMeter(
  parts: Record<string, number[]>,
  threads: string[],
): () => CpuUsage | undefined {
  if (!linux) return () => undefined;
  const followed = threads.filter((name) => parts[name]?.length);
  const before = snapshot(parts, followed);
  return () => {
    const after = snapshot(parts, followed);
    const seconds = Number(after.at - before.at) / 1e9;
    const cores: Record<string, number> = {};
    let ours = 0;
    for (const name of Object.keys(parts)) {
      const used = (after.ticks[name] - before.ticks[name]) / ticksPerSecond / seconds;
      ours += used;
      cores[name] = two(used);
    }
    const total = after.machine.total - before.machine.total;
    const busy = after.machine.busy - before.machine.busy;
    const cpus = os.cpus().length;
    // /proc/stat adds up every CPU's ticks: as a share of the total, times the CPUs, it is in cores
    const machineCores = total > 0 ? (busy / total) * cpus : 0;
    cores.other = two(machineCores - ours);
    cores.idle = two(cpus - machineCores);
    const mainThreads = Object.fromEntries(
      followed.map((name) => {
        const share = (key: 'running' | 'waiting') =>
          two((after.sched[name][key] - before.sched[name][key]) / 1e9 / seconds);
        return [name, { running: share('running'), waiting: share('waiting') }];
      }),
    );
    return { cores, mainThreads };
  };
}
