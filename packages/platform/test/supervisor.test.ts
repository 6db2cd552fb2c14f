import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@county/postgres';
import { launchService, type LaunchedService, type ServiceProcess } from '../src/processes';
import { superviseServices, type RestartPolicy, type Supervisor } from '../src/supervisor';

/**
 * The supervisor with small real child processes: a server killed with SIGKILL comes back on its own, a
 * crash loop backs off and is given up on, a process that stayed up long enough starts its backoff
 * afresh, and nothing restarts once the platform is stopping.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-supervisor-'));
const script = (name: string, body: string) => {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(file, body);
  return file;
};
/** Answers /readyz on PORT, as a subgraph does. */
const SERVER = script(
  'server',
  `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');`,
);
const CRASH = script('crash', `process.exit(3);`);
const SHORT_LIVED = script('short-lived', `setTimeout(() => process.exit(1), 300);`);

const FAST: Partial<RestartPolicy> = { initialDelayMs: 50, maxDelayMs: 200, stableMs: 10_000 };

let services: ServiceProcess[];
let supervisor: Supervisor | undefined;
let stopping: boolean;
let lines: string[];
const givenUp: string[] = [];

const launch = async (name: string, main: string) =>
  launchService({ name, main, port: await freePort(), env: {}, logDir: dir });

function supervise(policy: Partial<RestartPolicy>) {
  supervisor = superviseServices(services, {
    stopping: () => stopping,
    onGiveUp: (service) => givenUp.push(service.name),
    policy,
    report: (line) => lines.push(line),
  });
}

/** Resolves with the first report line matching `pattern` (polled; each case has its own bound). */
async function reported(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = lines.find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no report line ${pattern} in:\n${lines.join('\n')}`);
}

beforeEach(() => {
  services = [];
  stopping = false;
  lines = [];
  givenUp.length = 0;
});

afterEach(async () => {
  stopping = true;
  supervisor?.close();
  for (const service of services) {
    if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await service.exited;
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('restarts a killed server after its backoff, in its place in the list, and logs it', async () => {
  const other = await launch('other', SERVER);
  const victim = await launch('victim', SERVER);
  services.push(other, victim);
  await Promise.all([other.ready(), victim.ready()]);
  supervise(FAST);

  victim.child.kill('SIGKILL');
  expect(await reported(/^victim stopped/)).toMatch(
    /signal SIGKILL\); restarting it in 0\.05 s \(restart 1 /,
  );
  await reported(/^victim is back/);
  const revived = services[1] as LaunchedService;
  expect(revived).not.toBe(victim);
  expect(revived.child.pid).not.toBe(victim.child.pid);
  expect((await fetch(`${revived.base}/readyz`)).status).toBe(200);
  expect(services[0]).toBe(other);
  expect(other.child.exitCode).toBeNull();

  const log = fs
    .readFileSync(victim.logFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(log.map((entry) => entry.event)).toEqual(['restart', 'relaunched', 'back']);
  expect(log[0]).toMatchObject({ service: 'victim', signal: 'SIGKILL', delayMs: 50 });
  expect(log[2].pid).toBe(revived.child.pid);
});

it('backs off a crash loop (doubling, capped) and gives up after too many restarts in the window', async () => {
  services.push(await launch('crasher', CRASH));
  supervise({ ...FAST, maxRestarts: 4, windowMs: 60_000 });

  await reported(/^crasher .*Giving up/);
  const delays = lines.filter((l) => l.includes('restarting')).map((l) => l.match(/in ([\d.]+) s/)![1]);
  expect(delays).toEqual(['0.05', '0.1', '0.2', '0.2']);
  expect(lines.at(-1)).toMatch(/exit code 3\) and keeps stopping: 4 restarts in 60 s/);
  expect(givenUp).toEqual(['crasher']);
  const log = fs.readFileSync(services[0].logFile, 'utf8');
  expect(log).toContain('"event":"give-up"');
});

it('starts the backoff afresh for a process that stayed up past stableMs', async () => {
  services.push(await launch('flaky', SHORT_LIVED));
  supervise({ ...FAST, stableMs: 200 });

  const restarts = async (count: number) => {
    const deadline = Date.now() + 10_000;
    while (lines.filter((l) => l.includes('restarting')).length < count && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
  await restarts(3);
  const delays = lines.filter((l) => l.includes('restarting')).map((l) => l.match(/in ([\d.]+) s/)![1]);
  expect(delays.slice(0, 3)).toEqual(['0.05', '0.05', '0.05']);
  expect(givenUp).toEqual([]);
});

it('restarts nothing once the platform is stopping, even a restart already waiting', async () => {
  const server = await launch('server', SERVER);
  services.push(server);
  await server.ready();
  supervise({ ...FAST, initialDelayMs: 300 });

  server.child.kill('SIGKILL');
  await reported(/^server stopped/);
  stopping = true; // Ctrl-C during the backoff
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(services[0]).toBe(server);
  expect(lines.some((l) => l.includes('is back'))).toBe(false);
  expect(fs.readFileSync(server.logFile, 'utf8')).not.toContain('"event":"relaunched"');
});
