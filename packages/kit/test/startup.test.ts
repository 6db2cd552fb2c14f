import net from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  ConfigError,
  DatabaseUnreachableError,
  parseConfig,
  PortInUseError,
  startSubgraph,
  subgraphConfigSchema,
  createLogger,
} from '@county/kit';
import { freePort } from '@county/postgres';
import { createTestDatabase, probeSubgraph } from '@county/test-kit';

const config = (overrides: Record<string, unknown>) => ({
  PORT: 0,
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
  SUBGRAPH_SECRET: randomBytes(16).toString('hex'),
  LOG_LEVEL: 'silent' as const,
  SHUTDOWN_TIMEOUT_MS: 1000,
  DIRECTORY_TIMEOUT_MS: 1000,
  ...overrides,
});

describe('start-up failures are one clear message', () => {
  it('names every missing variable', () => {
    expect(() => parseConfig(subgraphConfigSchema, {})).toThrow(ConfigError);
    expect(() => parseConfig(subgraphConfigSchema, {})).toThrow(
      /DATABASE_URL is required.*SUBGRAPH_SECRET is required/,
    );
  });

  it('names every invalid variable and its rule', () => {
    const attempt = () =>
      parseConfig(subgraphConfigSchema, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SUBGRAPH_SECRET: 'short',
      });
    expect(attempt).toThrow(/PORT: .*number/);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(attempt).toThrow(/SUBGRAPH_SECRET: must be at least 16 characters/);
  });

  it('says which database is unreachable, without its password', async () => {
    const port = await freePort();
    const attempt = startSubgraph(
      probeSubgraph,
      config({ DATABASE_URL: `postgres://app:hunter2@127.0.0.1:${port}/x` }),
      createLogger('t', 'silent'),
    );
    await expect(attempt).rejects.toThrow(DatabaseUnreachableError);
    await expect(attempt).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${port}`));
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('says which port is busy', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const database = await createTestDatabase('startup');
    try {
      const attempt = startSubgraph(
        probeSubgraph,
        config({ PORT: port, DATABASE_URL: database.url }),
        createLogger('t', 'silent'),
      );
      await expect(attempt).rejects.toThrow(PortInUseError);
      await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
      await database.drop();
    }
  });
});
