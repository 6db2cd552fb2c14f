import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { apiChanges, composeSupergraph } from './compose.lib';
import { SUBGRAPHS } from './subgraphs';
import { checkNullableExtensions } from './nullable-extensions';

/**
 * `npm run schema:check [-- <git ref>]`: the client-facing API of the supergraph composed from the
 * working tree against the committed one on `main` (or the ref given). Breaking changes fail the check,
 * and so does a non-null field added to another subgraph's entity (nullable-extensions.ts).
 */
async function main() {
  const ref = process.argv[2] ?? 'main';
  let base: string;
  try {
    base = execFileSync('git', ['show', `${ref}:schema/supergraph.graphql`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    console.log(`schema:check: ${ref} has no schema/supergraph.graphql yet; nothing to compare`);
    return;
  }
  const { supergraph } = await composeSupergraph(SUBGRAPHS);
  const { problems } = checkNullableExtensions(supergraph);
  for (const problem of problems) console.log(`${'NON-NULL'.padEnd(12)} ${problem}`);
  const { changes, breaking } = await apiChanges(base, supergraph);
  for (const change of changes) console.log(`${change.criticality.level.padEnd(12)} ${change.message}`);
  console.log(
    `schema:check against ${ref}: ${changes.length} change(s), ${breaking.length} breaking, ` +
      `${problems.length} non-null extension(s)`,
  );
  if (breaking.length || problems.length) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(String((error as Error).message ?? error));
  process.exit(1);
});
