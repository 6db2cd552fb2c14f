import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '@county/platform';

/** The parts of a V8 `.cpuprofile` that self time needs. */
interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  ms: number;
}

/** `node_modules/@apollo/gateway/dist/x.js` → `@apollo/gateway`; our own code by workspace folder. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const local = path.relative(ROOT, url.replace(/^file:\/\//, ''));
  return local.startsWith('..') ? url : local.split('/').slice(0, 2).join('/');
}

function top(totals: Map<string, number>, count: number): Row[] {
  return [...totals]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** Where the load ran, on the monotonic clock in µs (the one V8 stamps profiles with). */
export interface LoadWindow {
  from: number;
  to: number;
  requests: number;
}

/** `…/node_modules/@apollo/gateway/dist/x.js` → `@apollo/gateway/dist/x.js`; repository files relative. */
function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith('/') ? path.relative(ROOT, file) : url;
}

/**
 * Self time by package and by function from the newest profile in `dir`, counting only the samples taken
 * while the load ran (no start-up, no idle), in µs per request and in % of that busy time.
 */
export function summariseProfile(service: string, dir: string, windows: LoadWindow[], count = 25): string {
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => path.join(dir, file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!files.length) return `No .cpuprofile in ${dir}: the ${service} did not exit cleanly.`;
  const profile = JSON.parse(fs.readFileSync(files[0], 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const requests = windows.reduce((sum, w) => sum + w.requests, 0);
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    const frame = nodes.get(id);
    if (!frame || frame.functionName === '(idle)') return;
    if (!windows.some((w) => at >= w.from && at <= w.to)) return;
    busy += us;
    const where = owner(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'}  ${frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byOwner.set(where, (byOwner.get(where) ?? 0) + us);
  });
  if (!busy || !requests) return `${service}: no samples in the measured runs (${files[0]})`;
  const lines = (rows: Row[]) =>
    rows
      .map(
        (row) =>
          `  ${((row.ms * 1000) / requests).toFixed(0).padStart(6)} µs ${((row.ms * 100000) / busy).toFixed(1).padStart(5)} %  ${row.name}`,
      )
      .join('\n');
  return `${service} CPU profile, measured runs only: ${(busy / 1000 / requests).toFixed(2)} ms of CPU per request (main thread, ${requests} requests)
${files[0]}

Self time by package, per request:
${lines(top(byOwner, 15))}

Self time by function, per request (top ${count}):
${lines(top(byFunction, count))}`;
}

/** The subgraphs the cockpit query reaches, in the order of the cold-cost table. */
export const COCKPIT_SUBGRAPHS = ['gov-services', 'governance', 'people', 'pilots', 'reform'];

/** `BENCH_PROFILE=cockpit`: each subgraph's profile in `dir/<subgraph>/`, over the cold city cockpit run only. */
export function summariseCockpitProfiles(dir: string, window: LoadWindow | undefined, count = 20): string {
  if (!window)
    return 'BENCH_PROFILE=cockpit: the cold city cockpit run did not happen (BENCH_COCKPIT=false?)';
  // V8 samples wall time: a thread waiting for a core (2 cores, a dozen busy processes) counts as busy, so these
  // totals exceed the cold table's CPU ms from /proc; the shares say where the time goes
  const note =
    'Subgraph profiles of the cold city cockpit run (wall-clock samples, waiting for a core included: compare shares, and take CPU ms from the cold table)';
  return [
    note,
    ...COCKPIT_SUBGRAPHS.map((subgraph) =>
      summariseProfile(`${subgraph} (cold city cockpit)`, path.join(dir, subgraph), [window], count),
    ),
  ].join('\n\n');
}
