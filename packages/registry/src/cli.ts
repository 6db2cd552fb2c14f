import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { PublishRefusedError, publishedUrl, publishSubgraph, rollbackSubgraph } from './client';
import { committedSdlFile } from './committed';
import type { PublishReport } from './registry';

const USAGE = `npm run schema:publish -- <subgraph> [--dry-run] [--sdl <file>] [--url <routing url>] [--rollback <version>]

Publishes schema/<subgraph>.graphql (or --sdl) to the schema registry at SCHEMA_REGISTRY_URL
(default http://127.0.0.1:4090) with the department's credential SCHEMA_PUBLISHER_SECRET.
--url is needed at the first publication only (later ones keep the published routing URL).
--dry-run composes and checks against recorded usage, and publishes nothing.`;

function printReport(report: PublishReport): void {
  for (const change of report.changes) console.log(`${change.level.padEnd(13)} ${change.message}`);
  for (const warning of report.warnings) console.log(`WARNING       ${warning}`);
  const what =
    report.status === 'published'
      ? `published ${report.subgraph} version ${report.version} (supergraph ${report.supergraphVersion})`
      : report.status === 'unchanged'
        ? `${report.subgraph} is unchanged (version ${report.version}); nothing published`
        : `dry run: ${report.subgraph} would be accepted; nothing published`;
  console.log(
    `schema:publish: ${what}; ${report.changes.length} change(s), ${report.warnings.length} warning(s)`,
  );
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      sdl: { type: 'string' },
      url: { type: 'string' },
      rollback: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const subgraph = positionals[0];
  if (values.help || !subgraph) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const registryUrl = process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:4090';
  const secret = process.env.SCHEMA_PUBLISHER_SECRET;
  if (!secret)
    throw new Error("SCHEMA_PUBLISHER_SECRET is required: the department's schema-publisher credential");
  const dryRun = values['dry-run'];
  if (values.rollback) {
    printReport(
      await rollbackSubgraph({ registryUrl, secret, subgraph, version: Number(values.rollback), dryRun }),
    );
    return;
  }
  const file = values.sdl ?? committedSdlFile(subgraph);
  if (!fs.existsSync(file))
    throw new Error(`No SDL at ${file}: run \`npm run compose\`, or pass --sdl <file>`);
  const url = values.url ?? (await publishedUrl(registryUrl, subgraph));
  if (!url) throw new Error(`${subgraph} was never published: give its routing URL with --url`);
  printReport(
    await publishSubgraph({ registryUrl, secret, subgraph, sdl: fs.readFileSync(file, 'utf8'), url, dryRun }),
  );
}

main().catch((error: unknown) => {
  const refused = error instanceof PublishRefusedError;
  console.error(`schema:publish: ${refused ? 'REFUSED: ' : ''}${(error as Error).message}`);
  process.exit(1);
});
