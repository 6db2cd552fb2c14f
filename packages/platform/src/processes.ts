import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

/** Runs one compiled service as a child process, its JSON logs appended to `.data/logs/<name>.log`. */
export function spawnService(
  name: string,
  main: string,
  env: Record<string, string>,
  logDir: string,
): ServiceProcess {
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, logFile, exited };
}

export const lastLines = (file: string, count = 6): string =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').slice(-count).join('\n') : '';

/** Polls `url` until it answers 200, the process exits, or time runs out. */
// a first start migrates and seeds the demo data (two years of service cases): minutes on a busy machine
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
