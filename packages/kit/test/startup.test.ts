import net from 'node:net';
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
import { createTestDatabase, probeSubgraph, testGatewayKeys } from '@county/test-kit';

const config = (overrides: Record<string, unknown>) => ({
  PORT: 0,
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
  GATEWAY_KEYS: testGatewayKeys,
  LOG_LEVEL: 'silent' as const,
  SHUTDOWN_TIMEOUT_MS: 1000,
  DIRECTORY_TIMEOUT_MS: 1000,
  ...overrides,
});

describe('start-up failures are one clear message', () => {
  it('names every missing variable', () => {
    expect(() => parseConfig(subgraphConfigSchema, {})).toThrow(ConfigError);
    expect(() => parseConfig(subgraphConfigSchema, {})).toThrow(
      /DATABASE_URL is required.*GATEWAY_KEYS is required/,
    );
  });

  it('names every invalid variable and its rule', () => {
    const attempt = () =>
      parseConfig(subgraphConfigSchema, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        GATEWAY_KEYS: '{"keys":[{"kty":"OKP","crv":"Ed25519","x":"short","kid":"gateway"}]}',
        DIRECTORY_KEY: 'not json',
      });
    expect(attempt).toThrow(/PORT: .*number/);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(attempt).toThrow(/GATEWAY_KEYS\.keys\.0\.x: must be base64url/);
    expect(attempt).toThrow(
      /DIRECTORY_KEY: must be an Ed25519 private key \(a JSON Web Key with its kid\), written as JSON/,
    );
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
