import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@county/postgres';
import { ROOT } from '../src/paths';

/**
 * `npm start` as a user runs it (the compiled entry point, as `npm start` runs it after its build): the
 * platform answers through the gateway, a SIGTERM to it alone stops every process it started, PostgreSQL
 * last, and the next start reuses the data. Its own data folder and ports, so it never meets a running
 * `npm start`.
 */
const START = path.join(ROOT, 'packages/platform/dist/start.js');
const dataDir = path.join(os.tmpdir(), `county-start-test-${process.pid}`);
let ports: { pg: number; gateway: number; subgraphs: number };
let running: ChildProcess | undefined;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function startPlatform(): Promise<{ child: ChildProcess; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COUNTY_DATA_DIR: dataDir,
    PG_PORT: String(ports.pg),
    GATEWAY_PORT: String(ports.gateway),
    SUBGRAPH_PORT_BASE: String(ports.subgraphs),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [START], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running')) resolve({ child, output });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

async function regionChildren(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ region(code: "990722") { children { code } } }' }),
  });
  const body = (await response.json()) as { data: { region: { children: unknown[] } } };
  return body.data.region.children.length;
}

beforeAll(async () => {
  if (!fs.existsSync(START))
    throw new Error(`${START} is missing: run \`npm run build\` first (npm test does)`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  ports = { pg: await freePort(), gateway: await freePort(), subgraphs: await freePort() };
});

afterAll(async () => {
  if (running && running.exitCode === null) await stop(running);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// the first start seeds every subgraph (two years of service cases among them): minutes on a busy machine
const FIRST_START_MS = 300_000;

it(
  'starts the platform, answers through the gateway, and stops every process on SIGTERM',
  async () => {
    const { child, output } = await startPlatform();
    expect(output).toContain(`http://127.0.0.1:${ports.gateway}/explorer`);
    expect(output).toMatch(/hr \(sees personal data\)\n\s+eyJ/);
    expect(await regionChildren()).toBe(21);

    const postmaster = Number(
      fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(alive(postmaster)).toBe(true);
    expect(await stop(child)).toBe(0);
    expect(alive(postmaster)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${ports.gateway}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${ports.subgraphs}/healthz`)).rejects.toThrow();
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'people.log'), 'utf8');
    expect(log.indexOf('"signal":"SIGTERM"')).toBeGreaterThan(0);
  },
  FIRST_START_MS,
);

it(
  'reuses the data on the next start: no second seeding',
  async () => {
    const { child } = await startPlatform();
    expect(await regionChildren()).toBe(21);
    expect(await stop(child)).toBe(0);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'people.log'), 'utf8');
    expect(log.match(/demo data seeded/g)).toHaveLength(1);
    expect(log.match(/subgraph ready/g)).toHaveLength(2);
  },
  FIRST_START_MS,
);
