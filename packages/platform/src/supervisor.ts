import fs from 'node:fs';
import { launchService, type LaunchedService, type ServiceProcess } from './processes';

export interface RestartPolicy {
  /** The wait before the first restart; it doubles with each quick exit after that. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that stayed up this long is healthy again: its next restart waits `initialDelayMs`. */
  stableMs: number;
  /** This many restarts within `windowMs` and the supervisor gives up on the process. */
  maxRestarts: number;
  windowMs: number;
}

/**
 * 1 s, 2 s, 4 s … 30 s. The window catches a slow crash loop too (one that stays up just past
 * `stableMs` each time, so its backoff keeps resetting): ten restarts in ten minutes is no recovery.
 */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableMs: 60_000,
  maxRestarts: 10,
  windowMs: 600_000,
};

export interface SupervisorOptions {
  /** True once the platform is stopping: an exit then is expected, and nothing restarts. */
  stopping: () => boolean;
  /** Called once when a process keeps exiting and is left down (or cannot be launched again). */
  onGiveUp: (service: ServiceProcess) => void;
  policy?: Partial<RestartPolicy>;
  /** Where the console lines go (stderr by default). */
  report?: (line: string) => void;
}

export interface Supervisor {
  /** Cancels the restarts still waiting for their backoff (the processes themselves are the caller's). */
  close(): void;
}

const isLaunched = (service: ServiceProcess): service is LaunchedService => 'options' in service;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

/** One JSON line in the service's own log, in the shape of its pino lines, so one file tells the story. */
function appendLog(service: ServiceProcess, level: number, fields: Record<string, unknown>, msg: string) {
  const line = {
    level,
    time: new Date().toISOString(),
    service: service.name,
    name: 'supervisor',
    ...fields,
    msg,
  };
  try {
    fs.appendFileSync(service.logFile, `${JSON.stringify(line)}\n`);
  } catch {
    // the console line still says it
  }
}

/**
 * Keeps the platform's processes running: one that exits is launched again, with the options it was
 * launched with, after an exponential backoff, while the others keep serving. The restarted process takes
 * its predecessor's place in `services`, the very list the caller stops on Ctrl-C, so a stop always reaches
 * the live process. Each restart is said on the console and in the process's own log file.
 */
export function superviseServices(services: ServiceProcess[], options: SupervisorOptions): Supervisor {
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  const report = options.report ?? ((line: string) => console.error(line));
  const timers = new Set<NodeJS.Timeout>();
  // per service name: restarts in the window (at most maxRestarts kept) and quick exits in a row
  const history = new Map<string, { restarts: number[]; quickExits: number }>();

  const watch = (service: ServiceProcess) => {
    const startedAt = Date.now();
    void service.exited.then((code) => {
      if (options.stopping()) return;
      const now = Date.now();
      const state = history.get(service.name) ?? { restarts: [], quickExits: 0 };
      history.set(service.name, state);
      if (now - startedAt >= policy.stableMs) state.quickExits = 0;
      state.restarts = state.restarts.filter((at) => now - at < policy.windowMs);
      const how = service.child.signalCode ? `signal ${service.child.signalCode}` : `exit code ${code}`;
      const exit = { exitCode: code, signal: service.child.signalCode };

      if (state.restarts.length >= policy.maxRestarts || !isLaunched(service)) {
        const why = isLaunched(service)
          ? `${state.restarts.length} restarts in ${seconds(policy.windowMs)}`
          : 'it cannot be launched again';
        report(
          `${service.name} stopped unexpectedly (${how}) and keeps stopping: ${why}. ` +
            `Giving up on it; it stays down. See ${service.logFile}.`,
        );
        appendLog(service, 60, { event: 'give-up', ...exit }, `supervisor gave up: ${why}`);
        options.onGiveUp(service);
        return;
      }

      const delayMs = Math.min(policy.initialDelayMs * 2 ** state.quickExits, policy.maxDelayMs);
      state.quickExits += 1;
      state.restarts.push(now);
      const restart = state.restarts.length;
      report(
        `${service.name} stopped unexpectedly (${how}); restarting it in ${seconds(delayMs)} ` +
          `(restart ${restart} of at most ${policy.maxRestarts} within ${seconds(policy.windowMs)}). ` +
          `See ${service.logFile}.`,
      );
      appendLog(
        service,
        50,
        { event: 'restart', ...exit, delayMs, restart },
        'stopped; supervisor restarts it',
      );

      const timer = setTimeout(() => {
        timers.delete(timer);
        const slot = services.indexOf(service);
        if (options.stopping() || slot < 0) return;
        const next = launchService(service.options);
        services[slot] = next;
        watch(next);
        appendLog(next, 30, { event: 'relaunched', pid: next.child.pid }, 'supervisor launched it again');
        next.ready().then(
          () => {
            if (options.stopping()) return;
            report(`${service.name} is back (pid ${next.child.pid}).`);
            appendLog(next, 30, { event: 'back', pid: next.child.pid }, 'back after a restart');
          },
          () => undefined, // it exited again: its own exit is handled above
        );
      }, delayMs);
      timers.add(timer);
    });
  };

  for (const service of services) watch(service);
  return {
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
