import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RedisBinaryError, redisServerBinary, startEmbeddedRedis, type RunningRedis } from '@county/redis';

/** One command over a raw connection (RESP inline), so this package's test needs no client library. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write(`${line}\r\n`));
    socket.once('data', (data) => {
      resolve(data.toString('utf8').trim());
      socket.end();
    });
    socket.once('error', reject);
  });
}

describe('embedded Redis', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startEmbeddedRedis();
  }, 120_000);
  afterAll(() => redis?.stop());

  it('answers on its loopback port, and keeps nothing on disk', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await command(redis.port, 'PING')).toBe('+PONG');
    expect(await command(redis.port, 'CONFIG GET save')).toMatch(/save\r\n\$0$/);
    expect(await command(redis.port, 'CONFIG GET appendonly')).toMatch(/no$/);
    expect(await command(redis.port, 'CONFIG GET maxmemory-policy')).toMatch(/volatile-lru$/);
  });

  it('stops: the process is gone and the port refuses connections', async () => {
    const other = await startEmbeddedRedis();
    await other.stop();
    expect(() => process.kill(other.pid, 0)).toThrow();
    await expect(command(other.port, 'PING')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says which port is taken when asked for a busy one', async () => {
    await expect(startEmbeddedRedis({ port: redis.port })).rejects.toThrow(/Address already in use/);
  });
});

describe('finding redis-server', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses REDIS_SERVER_BIN, and names it when it does not exist', () => {
    const { command: fetched } = redisServerBinary();
    process.env.REDIS_SERVER_BIN = fetched;
    expect(redisServerBinary()).toEqual({ command: fetched });
    process.env.REDIS_SERVER_BIN = '/nowhere/redis-server';
    expect(() => redisServerBinary()).toThrow(/REDIS_SERVER_BIN names \/nowhere\/redis-server/);
  });

  it('says what to do when apt-get is not available', () => {
    process.env.COUNTY_REDIS_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'county-redis-cache-'));
    process.env.PATH = '/nowhere';
    try {
      expect(() => redisServerBinary()).toThrow(RedisBinaryError);
      expect(() => redisServerBinary()).toThrow(/apt-get is not available.*REDIS_SERVER_BIN/s);
    } finally {
      fs.rmSync(process.env.COUNTY_REDIS_CACHE, { recursive: true, force: true });
    }
  });
});
