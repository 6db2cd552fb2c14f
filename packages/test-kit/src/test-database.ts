import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@county/postgres';

export const TEST_SERVER_ENV = 'COUNTY_TEST_SERVER_URL';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env[TEST_SERVER_ENV];
  if (!url) throw new Error(`${TEST_SERVER_ENV} is not set: run the tests through jest's global setup`);
  return url;
}

/** A new, empty database for one test file (or one test), dropped by `drop()`. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `${label}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const server = serverUrl();
  const url = await ensureDatabase(server, name);
  return { url, drop: () => dropDatabase(server, name) };
}
