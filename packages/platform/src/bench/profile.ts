import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths';

/** The parts of a V8 `.cpuprofile` that self time needs. */
interface CpuProfile {
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

/** Self time by function and by package, idle excluded, from the newest profile in `dir`. */
export function summariseProfile(dir: string, count = 25): string {
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => path.join(dir, file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!files.length) return `No .cpuprofile in ${dir}: the gateway did not exit cleanly.`;
  const profile = JSON.parse(fs.readFileSync(files[0], 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    busy += us;
    const where = owner(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'}  ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byOwner.set(where, (byOwner.get(where) ?? 0) + us);
  });
  const lines = (rows: Row[]) =>
    rows
      .map(
        (row) =>
          `  ${row.ms.toFixed(0).padStart(7)} ms ${((row.ms * 100000) / busy).toFixed(1).padStart(5)} %  ${row.name}`,
      )
      .join('\n');
  return `Gateway CPU profile ${files[0]} (busy ${(busy / 1e6).toFixed(1)} s, idle excluded)

Self time by package:
${lines(top(byOwner, 15))}

Self time by function (top ${count}):
${lines(top(byFunction, count))}`;
}
