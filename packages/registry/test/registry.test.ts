import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createLogger } from '@county/kit';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import {
  parseRegistryConfig,
  PublishRefusedError,
  publishSubgraph,
  rollbackSubgraph,
  startRegistry,
  type RunningRegistry,
} from '@county/registry';

/**
 * The registry as a department meets it: a real registry on its own PostgreSQL database, over HTTP, with
 * two departments' subgraphs and their own credentials.
 */

const FED =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const tasksSdl = (fields: string) => `${FED}
type Query { tasks(status: TaskStatus): [Task!]! }
enum TaskStatus { OPEN DONE }
type Task @key(fields: "id") { id: ID! ${fields} }`;
const TASKS_V1 = tasksSdl('title: String! note: String');
const PEOPLE = `${FED}
type Query { people: [Person!]! }
type Person @key(fields: "id") { id: ID! name: String! }`;

const secrets = { tasks: randomBytes(24).toString('hex'), people: randomBytes(24).toString('hex') };
const usageToken = randomBytes(24).toString('hex');
const manifestDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-manifest-'));
const manifest = path.join(manifestDir, 'trusted-documents.json');

let database: TestDatabase;
let running: RunningRegistry;
let registryUrl: string;

const publish = (
  subgraph: 'tasks' | 'people',
  sdl: string,
  options: { secret?: string; dryRun?: boolean } = {},
) =>
  publishSubgraph({
    registryUrl,
    secret: options.secret ?? secrets[subgraph],
    subgraph,
    sdl,
    url: `http://127.0.0.1:1/${subgraph}`,
    dryRun: options.dryRun,
  });

const refusal = async (attempt: Promise<unknown>): Promise<PublishRefusedError> => {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishRefusedError);
  return error as PublishRefusedError;
};

const versions = async (subgraph: string) =>
  ((await (await fetch(`${registryUrl}/subgraphs/${subgraph}/versions`)).json()) as { versions: unknown[] })
    .versions.length;

const postUsage = (counts: object[]) =>
  fetch(`${registryUrl}/usage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${usageToken}` },
    body: JSON.stringify({ counts }),
  });

const today = () => new Date().toISOString().slice(0, 10);
const sql = async <R = Record<string, unknown>>(text: string): Promise<R[]> => {
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    return (await db.query(text)).rows as R[];
  } finally {
    await db.end();
  }
};

beforeAll(async () => {
  fs.writeFileSync(manifest, JSON.stringify({ a: 'query CockpitPeople { people { id name } }' }));
  database = await createTestDatabase('registry');
  const config = parseRegistryConfig({
    PORT: '0',
    REGISTRY_DATABASE_URL: database.url,
    SCHEMA_PUBLISHERS: JSON.stringify(secrets),
    REGISTRY_USAGE_TOKEN: usageToken,
    TRUSTED_DOCUMENTS_PATH: manifest,
    USAGE_MAX_ROWS_PER_DAY: '5',
  });
  running = await startRegistry(config, createLogger('registry', 'silent'));
  registryUrl = running.url;
  expect((await publish('people', PEOPLE)).status).toBe('published');
  expect((await publish('tasks', TASKS_V1)).status).toBe('published');
});

afterAll(async () => {
  await running?.stop();
  await database?.drop();
  fs.rmSync(manifestDir, { recursive: true, force: true });
});

