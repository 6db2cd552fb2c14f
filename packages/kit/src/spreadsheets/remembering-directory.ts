import type { Directory, DirectoryType } from '../directory';

/**
 * The directory as one import sees it: records its look-ups already found (or an earlier row's write
 * confirmed) are not asked about again, so a 2,000-row ledger naming the same twenty units makes a handful
 * of directory calls, not one per row and field. It lives for one import only.
 */
export function rememberingDirectory(directory: Directory): {
  directory: Directory;
  remember: (type: DirectoryType, keys: Iterable<string>) => void;
} {
  const known = new Set<string>();
  const remember = (type: DirectoryType, keys: Iterable<string>) => {
    for (const key of keys) known.add(`${type}\0${key}`);
  };
  const remembering = Object.create(directory) as Directory;
  remembering.requireExisting = async (field, type, keys) => {
    const unknown = [...new Set(keys)].filter((key) => !known.has(`${type}\0${key}`));
    if (!unknown.length) return;
    await directory.requireExisting(field, type, unknown);
    remember(type, unknown);
  };
  return { directory: remembering, remember };
}
