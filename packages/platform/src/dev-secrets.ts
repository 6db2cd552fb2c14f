import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SUBGRAPHS } from './registry';

export interface DevSecrets {
  jwtSecret: string;
  subgraphSecrets: Record<string, string>;
}

const fresh = () => randomBytes(32).toString('base64url');

/**
 * Secrets of the local platform: made once per machine, kept in `.data/dev-secrets.json` (git-ignored),
 * so tokens printed by one `npm start` keep working after a restart. Never used in production.
 */
export function loadDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  const existing: Partial<DevSecrets> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const secrets: DevSecrets = {
    jwtSecret: existing.jwtSecret ?? fresh(),
    subgraphSecrets: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, existing.subgraphSecrets?.[name] ?? fresh()]),
    ),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
