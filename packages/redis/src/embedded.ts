import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { binaryEnvironment } from '@county/debian-binaries';
import { redisServerBinary } from './binaries';

export interface EmbeddedRedisOptions {
  /** Default: a free loopback port. */
  port?: number;
  /** Memory cap (Redis syntax, e.g. `64mb`); keys with a TTL are evicted first beyond it. */
  maxMemory?: string;
  onLog?: (line: string) => void;
}

export interface RunningRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export class EmbeddedRedisError extends Error {}

const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts redis-server and resolves once it accepts connections; rejects with its last lines if it exits first. */
function launch(port: number, dir: string, options: EmbeddedRedisOptions): Promise<ChildProcess> {
  const binary = redisServerBinary();
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
    // shared state is rebuilt by the gateways (counters, cache): nothing is written to disk
    ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    ...['--maxmemory', options.maxMemory ?? '64mb', '--maxmemory-policy', 'volatile-lru'],
  ];
  const child = spawn(binary.command, args, {
    env: binaryEnvironment(binary),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve(child);
    };
    const timer = setTimeout(
      () =>
        settle(
          new EmbeddedRedisError(
            `redis-server did not start within ${START_TIMEOUT_MS} ms:\n${log.join('\n')}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        options.onLog?.(line);
        log.push(line);
        if (log.length > 12) log.shift();
        if (READY.test(line)) settle();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', (error) =>
      settle(new EmbeddedRedisError(`redis-server could not run: ${error.message}`)),
    );
    child.once('exit', (code, signal) =>
      settle(
        new EmbeddedRedisError(
          `redis-server exited (${signal ?? code}) before it was ready:\n${log.join('\n')}`,
        ),
      ),
    );
  });
}

/**
 * A throw-away Redis on loopback for tests and local replicas: no persistence, a memory cap, its working
 * folder removed on stop. Killed with this process if `stop` was never called.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions = {}): Promise<RunningRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-redis-'));
  let child: ChildProcess | undefined;
  let port = options.port ?? 0;
  try {
    // a free port can be taken between the probe and the bind: try another one
    for (let attempt = 1; !child; attempt++) {
      if (!options.port) port = await freePort();
      try {
        child = await launch(port, dir, options);
      } catch (error) {
        const busy = error instanceof Error && /Address already in use/.test(error.message);
        if (!busy || options.port || attempt >= 3) throw error;
      }
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const running = child;
  const orphanGuard = () => running.kill('SIGKILL');
  process.once('exit', orphanGuard);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: running.pid!,
    async stop() {
      process.removeListener('exit', orphanGuard);
      if (!exited(running)) {
        running.kill('SIGTERM');
        if (!(await waitForExit(running, 5000))) {
          running.kill('SIGKILL');
          await waitForExit(running, 5000);
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