describe('the schema registry', () => {
  it('serves the composed supergraph with its version as ETag, and 304 while it is unchanged', async () => {
    const current = await fetch(`${registryUrl}/supergraph`);
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"2"');
    const sdl = await current.text();
    expect(sdl).toContain('@join__graph(name: "tasks", url: "http://127.0.0.1:1/tasks")');
    expect(sdl).toContain('@join__graph(name: "people"');
    const again = await fetch(`${registryUrl}/supergraph`, { headers: { 'if-none-match': '"2"' } });
    expect(again.status).toBe(304);
  });

  it('records no new version when the same SDL is published again', async () => {
    expect(await publish('tasks', TASKS_V1)).toMatchObject({ status: 'unchanged', version: 1 });
    expect(await versions('tasks')).toBe(1);
  });

  it("refuses a publication with another department's credential, and changes nothing", async () => {
    const error = await refusal(publish('tasks', tasksSdl('title: String!'), { secret: secrets.people }));
    expect(error.status).toBe(403);
    expect(error.message).toBe('This credential publishes people, not tasks');
    const stranger = await refusal(publish('tasks', TASKS_V1, { secret: 'x'.repeat(40) }));
    expect(stranger.status).toBe(401);
    expect(await versions('tasks')).toBe(1);
  });

  it('refuses SDL that does not parse or compose, with the parser or composer message', async () => {
    const unparsable = await refusal(publish('tasks', 'type Query {'));
    expect(unparsable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sdl', rule: 'parse' });
    // Person.name is people's, not shareable: Apollo's composer refuses a second definition
    const clash = await refusal(
      publish('tasks', `${TASKS_V1}\ntype Person @key(fields: "id") { id: ID! name: Int }`),
    );
    expect(clash.extensions).toMatchObject({ field: 'sdl', rule: 'composition' });
    expect(clash.message).toMatch(/Composition failed:[\s\S]*Person\.name/);
    expect(await versions('tasks')).toBe(1);
  });

  it('refuses a breaking change to a field a client used, naming the client and operation', async () => {
    expect(
      (
        await postUsage([
          {
            client: 'wall-screen',
            operation: 'TaskTitles',
            coordinate: 'Task.title',
            day: today(),
            count: 3,
          },
          {
            client: 'wall-screen',
            operation: 'TaskTitles',
            coordinate: 'Query.tasks',
            day: today(),
            count: 3,
          },
        ])
      ).status,
    ).toBe(200);
    for (const dryRun of [true, false]) {
      const error = await refusal(publish('tasks', tasksSdl('note: String'), { dryRun }));
      expect(error.extensions).toMatchObject({ field: 'sdl', rule: 'breaking-change-in-use' });
      expect(error.extensions.breaking).toEqual([
        expect.objectContaining({ path: 'Task.title', operations: ['wall-screen/TaskTitles'] }),
      ]);
      expect(error.message).toContain('wall-screen/TaskTitles');
    }
    // retyping counts too, and so does an argument's enum value given as a literal
    await refusal(publish('tasks', tasksSdl('title: Int! note: String')));
    await postUsage([
      { client: 'bureau', operation: 'Done', coordinate: 'TaskStatus.DONE', day: today(), count: 1 },
    ]);
    const enumRemoved = await refusal(publish('tasks', TASKS_V1.replace('OPEN DONE', 'OPEN')));
    expect(enumRemoved.message).toContain('bureau/Done');
    expect(await versions('tasks')).toBe(1);
  });

  it('counts what the trusted documents (the cockpit) use as used, with no usage recorded', async () => {
    const error = await refusal(publish('people', PEOPLE.replace('name: String!', '')));
    expect(error.message).toContain('trusted-documents/CockpitPeople');
  });

  it('lets the same change through on an unused field with a warning; --dry-run publishes nothing', async () => {
    const unusedGone = tasksSdl('title: String!');
    const dry = await publish('tasks', unusedGone, { dryRun: true });
    expect(dry.status).toBe('dry-run');
    expect(dry.warnings).toEqual([
      expect.stringMatching(/^breaking, but no client used Task\.note in the usage window/),
    ]);
    expect(await versions('tasks')).toBe(1);
    const done = await publish('tasks', unusedGone);
    expect(done).toMatchObject({ status: 'published', version: 2, supergraphVersion: 3 });
    expect(done.changes).toEqual([expect.objectContaining({ level: 'BREAKING', path: 'Task.note' })]);
  });

  it('diffs two supergraph versions and rolls back by publishing the earlier version as new', async () => {
    const diff = (await (await fetch(`${registryUrl}/diff?from=2&to=3`)).json()) as {
      changes: { path: string }[];
    };
    expect(diff.changes.map((c) => c.path)).toEqual(['Task.note']);
    const before = (await (await fetch(`${registryUrl}/supergraphs/2`)).json()) as { sdl: string };
    const rolled = await rollbackSubgraph({
      registryUrl,
      secret: secrets.tasks,
      subgraph: 'tasks',
      version: 1,
    });
    expect(rolled).toMatchObject({ status: 'published', version: 3, supergraphVersion: 4 });
    expect(await (await fetch(`${registryUrl}/supergraph`)).text()).toBe(before.sdl);
    const history = (await (await fetch(`${registryUrl}/subgraphs/tasks/versions`)).json()) as {
      versions: { version: number; rollbackOf: number | null; publisher: string; changes: object[] }[];
    };
    expect(history.versions[0]).toMatchObject({ version: 3, rollbackOf: 1 });
    // who changed what: version 2 removed Task.note, and says so
    expect(history.versions[1]).toMatchObject({
      version: 2,
      changes: [expect.objectContaining({ path: 'Task.note', level: 'BREAKING' })],
    });
    expect(history.versions[0].publisher).toMatch(/^schema-publisher:tasks#[0-9a-f]{8}$/);
  });

  it('keeps usage as one row per client, operation, coordinate and day, and drops rows past the window', async () => {
    const row = {
      client: 'wall-screen',
      operation: 'TaskTitles',
      coordinate: 'Task.title',
      day: today(),
      count: 2,
    };
    await postUsage([row, row]);
    const old = { ...row, day: '2001-01-01' };
    await postUsage([old]);
    expect(
      await sql(
        `select day::text, count::int from usage_count where client = 'wall-screen' and coordinate = 'Task.title'`,
      ),
    ).toEqual([{ day: today(), count: 7 }]);
    const refused = await postUsage([{ ...row, count: 0 }]);
    expect(refused.status).toBe(400);
    expect(
      ((await refused.json()) as { errors: { extensions: object }[] }).errors[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'counts.0.count',
    });
    // three rows today so far: two new keys fit under USAGE_MAX_ROWS_PER_DAY (5), the least used two do not
    const made = ['a', 'b', 'c', 'd'].map((client, i) => ({ ...row, client, count: 10 - i }));
    expect(await (await postUsage([...made, row])).json()).toEqual({ recorded: 3, dropped: 2 });
    const kept = await sql<{ client: string }>(
      `select client from usage_count where day = current_date order by client`,
    );
    expect(kept.map((r) => r.client)).toEqual(['a', 'b', 'bureau', 'wall-screen', 'wall-screen']);
    const anonymous = await fetch(`${registryUrl}/usage`, { method: 'POST', body: '{"counts":[]}' });
    expect(anonymous.status).toBe(401);
  });
});
