import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { completeDeploymentKeys, type DeploymentKeys } from './trust';
import { SUBGRAPHS } from './registry';

export interface DevSecrets {
  jwtSecret: string;
  /** The gateway's signing key and each subgraph's directory key (./trust). */
  keys: DeploymentKeys;
  /** The embedded PostgreSQL's superuser: used only to create the databases and their owners. */
  postgresPassword: string;
  /** Each subgraph's database owner (a role named like its database), by subgraph name. */
  databasePasswords: Record<string, string>;
  /** The schema registry's database owner (role county_registry). */
  registryDatabasePassword: string;
  /** Signs the audit chains' checkpoints (AUDIT_ANCHOR_KEY): kept here, never in PostgreSQL. */
  auditAnchorKey: string;
  /** The gateway's /metrics answers only `Authorization: Bearer <this>` (METRICS_TOKEN). */
  metricsToken: string;
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
    keys: completeDeploymentKeys(existing.keys),
    postgresPassword: existing.postgresPassword ?? fresh(),
    registryDatabasePassword: existing.registryDatabasePassword ?? fresh(),
    auditAnchorKey: existing.auditAnchorKey ?? fresh(),
    metricsToken: existing.metricsToken ?? fresh(),
    databasePasswords: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, existing.databasePasswords?.[name] ?? fresh()]),
    ),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
