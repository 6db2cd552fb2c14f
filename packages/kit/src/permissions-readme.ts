import fs from 'node:fs';
import path from 'node:path';
import { withPermissionsTable, type Permissions } from './permissions';

/**
 * What a subgraph's README test checks: `README.md` as it is, and as it would be with the "Who may do what"
 * table generated from `permissions` (written to disk when `UPDATE_README` is set); and the actions its
 * sources under `src/` never check, which the file should not list.
 */
export function permissionsReadmeCheck(serviceDir: string, permissions: Permissions) {
  const file = path.join(serviceDir, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const generated = withPermissionsTable(readme, permissions);
  if (process.env.UPDATE_README && generated !== readme) fs.writeFileSync(file, generated);
  const sources = sourceFiles(path.join(serviceDir, 'src'))
    .map((source) => fs.readFileSync(source, 'utf8'))
    .join('\n');
  // a use is the action's name in quotes anywhere but as the record's key (`'case.write': {`)
  const used = (action: string) => new RegExp(`'${action.replace(/\./g, '\\.')}'(?!\\s*:)`).test(sources);
  const unused = Object.keys(permissions).filter((action) => action !== 'audit.read' && !used(action));
  return { readme, generated, unused };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
