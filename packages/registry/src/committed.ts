import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { publishSubgraph, PublishRefusedError } from './client';
import type { PublishReport } from './registry';

/** The committed SDLs: schema/<subgraph>.graphql, written by `npm run compose`. */
export const SCHEMA_DIR = path.resolve(__dirname, '../../../schema');
export const committedSdlFile = (subgraph: string) => path.join(SCHEMA_DIR, `${subgraph}.graphql`);

export interface RegistryCredentials {
  /** subgraph → its department's schema-publisher secret */
  publishers: Record<string, string>;
  /** what the gateways send with their usage */
  usageToken: string;
}

/**
 * Development credentials for `npm start`, kept in `file` (0600) so that they survive restarts and a
 * developer can publish as a department: one secret per subgraph, added when a subgraph is new.
 */
export function loadRegistryCredentials(file: string, subgraphs: string[]): RegistryCredentials {
  const secret = () => randomBytes(32).toString('hex');
  const known = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RegistryCredentials)
    : { publishers: {}, usageToken: secret() };
  const publishers = Object.fromEntries(subgraphs.map((name) => [name, known.publishers[name] ?? secret()]));
  const credentials = { publishers, usageToken: known.usageToken };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/**
 * Publishes each subgraph's committed SDL, in order, as its department would: what `npm start` does so that
 * the registry starts with the committed graph. Unchanged ones record nothing; a refusal (the registry holds
 * a newer graph, or usage forbids it) is returned, not thrown, so the platform still starts on what the
 * registry has.
 */
export async function publishCommittedSchemas(options: {
  registryUrl: string;
  publishers: Record<string, string>;
  subgraphs: { name: string; url: string }[];
}): Promise<{ subgraph: string; report?: PublishReport; refused?: string }[]> {
  const results = [];
  for (const { name, url } of options.subgraphs) {
    try {
      const report = await publishSubgraph({
        registryUrl: options.registryUrl,
        secret: options.publishers[name],
        subgraph: name,
        sdl: fs.readFileSync(committedSdlFile(name), 'utf8'),
        url,
      });
      results.push({ subgraph: name, report });
    } catch (error) {
      if (!(error instanceof PublishRefusedError)) throw error;
      results.push({ subgraph: name, refused: error.message });
    }
  }
  return results;
}
