import fs from 'node:fs';
import path from 'node:path';

/**
 * What a base backup leaves out of the data folder (PostgreSQL's "Making a Base Backup Using the Low Level
 * API"): the server's pid and options files, WAL (it comes from the archive), and the contents of folders
 * the server rebuilds at start. The folders themselves are kept.
 */
const EMPTIED = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const LEFT_OUT = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);

/** Files of the data folder that a base backup copies, relative to it. */
function included(relative: string): boolean {
  const parts = relative.split(path.sep);
  const name = parts[parts.length - 1];
  if (parts.length === 1 && LEFT_OUT.has(name)) return false;
  if (
    parts.length > 1 &&
    EMPTIED.has(parts[0]) &&
    !(parts[0] === 'pg_wal' && parts.length === 2 && name === 'archive_status')
  )
    return false;
  return !name.startsWith('pgsql_tmp') && name !== 'pg_internal.init';
}

/**
 * Copies a folder tree, several files at a time. With `dataFolder`, only what a base backup keeps, and files
 * that vanish while it copies (a table dropped meanwhile; WAL replay restores the truth) are skipped.
 * Returns the bytes copied.
 */
export async function copyTree(
  from: string,
  to: string,
  options: { dataFolder?: boolean } = {},
): Promise<number> {
  const files: [string, string][] = [];
  const walk = async (relative: string) => {
    const source = path.join(from, relative);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(source, { withFileTypes: true });
    } catch (error) {
      if (options.dataFolder && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await fs.promises.mkdir(path.join(to, relative), { recursive: true, mode: 0o700 });
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      if (options.dataFolder && !included(child)) continue;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) files.push([path.join(from, child), path.join(to, child)]);
      else if (entry.isSymbolicLink())
        throw new Error(`${path.join(from, child)} is a symbolic link (a tablespace?): not supported here`);
    }
  };
  await walk('');
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [source, target] = files[next++];
      try {
        await fs.promises.copyFile(source, target);
        bytes += (await fs.promises.stat(target)).size;
      } catch (error) {
        if (!(options.dataFolder && (error as NodeJS.ErrnoException).code === 'ENOENT')) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return bytes;
}

/** The bytes under `dir`. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** Writes JSON atomically (a reader never sees half a file). */
export function writeJson(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** A moment as a folder-name-safe stamp: 2026-12-05T02-30-00-123Z. */
export const stamp = (at = new Date()) => at.toISOString().replace(/[:.]/g, '-');
