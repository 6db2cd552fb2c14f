import { z } from 'zod';

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
    const value = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
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
  /** An optional variable; set but empty (`JWT_SECRET=` in a compose file) counts as unset. */
  optional: <T extends z.ZodType>(schema: T) =>
    z.preprocess((value) => (value === '' ? undefined : value), schema.optional()),
};

/** The configuration every subgraph reads. */
export const subgraphConfigSchema = z.object({
  PORT: env.port(4001),
  HOST: env.host(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
  SUBGRAPH_SECRET: env.secret(),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.milliseconds(10000),
  // the people subgraph, for subgraphs whose writes name its records (`usesDirectory`)
  DIRECTORY_URL: env.optional(env.url()),
  DIRECTORY_SECRET: env.optional(env.secret()),
  DIRECTORY_TIMEOUT_MS: env.milliseconds(5000),
});
export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;
