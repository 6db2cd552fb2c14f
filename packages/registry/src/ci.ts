import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  affectedCoordinate,
  apiChanges,
  apiSchema,
  covers,
  isBreaking,
  judge,
  trustedDocumentUses,
  type BrokenUse,
  type SchemaChange,
  type Use,
} from './checks';
import { SCHEMA_DIR } from './committed';

const REPOSITORY = path.resolve(SCHEMA_DIR, '..');
/** The usage a demo run recorded (`npm run schema:usage`), committed beside the schemas it was taken on. */
export const DEMO_USAGE_FILE = path.join(SCHEMA_DIR, 'usage', 'demo-run.json');
const TRUSTED_DOCUMENTS = path.join(REPOSITORY, 'cockpit', 'dist', 'trusted-documents.json');

export interface UsageSnapshot {
  /** where and when the usage was taken, for whoever wonders whether it is still representative */
  recordedFrom: string;
  recordedAt: string;
  uses: Use[];
}

export interface CiVerdict {
  changes: SchemaChange[];
  broken: BrokenUse[];
  warnings: string[];
}

/**
 * The registry's own check (checks.ts) without a registry: the API changes from `base` to `next`, judged
 * against recorded uses and the trusted documents as they ran on `base`. A publication the registry would
 * refuse fails here first, in the department's CI.
 */
export async function checkChange(options: {
  base: string;
  next: string;
  uses: Use[];
  trustedDocumentsPath?: string;
}): Promise<CiVerdict> {
  const changes = await apiChanges(options.base, options.next);
  const affected = changes.filter(isBreaking).flatMap((change) => affectedCoordinate(change) ?? []);
  const relevant = (use: Use) => affected.some((coordinate) => covers(coordinate, use.coordinate));
  const trusted = trustedDocumentUses(options.trustedDocumentsPath, apiSchema(options.base));
  return { changes, ...judge(changes, [...options.uses, ...trusted].filter(relevant)) };
}

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: REPOSITORY,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();

const tryGit = (...args: string[]): string | undefined => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

/**
 * What a change is compared with: SCHEMA_BASE_REF when CI names it (a merge request's target), else where
 * HEAD left origin/main, else HEAD's parent (CI on main itself: the change is the last commit).
 */
export function baseRef(explicit?: string): string | undefined {
  if (explicit) return explicit;
  const head = tryGit('rev-parse', 'HEAD');
  if (!head) return undefined;
  const forkPoint = tryGit('merge-base', 'HEAD', 'origin/main');
  if (forkPoint && forkPoint !== head) return forkPoint;
  return tryGit('rev-parse', '--verify', '--quiet', 'HEAD~1') ?? head;
}

const USAGE = `npm run schema:ci -- [--base <git ref>] [--usage <file>]

Checks the working tree's supergraph (schema/supergraph.graphql, written by \`npm run compose\`) against the
supergraph at <git ref> (default: SCHEMA_BASE_REF, else the fork point from origin/main, else HEAD~1), judging
every breaking change against the usage a demo run recorded (default schema/usage/demo-run.json) and the
cockpit's trusted documents. Fails when a change breaks an operation some client used.`;

function print(verdict: CiVerdict, base: string): void {
  for (const change of verdict.changes) console.log(`${change.level.padEnd(13)} ${change.message}`);
  for (const warning of verdict.warnings) console.log(`WARNING       ${warning}`);
  for (const broken of verdict.broken)
    console.log(`REFUSED       ${broken.change.message}: used by ${broken.operations.join(', ')}`);
  console.log(
    `schema:ci: against ${base.slice(0, 12)}: ${verdict.changes.length} change(s), ` +
      `${verdict.warnings.length} warning(s), ${verdict.broken.length} breaking a used operation`,
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      usage: { type: 'string', default: DEMO_USAGE_FILE },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const ref = baseRef(values.base ?? process.env.SCHEMA_BASE_REF);
  const base = ref && tryGit('show', `${ref}:schema/supergraph.graphql`);
  if (!ref || !base) {
    // an unpacked tarball has no history to compare with; the registry still checks at publication
    console.log('schema:ci: no git history with a committed supergraph: nothing to compare against');
    return;
  }
  const snapshot = JSON.parse(fs.readFileSync(values.usage, 'utf8')) as UsageSnapshot;
  const verdict = await checkChange({
    base,
    next: fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    uses: snapshot.uses,
    trustedDocumentsPath: TRUSTED_DOCUMENTS,
  });
  print(verdict, ref);
  if (verdict.broken.length) process.exitCode = 1;
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(`schema:ci: ${(error as Error).message}`);
    process.exit(1);
  });
