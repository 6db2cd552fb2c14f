import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOMAIN_KEYS, isDomainKey, type DomainKey } from '../domains';
import { buildCockpit } from './build';

const COCKPIT_DIR = path.join(__dirname, '..', '..');

const USAGE = `node dist/build/cli.js [--supergraph <file>] [--domains <list>|all|none] [--out <dir>]
defaults: cockpit.config.json's "supergraph" and "domains" (COCKPIT_DOMAINS overrides the latter), out dist/`;

function parseDomains(value: unknown): DomainKey[] {
  const list =
    value === 'all'
      ? DOMAIN_KEYS
      : value === 'none'
        ? []
        : typeof value === 'string'
          ? value.split(',').map((key) => key.trim())
          : value;
  if (
    !Array.isArray(list) ||
    !list.every((key): key is DomainKey => typeof key === 'string' && isDomainKey(key))
  )
    throw new Error(
      `domains must be a list of ${DOMAIN_KEYS.join(', ')} (or all, none); got ${JSON.stringify(value)}\n${USAGE}`,
    );
  return list;
}

/**
 * `npm run build -w cockpit`, after tsc: codegen, type-check and bundle with the domains switched on in
 * cockpit.config.json (or COCKPIT_DOMAINS, or --domains), against its supergraph (or --supergraph).
 */
async function main() {
  const { values } = parseArgs({
    options: { supergraph: { type: 'string' }, domains: { type: 'string' }, out: { type: 'string' } },
  });
  const config = JSON.parse(fs.readFileSync(path.join(COCKPIT_DIR, 'cockpit.config.json'), 'utf8')) as {
    supergraph: string;
    domains: unknown;
  };
  const domains = parseDomains(values.domains ?? process.env.COCKPIT_DOMAINS ?? config.domains);
  const supergraph = values.supergraph ?? path.resolve(COCKPIT_DIR, config.supergraph);
  const started = Date.now();
  const { files } = await buildCockpit({
    supergraphSdl: fs.readFileSync(supergraph, 'utf8'),
    domains,
    outDir: path.resolve(values.out ?? path.join(COCKPIT_DIR, 'dist')),
  });
  const off = DOMAIN_KEYS.filter((key) => !domains.includes(key));
  console.log(
    `cockpit: ${files.length} files in ${Date.now() - started} ms; panels on: ${domains.join(', ') || 'none'}` +
      (off.length ? `; off (未接入): ${off.join(', ')}` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(`cockpit build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
