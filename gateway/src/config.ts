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
  /**
   * Signs the caller for each subgraph call (Ed25519 JWK with kid): the subgraphs hold its public key in
   * GATEWAY_KEYS. Rotate by adding the new public key there first, then switching this.
   */
  IDENTITY_SIGNING_KEY: env.signingKey(),
  /** How long a write (mutation) may take at a subgraph. */
  SUBGRAPH_TIMEOUT_MS: env.milliseconds(10000),
  /** How long a read may take at a subgraph (SUBGRAPH_<NAME>_READ_TIMEOUT_MS for one subgraph). */
  SUBGRAPH_READ_TIMEOUT_MS: env.milliseconds(3000),
  /** An open circuit (a subgraph failing repeatedly) refuses calls this long before probing again. */
  SUBGRAPH_CIRCUIT_RESET_MS: env.milliseconds(5000),
  /** Calls in 10 s before a subgraph's circuit may open, and the share of them failed (%) that opens it. */
  SUBGRAPH_CIRCUIT_MIN_CALLS: limit(5),
  SUBGRAPH_CIRCUIT_FAILURE_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  /** Failed calls in a row that open a subgraph's circuit at once. */
  SUBGRAPH_CIRCUIT_FAILURES_IN_ROW: limit(3),
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
  /** Replicas' shared state: rate limits and the response cache in Redis. Unset: each replica, in memory. */
  REDIS_URL: env.optional(env.url()),
  REDIS_KEY_PREFIX: z.string().default('county:'),
  /** A token must carry `exp`; it may live at most this long (exp − iat, or exp − now without iat). */
  JWT_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(43_200),
  /** Clocks may differ this much: for `exp`, `nbf` and an `iat` in the future. */
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  /** Requests with a refused token, per client address and minute, before 429 (guessing is slowed). */
  REFUSED_TOKEN_RATE_LIMIT_PER_MINUTE: limit(30),
  /**
   * The backups' status.json (npm start sets it to the embedded server's): /readyz and /metrics report the
   * age of the latest base backup and of the latest verified one. Unset: not reported.
   */
  BACKUP_STATUS_FILE: env.optional(z.string().min(1)),
  /** /readyz warns when no backup was verified within this many hours. */
  BACKUP_VERIFY_MAX_AGE_HOURS: z.coerce.number().min(1).max(8760).default(168),
  /** /metrics on its own port (METRICS_HOST, loopback by default); unset: no separate port. */
  METRICS_PORT: env.optional(z.coerce.number().int().min(0).max(65535)),
  METRICS_HOST: env.host(),
  /** /metrics on the gateway's own port only with `Authorization: Bearer <METRICS_TOKEN>`; unset: 404. */
  METRICS_TOKEN: env.optional(z.string().min(32, { message: 'must be at least 32 characters' })),
  /** Distinct operation names kept as metric labels (when no trusted documents name them); then `other`. */
  METRICS_MAX_OPERATIONS: limit(200),
  /** Connections (see README, security): slow or idle clients are cut, and no address takes them all. */
  HTTP_HEADERS_TIMEOUT_MS: env.milliseconds(10_000),
  HTTP_REQUEST_TIMEOUT_MS: env.milliseconds(120_000),
  HTTP_IDLE_TIMEOUT_MS: env.milliseconds(65_000),
  HTTP_MAX_CONNECTIONS: limit(10_000),
  HTTP_MAX_CONNECTIONS_PER_ADDRESS: limit(200),
  /**
   * The schema registry (packages/registry): set, the gateway starts on its current supergraph (the committed
   * file when it cannot be reached), polls it every SUPERGRAPH_POLL_INTERVAL_MS and swaps without a restart,
   * and posts which fields each client used (REGISTRY_USAGE_TOKEN) every USAGE_FLUSH_INTERVAL_MS.
   */
  SUPERGRAPH_REGISTRY_URL: env.optional(env.url()),
  SUPERGRAPH_POLL_INTERVAL_MS: env.milliseconds(10_000),
  REGISTRY_USAGE_TOKEN: env.optional(z.string().min(32, { message: 'must be at least 32 characters' })),
  USAGE_FLUSH_INTERVAL_MS: env.milliseconds(60_000),
  /** Distinct (client, operation, field, day) counted between two flushes; more are dropped and counted. */
  USAGE_MAX_KEYS: limit(20_000),
});

export interface RoutedSubgraph extends SupergraphSubgraph {
  readTimeoutMs: number;
}

export type GatewayConfig = z.infer<typeof baseSchema> & { subgraphs: RoutedSubgraph[] };

/**
 * The gateway's configuration: its own settings, plus for every subgraph the supergraph routes to an
 * optional `SUBGRAPH_<NAME>_URL` (overrides the composed URL) and `SUBGRAPH_<NAME>_READ_TIMEOUT_MS`.
 */
export function parseGatewayConfig(environment: NodeJS.ProcessEnv, supergraphSdl: string): GatewayConfig {
  const { data: base, problems } = checkConfig(baseSchema, environment);
  // checked beside the schema so that every problem is named in the one message
  if (Boolean(environment.JWT_SECRET) === Boolean(environment.JWT_JWKS_URL)) {
    problems.push('set exactly one of JWT_SECRET (HS256, development) and JWT_JWKS_URL (production)');
  }
  const subgraphs = subgraphsOf(supergraphSdl).map((subgraph) => {
    const variable = subgraphEnvName(subgraph.name, 'READ_TIMEOUT_MS');
    const own = environment[variable];
    const readTimeoutMs = own === undefined ? (base?.SUBGRAPH_READ_TIMEOUT_MS ?? 3000) : Number(own);
    if (!Number.isInteger(readTimeoutMs) || readTimeoutMs < 1 || readTimeoutMs > 600000)
      problems.push(`${variable}: must be a whole number of milliseconds from 1 to 600000`);
    return {
      ...subgraph,
      url: environment[subgraphEnvName(subgraph.name, 'URL')] ?? subgraph.url,
      readTimeoutMs,
    };
  });
  if (base && base.HTTP_HEADERS_TIMEOUT_MS > base.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (base?.NODE_ENV === 'production' && !base.TRUSTED_DOCUMENTS_PATH) {
    problems.push('TRUSTED_DOCUMENTS_PATH is required in production (the registered operations)');
  }
  if (base?.SUPERGRAPH_REGISTRY_URL && !base.REGISTRY_USAGE_TOKEN) {
    problems.push(
      'REGISTRY_USAGE_TOKEN is required with SUPERGRAPH_REGISTRY_URL (usage goes to the registry)',
    );
  }
  if (problems.length || !base) failConfig(problems);
  return { ...base, subgraphs };
}

export const readSupergraphPath = (environment: NodeJS.ProcessEnv): string =>
  environment.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH;
