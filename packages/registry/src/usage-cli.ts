import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_USAGE_FILE, type UsageSnapshot } from './ci';
import type { Use } from './checks';
import { SCHEMA_DIR } from './committed';

const USAGE = `npm run schema:usage -- [--out <file>]

Snapshots the usage the schema registry at SCHEMA_REGISTRY_URL (default http://127.0.0.1:4090) recorded in
its window into <file> (default schema/usage/demo-run.json), for \`npm run schema:ci\`. The usage token is
REGISTRY_USAGE_TOKEN, else the one \`npm start\` keeps in .data/schema-publishers.json.`;

function usageToken(): string {
  if (process.env.REGISTRY_USAGE_TOKEN) return process.env.REGISTRY_USAGE_TOKEN;
  const dataDir = process.env.COUNTY_DATA_DIR || path.resolve(SCHEMA_DIR, '..', '.data');
  const file = path.join(dataDir, 'schema-publishers.json');
  if (!fs.existsSync(file))
    throw new Error('REGISTRY_USAGE_TOKEN is required (no .data/schema-publishers.json from `npm start`)');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { usageToken: string }).usageToken;
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: DEMO_USAGE_FILE }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  const registryUrl = process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:4090';
  const response = await fetch(`${registryUrl}/usage`, {
    headers: { authorization: `Bearer ${usageToken()}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`the registry at ${registryUrl} answered ${response.status}`);
  const { uses } = (await response.json()) as { uses: Use[] };
  const snapshot: UsageSnapshot = { recordedFrom: registryUrl, recordedAt: new Date().toISOString(), uses };
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, `${JSON.stringify(snapshot, null, 1)}\n`);
  const clients = new Set(uses.map((use) => use.client)).size;
  console.log(`schema:usage: ${uses.length} uses by ${clients} client(s) written to ${values.out}`);
}

main().catch((error: unknown) => {
  console.error(`schema:usage: ${(error as Error).message}`);
  process.exit(1);
});
