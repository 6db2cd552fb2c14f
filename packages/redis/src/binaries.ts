import path from 'node:path';
import { DebianBinaryError, debianBinary, repositoryCache } from '@county/debian-binaries';

export class RedisBinaryError extends Error {}

export interface RedisServerBinary {
  command: string;
  /** Folder of the unpacked libraries (LD_LIBRARY_PATH), none for an installed binary. */
  libraryDir?: string;
}

/** The repository's node_modules/.cache (from src/ or dist/ alike), or COUNTY_REDIS_CACHE. */
export function redisCacheDir(): string {
  return path.resolve(process.env.COUNTY_REDIS_CACHE || repositoryCache('county-redis'));
}

/**
 * redis-server to run: REDIS_SERVER_BIN when set, else Debian's, fetched with `apt-get download` and unpacked
 * once into the cache (a few MB; later runs start at once).
 */
export function redisServerBinary(): RedisServerBinary {
  try {
    return debianBinary({
      program: 'redis-server',
      // the server (a link to redis-check-rdb in redis-tools) and the two libraries a base system lacks
      packages: ['redis-server', 'redis-tools', 'libjemalloc2', 'liblzf1'],
      file: 'usr/bin/redis-server',
      installedVariable: 'REDIS_SERVER_BIN',
      cacheDir: redisCacheDir(),
    });
  } catch (error) {
    if (!(error instanceof DebianBinaryError)) throw error;
    throw new RedisBinaryError(
      /is not available here/.test(error.message)
        ? `${error.message} Or set TEST_REDIS_URL to a running Redis.`
        : error.message,
    );
  }
}
