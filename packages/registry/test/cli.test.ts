import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildSync } from 'esbuild';
import { createLogger } from '@county/kit';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import { parseRegistryConfig, startRegistry, type RunningRegistry } from '@county/registry';

/** `npm run schema:publish` as a department runs it: the CLI in its own process, against a real registry. */

const FED = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const secrets = { tasks: randomBytes(24).toString('hex'), people: randomBytes(24).toString('hex') };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-publish-'));
const cli = path.join(work, 'cli.js');
const sdl = path.join(work, 'tasks.graphql');

let database: TestDatabase;
let running: RunningRegistry;

const run = (args: string[], secret: string) =>
  new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { PATH: process.env.PATH, SCHEMA_REGISTRY_URL: running.url, SCHEMA_PUBLISHER_SECRET: secret } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });

beforeAll(async () => {
  buildSync({
    entryPoints: [path.resolve(__dirname, '../src/cli.ts')],
    bundle: true,
    platform: 'node',
    outfile: cli,
    logLevel: 'silent',
  });
  database = await createTestDatabase('registry_cli');
  running = await startRegistry(
    parseRegistryConfig({
      PORT: '0',
      REGISTRY_DATABASE_URL: database.url,
      SCHEMA_PUBLISHERS: JSON.stringify(secrets),
      REGISTRY_USAGE_TOKEN: randomBytes(24).toString('hex'),
      TRUSTED_DOCUMENTS_PATH: '/nonexistent',
    }),
    createLogger('registry', 'silent'),
  );
});

afterAll(async () => {
  await running?.stop();
  await database?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

it('publishes a subgraph, checks a change with --dry-run, and refuses another department', async () => {
  fs.writeFileSync(
    sdl,
    `${FED}\ntype Query { tasks: [Task!]! }\ntype Task @key(fields: "id") { id: ID! title: String }`,
  );
  const first = await run(['tasks', '--sdl', sdl], secrets.tasks);
  expect(first.out).toContain('tasks was never published: give its routing URL with --url');
  expect(first.code).toBe(1);
  const published = await run(['tasks', '--sdl', sdl, '--url', 'http://127.0.0.1:1/graphql'], secrets.tasks);
  expect(published.out).toContain('published tasks version 1 (supergraph 1)');
  expect(published.code).toBe(0);

  fs.writeFileSync(sdl, `${FED}\ntype Query { tasks: [Task!]! }\ntype Task @key(fields: "id") { id: ID! }`);
  const dry = await run(['tasks', '--sdl', sdl, '--dry-run'], secrets.tasks);
  expect(dry.out).toContain("BREAKING      Field 'title' was removed from object type 'Task'");
  expect(dry.out).toContain('dry run: tasks would be accepted; nothing published');
  expect(dry.code).toBe(0);

  const stranger = await run(['tasks', '--sdl', sdl], secrets.people);
  expect(stranger.out).toContain('REFUSED: This credential publishes people, not tasks');
  expect(stranger.code).toBe(1);
  const versions = (await (await fetch(`${running.url}/subgraphs/tasks/versions`)).json()) as {
    versions: [];
  };
  expect(versions.versions).toHaveLength(1);
});
