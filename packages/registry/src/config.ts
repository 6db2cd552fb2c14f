import path from 'node:path';
import { z } from 'zod';
import { env, parseConfig } from '@county/kit';

const SECRET = z.string().min(32, { message: 'each secret must be at least 32 characters' });

const publishers = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: {"<subgraph>": "<secret>", …}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[a-z][a-z0-9-]{0,62}$/), SECRET));

export const registryConfigSchema = z.object({
  PORT: env.port(4090),
  HOST: env.host(),
  REGISTRY_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' }),
  /** One `schema-publisher` secret per department's subgraph: it publishes that subgraph and no other. */
  SCHEMA_PUBLISHERS: publishers,
  /** What the gateways send with their usage counts. */
  REGISTRY_USAGE_TOKEN: SECRET,
  /** Days of recorded usage a breaking change is checked against (and kept). */
  USAGE_WINDOW_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  /** Rows of usage one day may hold (client × operation × field): past it, new keys that day are dropped. */
  USAGE_MAX_ROWS_PER_DAY: z.coerce.number().int().min(1).max(100_000_000).default(1_000_000),
  /** The trusted-documents manifest (the cockpit's operations): always counted as used. */
  TRUSTED_DOCUMENTS_PATH: z
    .string()
    .default(path.resolve(__dirname, '../../../cockpit/dist/trusted-documents.json')),
  LOG_LEVEL: env.logLevel(),
  SHUTDOWN_TIMEOUT_MS: env.milliseconds(10000),
});

export type RegistryConfig = z.infer<typeof registryConfigSchema>;

export const parseRegistryConfig = (environment: NodeJS.ProcessEnv): RegistryConfig =>
  parseConfig(registryConfigSchema, environment);
