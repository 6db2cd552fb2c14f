import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class DebianBinaryError extends Error {}

/** One program out of Debian's packages, and how to find an installed one instead. */
export interface DebianProgram {
  /** Its file name, e.g. `haproxy`: named in errors. */
  program: string;
  /** The packages to unpack: the program's own and the libraries it needs that a base system lacks. */
  packages: string[];
  /** Where the program lies inside the unpacked packages, e.g. `usr/sbin/haproxy`. */
  file: string;
  /** The variable that names an installed program instead (e.g. HAPROXY_BIN). */
  installedVariable: string;
  /** The cache folder: `node_modules/.cache/county-<program>` unless given. */
  cacheDir?: string;
}

export interface DebianBinary {
  command: string;
  /** Folder of the unpacked libraries (LD_LIBRARY_PATH), none for an installed program. */
  libraryDir?: string;
}

/** The repository's node_modules/.cache/<folder> (from src/ or dist/ alike). */
export const repositoryCache = (folder: string): string =>
  path.resolve(__dirname, '..', '..', '..', 'node_modules', '.cache', folder);

function run(spec: DebianProgram, command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DebianBinaryError(
      missing
        ? `${command} is not available here, so ${spec.program} cannot be fetched from Debian's packages. ` +
            `Install ${spec.packages[0]} and set ${spec.installedVariable} to its ${spec.program}.`
        : `${command} ${args.join(' ')} failed: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    const output = `${result.stderr}${result.stdout}`.trim().split('\n').slice(-6).join('\n');
    throw new DebianBinaryError(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}\n` +
        `Run \`apt-get update\` if the package lists are missing, or set ${spec.installedVariable} to an installed ${spec.program}.`,
    );
  }
}

/** Downloads the packages (no root needed) and unpacks them into the cache, once; concurrent callers are safe. */
function unpack(spec: DebianProgram, cache: string): void {
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const staging = fs.mkdtempSync(`${cache}.`);
  try {
    run(spec, 'apt-get', ['download', ...spec.packages], staging);
    const root = path.join(staging, 'root');
    for (const deb of fs.readdirSync(staging).filter((name) => name.endsWith('.deb')))
      run(spec, 'dpkg-deb', ['-x', deb, root], staging);
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
 * The program to run: the installed one its variable names, else Debian's, fetched with `apt-get download`
 * and unpacked once into the cache (later runs start at once). No package is installed on the system.
 */
export function debianBinary(spec: DebianProgram): DebianBinary {
  const installed = process.env[spec.installedVariable];
  if (installed) {
    if (!fs.existsSync(installed))
      throw new DebianBinaryError(`${spec.installedVariable} names ${installed}, which does not exist`);
    return { command: installed };
  }
  const cache = path.resolve(spec.cacheDir ?? repositoryCache(`county-${spec.program}`));
  const root = path.join(cache, 'root');
  const command = path.join(root, spec.file);
  if (!fs.existsSync(command)) unpack(spec, cache);
  if (!fs.existsSync(command))
    throw new DebianBinaryError(`Debian's packages were unpacked, but ${command} is not among them`);
  // the multiarch folder (x86_64-linux-gnu, aarch64-linux-gnu, …) of the unpacked libraries
  const lib = path.join(root, 'usr', 'lib');
  const arch = fs.existsSync(lib)
    ? fs.readdirSync(lib).find((name) => name.endsWith('-linux-gnu'))
    : undefined;
  return { command, libraryDir: arch ? path.join(lib, arch) : lib };
}

/** The environment to run `binary` in: its unpacked libraries first on LD_LIBRARY_PATH. */
export function binaryEnvironment(binary: DebianBinary): NodeJS.ProcessEnv {
  if (!binary.libraryDir) return process.env;
  return {
    ...process.env,
    LD_LIBRARY_PATH: [binary.libraryDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
  };
}
