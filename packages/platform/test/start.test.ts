import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { freePort } from '@county/postgres';
import { ROOT } from '../src/paths';
import { SCHEMA_REGISTRY, SUBGRAPHS } from '../src/registry';

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

function startPlatform(): Promise<{ child: ChildProcess; output: string; latest: () => string }> {
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
      if (output.includes('is running')) resolve({ child, output, latest: () => output });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

/** The pid of the process `parent` runs `main` in (Linux /proc: the platform's own children). */
function childRunning(parent: number, main: string): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(main))
        return Number(entry);
    } catch {
      // it ended while we looked
    }
  }
  throw new Error(`no child of ${parent} runs ${main}`);
}

/** Polls until `check` holds (bounded): the platform's own answers, no fixed sleeps. */
async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );

/** Every domain's figures in one query: those of a failed subgraph are null, the others stand. */
const DOMAINS = [
  'reformStats',
  'pilotStats',
  'serviceStats',
  'disputeStats',
  'riskSummary',
  'workforceStats',
];
async function countyFigures() {
  const response = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ region(code: "990722") { name reformStats(year: 2019) { total } pilotStats(year: 2019) { carried }
        serviceStats(from: "2019-01-01", to: "2019-12-31") { received }
        disputeStats(from: "2019-01-01", to: "2019-12-31") { mediated } riskSummary(year: 2019) { atRisk }
        workforceStats { cadresInSecondment } } }`,
    }),
  });
  const body = (await response.json()) as {
    data: { region: ({ name: string } & Record<string, unknown>) | null };
    errors?: { extensions?: { serviceName?: string } }[];
  };
  const answered = DOMAINS.filter((field) => body.data?.region?.[field]);
  return { ...body, answered };
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

/**
 * Each subgraph connects as the owner of its own database and of nothing else; the superuser's password
 * is the generated one kept with the dev secrets, not the embedded package's default.
 */
async function expectOwnRoles() {
  const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'dev-secrets.json'), 'utf8')) as {
    postgresPassword: string;
    databasePasswords: Record<string, string>;
  };
  const url = (user: string, password: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${ports.pg}/${database}`;
  const admin = new Client({ connectionString: url('postgres', secrets.postgresPassword, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ usename: string; datname: string }>(
      `select distinct usename, datname from pg_stat_activity where datname like 'county\\_%'`,
    );
    // every subgraph's database, and the schema registry's, each used by its own role alone
    expect(new Set(rows.map((row) => row.datname))).toEqual(
      new Set([...SUBGRAPHS.map((s) => s.database), SCHEMA_REGISTRY.database]),
    );
    for (const row of rows) expect(row).toEqual({ usename: row.datname, datname: row.datname });
    const { rows: privileged } = await admin.query(
      `select rolname from pg_roles where rolname like 'county\\_%' and (rolsuper or rolcreaterole or rolcreatedb)`,
    );
    expect(privileged).toEqual([]);
  } finally {
    await admin.end();
  }
  await expect(
    new Client({ connectionString: url('postgres', 'postgres', 'postgres') }).connect(),
  ).rejects.toThrow(/password/);
  const people = new Client({
    connectionString: url('county_people', secrets.databasePasswords.people, 'county_reform'),
  });
  await expect(people.connect()).rejects.toThrow(/permission denied/);
  // in its own database it appends to the audit trail, and can neither switch its guard off nor rewrite it
  const own = new Client({
    connectionString: url('county_people', secrets.databasePasswords.people, 'county_people'),
  });
  await own.connect();
  try {
    const appended = await own.query(
      `insert into audit_record (roles, operation, entity, entity_id) values ('{}', 'create', 'Probe', 'start-test') returning hash`,
    );
    expect(appended.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    for (const attempt of [
      'alter table audit_record disable trigger audit_record_append_only',
      `create or replace function audit_record_append_only() returns trigger language plpgsql as $$ begin return old; end $$`,
      'drop trigger audit_record_append_only on audit_record',
    ])
      await expect(own.query(attempt)).rejects.toThrow(/must be owner/);
    await expect(own.query(`update audit_record set subject = 'x'`)).rejects.toThrow(
      /append-only|permission denied/,
    );
  } finally {
    await own.end();
  }
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
    await expectOwnRoles();

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
  'reuses the data on the next start, restarts a subgraph killed under it, and stops everything on Ctrl-C',
  async () => {
    const { child, latest } = await startPlatform();
    expect(await regionChildren()).toBe(21);

    const governance = SUBGRAPHS.find((s) => s.name === 'governance')!;
    const governanceReady = `http://127.0.0.1:${ports.subgraphs + SUBGRAPHS.indexOf(governance)}/readyz`;
    const killed = childRunning(child.pid!, governance.main);
    process.kill(killed, 'SIGKILL');
    await until(async () => !(await answers(governanceReady)), 'governance gone');
    // while it is down the gateway keeps answering the others: governance's figures alone are null
    const partial = await countyFigures();
    expect(partial.data.region?.name).toBeTruthy();
    expect(partial.answered).toEqual(['reformStats', 'pilotStats', 'serviceStats', 'workforceStats']);
    expect(partial.errors?.map((e) => e.extensions?.serviceName)).toContain('governance');

    await until(() => answers(governanceReady), 'governance back by itself');
    const revived = childRunning(child.pid!, governance.main);
    expect(revived).not.toBe(killed);
    expect(latest()).toMatch(/governance stopped unexpectedly \(signal SIGKILL\); restarting it in 1 s/);
    let full = await countyFigures();
    // the gateway may take a moment to trust it again
    await until(async () => !(full = await countyFigures()).errors, 'full answers again', 30_000);
    expect(full.answered).toEqual(DOMAINS);
    const governanceLog = fs.readFileSync(path.join(dataDir, 'logs', 'governance.log'), 'utf8');
    expect(governanceLog).toContain('"event":"restart"');

    const postmaster = Number(
      fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(await stop(child, 'SIGINT')).toBe(0);
    expect(alive(revived)).toBe(false);
    expect(alive(postmaster)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${ports.gateway}/healthz`)).rejects.toThrow();
    expect(latest().match(/restarting it in/g)).toHaveLength(1); // and none while stopping
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'people.log'), 'utf8');
    // the demo seeder ran before each start, and wrote rows only into the empty database
    const seeds = fs
      .readFileSync(path.join(dataDir, 'logs', 'people-seed.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { rows: number });
    expect(seeds).toHaveLength(2);
    expect(seeds[0].rows).toBeGreaterThan(0);
    expect(seeds[1].rows).toBe(0);
    expect(log.match(/subgraph ready/g)).toHaveLength(2);
  },
  FIRST_START_MS,
);
