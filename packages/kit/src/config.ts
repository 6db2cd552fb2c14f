import { z } from 'zod';
import { jsonVariable, jwksSchema, privateJwkSchema, rotatingJwksSchema } from './trust/keys';

export class ConfigError extends Error {}

/**
 * Parses the environment at start. Fails with one message naming every wrong variable and its rule,
 * so an operator fixes the deployment in one go instead of one crash at a time.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const { data, problems } = checkConfig(schema, env);
  if (problems.length) failConfig(problems);
  return data as z.infer<S>;
}

/** The parsed configuration, or what is wrong with it, for callers that add checks of their own. */
export function checkConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv,
): { data?: z.infer<S>; problems: string[] } {
  const result = schema.safeParse(env);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    // a variable that is set but wrong inside (a key's field) is named with its path, never "required"
    const value = issue.path.length ? env[String(issue.path[0])] : undefined;
    return value === undefined ? `${name} is required (${issue.message})` : `${name}: ${issue.message}`;
  });
  return { problems };
}

export function failConfig(problems: string[]): never {
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** Reusable pieces of the services' configuration schemas. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  host: () => z.string().min(1).default('127.0.0.1'),
  url: () => z.url({ message: 'must be a URL' }),
  secret: () => z.string().min(16, { message: 'must be at least 16 characters' }),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  milliseconds: (fallback: number) => z.coerce.number().int().min(1).max(600000).default(fallback),
  /** Public keys (a JSON Web Key Set: one, or two while one is rotated) whose signatures are trusted. */
  publicKeys: (rotating = false) =>
    jsonVariable(
      rotating ? rotatingJwksSchema : jwksSchema,
      'a JSON Web Key Set of Ed25519 public keys ({"keys":[…]})',
    ),
  /** One Ed25519 private key as a JSON Web Key, with its kid. */
  signingKey: () => jsonVariable(privateJwkSchema, 'an Ed25519 private key (a JSON Web Key with its kid)'),
  /** An optional variable; set but empty (`JWT_SECRET=` in a compose file) counts as unset. */
  optional: <T extends z.ZodType>(schema: T) =>
    z.preprocess((value) => (value === '' ? undefined : value), schema.optional()),
};

/** The configuration every subgraph reads. */
export const subgraphConfigSchema = z.object({
  PORT: env.port(4001),
  HOST: env.host(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
  /** Connections in its pool (default 10): sized to the database's or pooler's share for each replica. */
  DB_POOL_MAX: env.optional(z.coerce.number().int().min(1).max(500)),
  /** How long a request waits for a pooled connection before it fails (default 10 s). */
  DB_POOL_ACQUIRE_TIMEOUT_MS: env.optional(z.coerce.number().int().min(100).max(120_000)),
  /**
   * `false` behind a pooler in transaction mode (PgBouncer `pool_mode = transaction`), which does not keep
   * a connection's named statements: every statistics read then runs unnamed. Default: true.
   */
  DB_PREPARED_STATEMENTS: env.optional(z.enum(['true', 'false'])),
  /** The gateway's public keys: this subgraph answers only callers the gateway signed for it. */
  GATEWAY_KEYS: env.publicKeys(true),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.milliseconds(10000),
  // the people subgraph, for subgraphs whose writes name its records (`usesDirectory`)
  DIRECTORY_URL: env.optional(env.url()),
  /** This subgraph's own key towards the directory (kid <its name>[.<version>]): never a person's roles. */
  DIRECTORY_KEY: env.optional(env.signingKey()),
  /** On the directory (people): the other subgraphs' public keys, trusted for the directory's checks only. */
  DIRECTORY_CLIENT_KEYS: env.optional(env.publicKeys()),
  DIRECTORY_TIMEOUT_MS: env.milliseconds(5000),
  /** How often a directory-using subgraph refreshes its copy of people's region tree (../region-copy). */
  REGION_COPY_INTERVAL_MS: env.optional(z.coerce.number().int().min(1000).max(86_400_000)),
  // the audit chain's signed checkpoints outside the database (packages/kit/src/audit/audit-anchor.ts)
  AUDIT_ANCHOR_KEY: env.optional(env.secret()),
  AUDIT_CHECKPOINT_DIR: env.optional(z.string().min(1)),
  AUDIT_CHECKPOINT_INTERVAL_MS: env.optional(z.coerce.number().int().min(1000).max(86_400_000)),
  AUDIT_CHECKPOINTS_KEPT: env.optional(z.coerce.number().int().min(1).max(100_000)),
});
export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;
