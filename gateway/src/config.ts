import { z } from 'zod';
import { checkConfig, env, failConfig } from '@county/kit';
import { DEFAULT_SUPERGRAPH_PATH, subgraphEnvName, subgraphsOf, type SupergraphSubgraph } from './supergraph';

const baseSchema = z.object({
  PORT: env.port(4000),
  HOST: env.host(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  JWT_SECRET: env.optional(z.string().min(32, { message: 'must be at least 32 characters (HS256)' })),
  JWT_JWKS_URL: env.optional(env.url()),
  JWT_ISSUER: z.string().default('county-governance-graph'),
  JWT_AUDIENCE: z.string().default('county-governance-graph'),
  SUBGRAPH_TIMEOUT_MS: env.milliseconds(10000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10_000_000)
    .default(256 * 1024),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.milliseconds(10000),
});

export interface RoutedSubgraph extends SupergraphSubgraph {
  secret: string;
}

export type GatewayConfig = z.infer<typeof baseSchema> & { subgraphs: RoutedSubgraph[] };

/**
 * The gateway's configuration: its own settings, plus for every subgraph the supergraph routes to,
 * `SUBGRAPH_<NAME>_SECRET` (required) and `SUBGRAPH_<NAME>_URL` (overrides the composed URL).
 */
export function parseGatewayConfig(environment: NodeJS.ProcessEnv, supergraphSdl: string): GatewayConfig {
  const { data: base, problems } = checkConfig(baseSchema, environment);
  // checked beside the schema so that every problem is named in the one message
  if (Boolean(environment.JWT_SECRET) === Boolean(environment.JWT_JWKS_URL)) {
    problems.push('set exactly one of JWT_SECRET (HS256, development) and JWT_JWKS_URL (production)');
  }
  const subgraphs = subgraphsOf(supergraphSdl).map((subgraph) => {
    const secret = environment[subgraphEnvName(subgraph.name, 'SECRET')];
    if (!secret || secret.length < 16)
      problems.push(`${subgraphEnvName(subgraph.name, 'SECRET')} is required (at least 16 characters)`);
    return {
      ...subgraph,
      url: environment[subgraphEnvName(subgraph.name, 'URL')] ?? subgraph.url,
      secret: secret ?? '',
    };
  });
  if (problems.length || !base) failConfig(problems);
  return { ...base, subgraphs };
}

export const readSupergraphPath = (environment: NodeJS.ProcessEnv): string =>
  environment.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH;
