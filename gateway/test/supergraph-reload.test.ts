import { randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Client } from 'pg';
import { createLogger } from '@county/kit';
import {
  assertLoadable,
  createGateway,
  parseGatewayConfig,
  startingSupergraph,
  type GatewayServer,
} from '@county/gateway';
import {
  parseRegistryConfig,
  publishSubgraph,
  PublishRefusedError,
  rollbackSubgraph,
  startRegistry,
  type RunningRegistry,
} from '@county/registry';
import { createTestDatabase, postGraphQL, testGatewaySigningKey, type TestDatabase } from '@county/test-kit';

/**
 * A real gateway on a real registry: the department publishes, the gateway polls and swaps while serving.
 * The department's subgraph is deployed first (it already answers `priority`); its publication then makes
 * the field part of the graph, as in a real rollout.
 */

const FED = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const tasksSdl = (fields: string) => `${FED}
type Query { tasks: [Task!]! }
type Task @key(fields: "id") { id: ID! ${fields} }`;
const V1 = tasksSdl('title: String! note: String');
const V2 = tasksSdl('title: String! note: String priority: Int');

const quiet = createLogger('gateway', 'silent');
const secret = randomBytes(24).toString('hex');
const usageToken = randomBytes(24).toString('hex');
const METRICS_TOKEN = randomBytes(24).toString('hex');

let database: TestDatabase;
let registry: RunningRegistry;
let registryUrl: string;
let subgraph: { url: string; stop(): Promise<void> };
let gateway: GatewayServer;
let gatewayUrl: string;

const publish = (sdl: string) =>
  publishSubgraph({ registryUrl, secret, subgraph: 'tasks', sdl, url: subgraph.url });
const ask = (query: string) =>
  postGraphQL(`${gatewayUrl}/graphql`, query, {}, { 'x-client-name': 'wall-screen' });
