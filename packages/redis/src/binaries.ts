import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Debian's server (a link to redis-check-rdb in redis-tools) and the two libraries it needs that the base system lacks. */
const DEBIAN_PACKAGES = ['redis-server', 'redis-tools', 'libjemalloc2', 'liblzf1'];

export class RedisBinaryError extends Error {}

export interface RedisServerBinary {
  command: string;
  /** Folder of the unpacked libraries (LD_LIBRARY_PATH), none for an installed binary. */
  libraryDir?: string;
}

/** The repository's node_modules/.cache (from src/ or dist/ alike), or COUNTY_REDIS_CACHE. */
export function redisCacheDir(): string {
  return path.resolve(
    process.env.COUNTY_REDIS_CACHE ||
      path.join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'county-redis'),
  );
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new RedisBinaryError(
      missing
        ? `${command} is not available here, so redis-server cannot be fetched from Debian's packages. ` +
            'Install Redis and set REDIS_SERVER_BIN to its redis-server, or set TEST_REDIS_URL to a running Redis.'
        : `${command} ${args.join(' ')} failed: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    const output = `${result.stderr}${result.stdout}`.trim().split('\n').slice(-6).join('\n');
    throw new RedisBinaryError(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}\n` +
        'Run `apt-get update` if the package lists are missing, or set REDIS_SERVER_BIN to an installed redis-server.',
    );
  }
}

/** Downloads Debian's packages (no root needed) and unpacks them into the cache, once; concurrent callers are safe. */
function unpackDebianRedis(cache: string): void {
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const staging = fs.mkdtempSync(`${cache}.`);
  try {
    run('apt-get', ['download', ...DEBIAN_PACKAGES], staging);
    const root = path.join(staging, 'root');
    for (const deb of fs.readdirSync(staging).filter((name) => name.endsWith('.deb')))
      run('dpkg-deb', ['-x', deb, root], staging);
    fs.mkdirSync(cache, { recursive: true });
    try {
      fs.renameSync(root, path.join(cache, 'root'));
    } catch {
      // another process unpacked it first
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * redis-server to run: REDIS_SERVER_BIN when set, else Debian's, fetched with `apt-get download` and unpacked
 * once into the cache (a few MB; later runs start at once).
 */
export function redisServerBinary(): RedisServerBinary {
  const installed = process.env.REDIS_SERVER_BIN;
  if (installed) {
    if (!fs.existsSync(installed))
      throw new RedisBinaryError(`REDIS_SERVER_BIN names ${installed}, which does not exist`);
    return { command: installed };
  }
  const root = path.join(redisCacheDir(), 'root');
  const command = path.join(root, 'usr', 'bin', 'redis-server');
  if (!fs.existsSync(command)) unpackDebianRedis(redisCacheDir());
  if (!fs.existsSync(command))
    throw new RedisBinaryError(`Debian's packages were unpacked, but ${command} is not among them`);
  // the multiarch folder (x86_64-linux-gnu, aarch64-linux-gnu, …) that holds libjemalloc
  const lib = path.join(root, 'usr', 'lib');
  const arch = fs.readdirSync(lib).find((name) => name.endsWith('-linux-gnu'));
  return { command, libraryDir: arch ? path.join(lib, arch) : lib };
}
