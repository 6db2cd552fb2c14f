import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Cores each part used during a measured run (1 = one core busy all the time). */
export type CpuShares = Record<string, number>;

const linux = os.platform() === 'linux';
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime and the parent of one process, from /proc/<pid>/stat (its name may hold spaces). */
function processStat(pid: number): { ticks: number; ppid: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), ppid: Number(fields[1]) };
  } catch {
    return null; // gone
  }
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
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = values.slice(0, 8).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

function snapshot(parts: Record<string, number[]>) {
  const ticks: Record<string, number> = {};
  for (const [name, pids] of Object.entries(parts))
    ticks[name] = pids.reduce((sum, pid) => sum + (processStat(pid)?.ticks ?? 0), 0);
  return { ticks, machine: machineTicks(), at: process.hrtime.bigint() };
}

/**
 * Where the CPU went during a run: each named part (its processes' user + system time), `other` (the rest
 * of the machine's busy time: anything else running here) and `idle`. Linux only; elsewhere, nothing.
 * `parts` maps a name to its pids.
 */
export function startCpuMeter(parts: Record<string, number[]>): () => CpuShares | undefined {
  if (!linux) return () => undefined;
  const before = snapshot(parts);
  return () => {
    const after = snapshot(parts);
    const seconds = Number(after.at - before.at) / 1e9;
    const cores = (ticks: number) => Number((ticks / ticksPerSecond / seconds).toFixed(2));
    const shares: CpuShares = {};
    let ours = 0;
    for (const name of Object.keys(parts)) {
      const used = after.ticks[name] - before.ticks[name];
      ours += used;
      shares[name] = cores(used);
    }
    const total = after.machine.total - before.machine.total;
    const busy = after.machine.busy - before.machine.busy;
    const cpus = os.cpus().length;
    // /proc/stat counts every CPU's ticks: scale to cores over the same wall time
    const machineCores = total > 0 ? (busy / total) * cpus : 0;
    shares.other = Number(Math.max(0, machineCores - ours / ticksPerSecond / seconds).toFixed(2));
    shares.idle = Number(Math.max(0, cpus - machineCores).toFixed(2));
    return shares;
  };
}