const TITLES = 'query TaskTitles { tasks { id title } }';
const answers = async (query: string) => {
  const response = await ask(query);
  return response.status === 200 && !response.errors;
};
/** Polls `check` every 25 ms until it holds (the gateway polls the registry every 100 ms). */
const until = async (check: () => Promise<boolean>, what: string, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
const metric = async (outcome: string) => {
  const text = await (
    await fetch(`${gatewayUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  return Number(
    new RegExp(`^supergraph_reloads_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\S+)$`, 'm').exec(
      text,
    )?.[1] ?? 0,
  );
};
const sql = async <R>(text: string, values: unknown[] = []) => {
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as R[];
  } finally {
    await db.end();
  }
};

beforeAll(async () => {
  database = await createTestDatabase('registry_reload');
  registry = await startRegistry(
    parseRegistryConfig({
      PORT: '0',
      REGISTRY_DATABASE_URL: database.url,
      SCHEMA_PUBLISHERS: JSON.stringify({ tasks: secret }),
      REGISTRY_USAGE_TOKEN: usageToken,
      TRUSTED_DOCUMENTS_PATH: '/nonexistent',
    }),
    createLogger('registry', 'silent'),
  );
  registryUrl = registry.url;
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(V2),
      resolvers: {
        Query: { tasks: () => [{ id: '1', title: 'Grid survey', note: 'due Friday', priority: 2 }] },
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  subgraph = { url, stop: () => apollo.stop() };
  expect((await publish(V1)).status).toBe('published');

  const start = await startingSupergraph(registryUrl, 'the committed supergraph', quiet);
  expect(start.version).toBe('1');
  const config = parseGatewayConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      IDENTITY_SIGNING_KEY: JSON.stringify(testGatewaySigningKey),
      SUPERGRAPH_REGISTRY_URL: registryUrl,
      SUPERGRAPH_POLL_INTERVAL_MS: '100',
      REGISTRY_USAGE_TOKEN: usageToken,
      USAGE_FLUSH_INTERVAL_MS: '200',
      // every request is planned and sent: the cache would hide a failed swap
      RESPONSE_CACHE_TTL_MS: '0',
      RESPONSE_SHARING: 'false',
      METRICS_TOKEN,
    },
    start.sdl,
  );
  gateway = createGateway(
    config,
    start.sdl,
    createLogger('gateway', process.env.TEST_LOG_LEVEL ?? 'silent'),
    start.version,
  );
  gatewayUrl = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
  await registry?.stop();
  await database?.drop();
});

describe('a gateway on the schema registry', () => {
  it('picks up an additive publication while serving, with no failed request during the swap', async () => {
    expect(await answers('{ tasks { priority } }')).toBe(false);
    let ok = 0;
    const failures: unknown[] = [];
    let load = true;
    // bounded load: four clients in a loop until the swap is seen and a little after
    const worker = async () => {
      while (load) {
        const response = await ask(TITLES).catch((error: unknown) => ({ status: 0, errors: [error] }));
        if (response.status === 200 && !response.errors) ok += 1;
        else failures.push(response);
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    const published = Date.now();
    expect(await publish(V2)).toMatchObject({ status: 'published', version: 2 });
    await until(() => answers('query Priority { tasks { priority } }'), 'the new field is served');
    const swapMs = Date.now() - published;
    const before = ok;
    await until(async () => ok > before + 20, 'requests after the swap');
    load = false;
    await Promise.all(workers);
    console.log(
      `swap test: ${ok} requests under 4 concurrent clients, ${failures.length} failed; swap seen ${swapMs} ms after the publication`,
    );
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(20);
    expect(await metric('applied')).toBe(1);
  });

  it('refuses a breaking change on a field the gateway saw used, naming the operation', async () => {
    await until(
      async () =>
        (
          await sql(
            `select 1 from usage_count where client = 'wall-screen' and operation = 'TaskTitles' and coordinate = 'Task.title'`,
          )
        ).length > 0,
      'the gateway flushed its usage',
    );
    const error = await publish(tasksSdl('note: String priority: Int')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishRefusedError);
    expect((error as PublishRefusedError).message).toContain('wall-screen/TaskTitles');
    expect(await answers(TITLES)).toBe(true);
  });

  it('lets the same change through on an unused field with a warning, and the gateway drops the field', async () => {
    const report = await publish(tasksSdl('title: String! priority: Int'));
    expect(report).toMatchObject({ status: 'published', version: 3 });
    expect(report.warnings).toEqual([expect.stringContaining('Task.note')]);
    await until(
      async () =>
        (await ask('{ tasks { note } }')).errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED',
      'note is gone',
    );
    expect(await answers(TITLES)).toBe(true);
  });

  it('rolls back: publishing version 2 again restores its plan', async () => {
    expect(await rollbackSubgraph({ registryUrl, secret, subgraph: 'tasks', version: 2 })).toMatchObject({
      status: 'published',
      version: 4,
    });
    await until(() => answers('{ tasks { note priority } }'), 'note is served again');
  });

  it('never replaces a good supergraph with one that does not load, and takes the next good one', async () => {
    const [{ version }] = await sql<{ version: number }>(
      'select max(version)::int as version from supergraph',
    );
    // a supergraph the gateway cannot build (a damaged row), then one naming a subgraph it has no route for
    await sql(
      `insert into supergraph (version, sdl, members, subgraph, subgraph_version) values ($1, 'type Query { broken: }', '{}', 'tasks', 4)`,
      [version + 1],
    );
    await until(async () => (await metric('refused')) === 1, 'the damaged supergraph is refused');
    expect(await answers('{ tasks { note priority } }')).toBe(true);
    const [current] = await sql<{ sdl: string }>('select sdl from supergraph where version = $1', [version]);
    const elsewhere = current.sdl.replace(
      'TASKS @join__graph(name: "tasks"',
      'TASKS @join__graph(name: "unrouted"',
    );
    expect(elsewhere).not.toBe(current.sdl);
    await sql(
      `insert into supergraph (version, sdl, members, subgraph, subgraph_version) values ($1, $2, '{}', 'tasks', 4)`,
      [version + 2, elsewhere],
    );
    await until(async () => (await metric('refused')) === 2, 'the unrouted supergraph is refused');
    expect(await answers('{ tasks { note priority } }')).toBe(true);
    // the next good publication is taken
    await publish(V2.replace('priority: Int', '"the order of work" priority: Int'));
    await until(async () => (await metric('applied')) === 4, 'the next good one is served');
  });

  it('refuses a supergraph that lacks a subgraph the gateway routes (a registry not yet holding them all)', async () => {
    const [current] = await sql<{ sdl: string }>('select sdl from supergraph order by version desc limit 1');
    await expect(assertLoadable(current.sdl, new Set(['tasks']))).resolves.toBeUndefined();
    await expect(assertLoadable(current.sdl, new Set(['tasks', 'people']))).rejects.toThrow(
      'it lacks subgraph(s) this gateway routes: people',
    );
  });

  it('keeps serving its last supergraph while the registry is down', async () => {
    await registry.stop();
    await until(async () => (await metric('registry_unavailable')) > 0, 'a poll found the registry down');
    expect(await answers(TITLES)).toBe(true);
    // a gateway starting now starts on the committed supergraph, and says so
    expect(await startingSupergraph(registryUrl, 'the committed supergraph', quiet)).toEqual({
      sdl: 'the committed supergraph',
      version: '0',
    });
  });

  it('needs the usage token with the registry', () => {
    expect(() =>
      parseGatewayConfig(
        {
          JWT_SECRET: randomBytes(32).toString('hex'),
          IDENTITY_SIGNING_KEY: JSON.stringify(testGatewaySigningKey),
          SUPERGRAPH_REGISTRY_URL: 'http://127.0.0.1:4090',
        },
        'type Query { a: Int }',
      ),
    ).toThrow('REGISTRY_USAGE_TOKEN is required with SUPERGRAPH_REGISTRY_URL');
  });
});
