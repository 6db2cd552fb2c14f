import { z } from 'zod';
import { checkConfig, env, failConfig } from '@county/kit';
import { DEFAULT_SUPERGRAPH_PATH, subgraphEnvName, subgraphsOf, type SupergraphSubgraph } from './supergraph';

const limit = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

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
  // limits on what one request may ask (see limits/): safe defaults, each named in its error
  LIMIT_DEPTH: limit(12),
  LIMIT_ALIASES: limit(30),
  LIMIT_DIRECTIVES: limit(20),
  LIMIT_TOKENS: limit(5000),
  LIMIT_COST: limit(50000),
  RATE_LIMIT_PER_MINUTE: limit(600),
  /** Browser origins allowed to call the gateway (comma-separated); same-origin pages need none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** In production, only operations listed in this manifest (sha256 → document) are run. */
  TRUSTED_DOCUMENTS_PATH: env.optional(z.string().min(1)),
  /** Answers to identical queries (same audience) are reused this long; 0 turns the cache off. */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600000).default(5000),
  RESPONSE_CACHE_MAX_ENTRIES: limit(1000),
  /** Identical queries in flight at the same time run once (`false`: each runs, e.g. to measure). */
  RESPONSE_SHARING: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
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
  if (base?.NODE_ENV === 'production' && !base.TRUSTED_DOCUMENTS_PATH) {
    problems.push('TRUSTED_DOCUMENTS_PATH is required in production (the registered operations)');
  }
  if (problems.length || !base) failConfig(problems);
  return { ...base, subgraphs };
}

export const readSupergraphPath = (environment: NodeJS.ProcessEnv): string =>
  environment.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH;
