import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@county/kit';
import { subgraphsOf } from '@county/gateway';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import {
  loadRegistryCredentials,
  parseRegistryConfig,
  publishCommittedSchemas,
  SCHEMA_DIR,
  startRegistry,
  type RunningRegistry,
} from '@county/registry';

/**
 * The committed schema/ files stay the offline default and the test of record: published to a registry as
 * `npm start` publishes them, the committed subgraph SDLs compose (both composers) to exactly the committed
 * supergraph, and a second start records nothing new.
 */
const committed = fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-credentials-'));
const subgraphs = subgraphsOf(committed);

let database: TestDatabase;
let running: RunningRegistry;

beforeAll(async () => {
  database = await createTestDatabase('registry_committed');
  const credentials = loadRegistryCredentials(
    path.join(work, 'schema-publishers.json'),
    subgraphs.map((s) => s.name),
  );
  running = await startRegistry(
    parseRegistryConfig({
      PORT: '0',
      REGISTRY_DATABASE_URL: database.url,
      SCHEMA_PUBLISHERS: JSON.stringify(credentials.publishers),
      REGISTRY_USAGE_TOKEN: credentials.usageToken,
    }),
    createLogger('registry', 'silent'),
  );
});

afterAll(async () => {
  await running?.stop();
  await database?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

it('composes the committed subgraph SDLs into the committed supergraph; publishing them again adds nothing', async () => {
  const file = path.join(work, 'schema-publishers.json');
  const { publishers } = loadRegistryCredentials(
    file,
    subgraphs.map((s) => s.name),
  );
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const first = await publishCommittedSchemas({ registryUrl: running.url, publishers, subgraphs });
  expect(first.map((r) => r.report?.status)).toEqual(subgraphs.map(() => 'published'));
  expect(await (await fetch(`${running.url}/supergraph`)).text()).toBe(committed);
  const again = await publishCommittedSchemas({ registryUrl: running.url, publishers, subgraphs });
  expect(again.map((r) => r.report?.status)).toEqual(subgraphs.map(() => 'unchanged'));
  expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
});
