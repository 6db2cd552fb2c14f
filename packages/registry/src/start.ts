import type { Logger } from '@county/kit';
import { openRegistryDatabase } from './database';
import { SchemaRegistry } from './registry';
import { createRegistryServer } from './server';
import type { RegistryConfig } from './config';

export interface RunningRegistry {
  url: string;
  registry: SchemaRegistry;
  stop(): Promise<void>;
}

/** Migrates the registry's database and serves it: what `npm start` and the tests run. */
export async function startRegistry(config: RegistryConfig, logger: Logger): Promise<RunningRegistry> {
  const pool = await openRegistryDatabase(config.REGISTRY_DATABASE_URL);
  const registry = new SchemaRegistry(pool, {
    usageWindowDays: config.USAGE_WINDOW_DAYS,
    trustedDocumentsPath: config.TRUSTED_DOCUMENTS_PATH,
    maxUsageRowsPerDay: config.USAGE_MAX_ROWS_PER_DAY,
  });
  const server = createRegistryServer({
    registry,
    publishers: config.SCHEMA_PUBLISHERS,
    usageToken: config.REGISTRY_USAGE_TOKEN,
    logger,
    port: config.PORT,
    host: config.HOST,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    await pool.end();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    registry,
    // once, however often it is called (a signal and a test's teardown may both ask)
    stop: () =>
      (stopped ??= (async () => {
        await server.stop();
        await pool.end();
      })()),
  };
}
