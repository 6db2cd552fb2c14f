import { createLogger, Identity, IDENTITY_HEADER, seedDatabase, startSubgraph } from '@county/kit';
import type { Jwks, RunningSubgraph, SubgraphConfig, SubgraphDefinition } from '@county/kit';
import { createTestDatabase, type TestDatabase } from './test-database';
import { gatewayToken, testDirectoryClientKeys, testDirectoryKey, testGatewayKeys } from './keys';

export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function postGraphQL<D = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<D>, 'status'>;
  return { status: response.status, ...body };
}

export interface TestSubgraph extends RunningSubgraph {
  definition: SubgraphDefinition;
  database: TestDatabase;
  /** Calls the subgraph as the gateway would: the caller's identity signed for this subgraph. */
  query<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResponse<D>>;
  /** Stops the subgraph and drops its database. */
  close(): Promise<void>;
}

/** Boots a subgraph on an ephemeral port over a fresh database, migrated and (optionally) seeded. */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: {
    demoCounties?: number;
    /** With demoCounties: the demo city inside a province of these cities (@county/demo-data's province mode). */
    demoProvince?: { provinceCities: number; provinceCityCounties?: number };
    directory?: TestSubgraph;
    /** The gateway keys it trusts (default: the test gateway's): to test a key rotation. */
    gatewayKeys?: Jwks;
    /** More configuration, e.g. AUDIT_ANCHOR_KEY and AUDIT_CHECKPOINT_DIR to anchor its audit chain. */
    env?: Partial<SubgraphConfig>;
  } = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name.replace(/-/g, '_'));
  // as `npm start` does: the demo is loaded beside the subgraph's process, before it starts
  if (options.demoCounties)
    await seedDatabase(definition, database.url, { counties: options.demoCounties, ...options.demoProvince });
  const running = await startSubgraph(
    definition,
    {
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      GATEWAY_KEYS: options.gatewayKeys ?? testGatewayKeys,
      DIRECTORY_CLIENT_KEYS: testDirectoryClientKeys,
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: 2000,
      DIRECTORY_URL: options.directory?.url,
      DIRECTORY_KEY: options.directory ? testDirectoryKey(definition.name) : undefined,
      DIRECTORY_TIMEOUT_MS: 5000,
      // two test files seed whole stacks at once on two cores: PostgreSQL can take seconds to accept a
      // connection then, which a deployment's 10 s would count as a full pool
      DB_POOL_ACQUIRE_TIMEOUT_MS: 30_000,
      ...options.env,
    },
    createLogger(definition.name, process.env.TEST_LOG_LEVEL ?? 'silent'),
  );
  // a deployment's start waits 3 s at most for its first copy of people's regions, then serves the copy it
  // holds (empty in a fresh test database); on a loaded CI machine people's answer can take longer, and a
  // test's first request would find no region. A test's stack starts whole: it waits for that copy (people
  // down: the failure stays for the test to see in /readyz)
  if (options.directory) await running.syncRegionCopy?.().catch(() => undefined);
  return {
    ...running,
    definition,
    database,
    query: async (query, variables = {}, identity = Identity.anonymous) =>
      postGraphQL(running.url, query, variables, await subgraphHeaders({ definition }, identity)),
    close: async () => {
      await running.stop();
      await database.drop();
    },
  };
}

/** The headers the gateway sends to `subgraph` for `identity`: for calling its /files/ routes directly. */
export const subgraphHeaders = async (
  subgraph: Pick<TestSubgraph, 'definition'>,
  identity: Identity,
): Promise<Record<string, string>> => ({
  [IDENTITY_HEADER]: await gatewayToken(identity, subgraph.definition.name),
});

/** Identities for tests, built the way the gateway builds them from a verified token. */
export const as = {
  anonymous: Identity.anonymous,
  role: (...roles: string[]) => Identity.fromClaims({ sub: `test-${roles.join('+') || 'user'}`, roles }),
};
