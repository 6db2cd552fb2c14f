import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { binaryEnvironment, type DebianBinary } from './debian';

export class DaemonError extends Error {}

export interface RunningDaemon {
  pid: number;
  /** Its last output lines (kept bounded), for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
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

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** A free loopback port (the kernel's choice, released before it is returned). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs a server in the foreground and resolves once every port in `ports` accepts connections; rejects with
 * its last lines when it exits first or `timeoutMs` passes. Killed with this process if `stop` is never called.
 */
export async function startDaemon(options: {
  name: string;
  binary: DebianBinary;
  args: string[];
  ports: number[];
  timeoutMs?: number;
}): Promise<RunningDaemon> {
  const { name, binary, args, ports, timeoutMs = 10_000 } = options;
  const child = spawn(binary.command, args, {
    env: binaryEnvironment(binary),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 20) lines.shift();
    }
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  let failure: string | undefined;
  child.once('error', (error) => (failure = `${name} could not run: ${error.message}`));
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.removeListener('exit', orphanGuard);
    if (exited(child)) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failure) break;
    if (exited(child)) {
      failure = `${name} exited (${child.signalCode ?? child.exitCode}) before it was ready`;
      break;
    }
    if ((await Promise.all(ports.map(accepts))).every(Boolean)) break;
    if (Date.now() > deadline) {
      failure = `${name} did not listen on ${ports.join(', ')} within ${timeoutMs} ms`;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (failure) {
    await stop();
    throw new DaemonError(`${failure}:\n${lines.join('\n')}`);
  }
  return { pid: child.pid!, log: () => lines.join('\n'), stop };
}
