import { randomBytes } from 'node:crypto';
import { createLogger, Identity, IDENTITY_HEADER, startSubgraph, SUBGRAPH_SECRET_HEADER } from '@county/kit';
import type { RunningSubgraph, SubgraphDefinition } from '@county/kit';
import { createTestDatabase, type TestDatabase } from './test-database';

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
  secret: string;
  database: TestDatabase;
  /** Calls the subgraph as the gateway would: with its secret and the caller's identity. */
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
  options: { demoCounties?: number; directory?: TestSubgraph } = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name.replace(/-/g, '_'));
  const secret = randomBytes(24).toString('hex');
  const running = await startSubgraph(
    definition,
    {
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SUBGRAPH_SECRET: secret,
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: 2000,
      DIRECTORY_URL: options.directory?.url,
      DIRECTORY_SECRET: options.directory?.secret,
      DIRECTORY_TIMEOUT_MS: 5000,
    },
    createLogger(definition.name, process.env.TEST_LOG_LEVEL ?? 'silent'),
    options.demoCounties ? { counties: options.demoCounties } : undefined,
  );
  return {
    ...running,
    definition,
    secret,
    database,
    query: (query, variables = {}, identity = Identity.anonymous) =>
      postGraphQL(running.url, query, variables, headersFor(secret, identity)),
    close: async () => {
      await running.stop();
      await database.drop();
    },
  };
}

const headersFor = (secret: string, identity: Identity): Record<string, string> => ({
  [SUBGRAPH_SECRET_HEADER]: secret,
  ...(identity.isAnonymous ? {} : { [IDENTITY_HEADER]: identity.toHeader() }),
});

/** The headers the gateway sends to `subgraph` for `identity`: for calling its /files/ routes directly. */
export const subgraphHeaders = (subgraph: Pick<TestSubgraph, 'secret'>, identity: Identity) =>
  headersFor(subgraph.secret, identity);

/** Identities for tests, built the way the gateway builds them from a verified token. */
export const as = {
  anonymous: Identity.anonymous,
  role: (...roles: string[]) => Identity.fromClaims({ sub: `test-${roles.join('+') || 'user'}`, roles }),
};
