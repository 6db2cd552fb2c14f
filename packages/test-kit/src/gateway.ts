import { randomBytes } from 'node:crypto';
import { createLogger, type Claims } from '@county/kit';
import {
  composeSupergraph,
  createGateway,
  parseGatewayConfig,
  signDevToken,
  subgraphEnvName,
} from '@county/gateway';
import { postGraphQL, type GraphQLResponse, type TestSubgraph } from './subgraph';
import { testGatewaySigningKey } from './keys';

export interface TestGateway {
  url: string;
  /** POSTs to /graphql, with a token for `claims` when given (or a raw Authorization header). */
  query<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: { claims?: Claims; authorization?: string },
  ): Promise<GraphQLResponse<D>>;
  token(claims: Claims, expiresIn?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real gateway over running test subgraphs: their SDLs composed in-process (as `npm run compose`
 * does), their keys and ports wired through the same environment variables a deployment uses.
 */
export async function startTestGateway(
  subgraphs: TestSubgraph[],
  environment: Record<string, string> = {},
): Promise<TestGateway> {
  const { supergraph } = await composeSupergraph(
    subgraphs.map((s) => ({ definition: s.definition, url: s.url })),
  );
  const jwtSecret = randomBytes(32).toString('hex');
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: jwtSecret,
    IDENTITY_SIGNING_KEY: JSON.stringify(testGatewaySigningKey),
    LOG_LEVEL: 'silent',
    ...environment,
  };
  for (const s of subgraphs) {
    env[subgraphEnvName(s.definition.name, 'URL')] = s.url;
  }
  const config = parseGatewayConfig(env, supergraph);
  const gateway = createGateway(
    config,
    supergraph,
    createLogger('gateway', process.env.TEST_LOG_LEVEL ?? 'silent'),
  );
  const base = await gateway.listen();
  const token = (claims: Claims, expiresIn?: string) =>
    signDevToken(claims, { secret: jwtSecret, expiresIn });
  return {
    url: base,
    token,
    async query(query, variables = {}, auth = {}) {
      const authorization =
        auth.authorization ?? (auth.claims ? `Bearer ${await token(auth.claims)}` : undefined);
      return postGraphQL(`${base}/graphql`, query, variables, authorization ? { authorization } : {});
    },
    stop: () => gateway.stop(),
  };
}
