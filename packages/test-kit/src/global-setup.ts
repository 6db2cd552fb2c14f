import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '@county/postgres';
import { TEST_SERVER_ENV } from './test-database';

declare global {
  var __countyTestPostgres: RunningPostgres | undefined;
}

/**
 * Once per `npm test`: use the server named by TEST_DATABASE_URL, or start an embedded PostgreSQL in a
 * throw-away folder under the system temp dir (reachable by the `postgres` OS user when run as root).
 * Workers find the server through the environment; each test file then creates a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env[TEST_SERVER_ENV] = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = path.join(os.tmpdir(), `county-graph-test-${process.pid}-${Date.now()}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  globalThis.__countyTestPostgres = postgres;
  process.env[TEST_SERVER_ENV] = postgres.adminUrl;
}
