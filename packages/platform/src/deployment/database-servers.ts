import { databaseUrl } from '@county/postgres';
import type { SubgraphEntry } from '../registry';
import { variablePrefix } from './deployment-files';

/** DATABASE_URL_PEOPLE, DATABASE_URL_GOV_SERVICES, …: the server one subgraph's database lives on. */
export const databaseServerVariable = (name: string) => `DATABASE_URL_${variablePrefix(name)}`;

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The PostgreSQL server (an administrator's URL, like DATABASE_URL) that holds subgraph `name`'s database:
 * its own DATABASE_URL_<NAME> when set, else `fallback` (DATABASE_URL's server, or the embedded one). A
 * department whose database runs on a server of its own sets only its variable; the others stay on the one.
 */
export function subgraphDatabaseServer(
  name: string,
  fallback: string,
  environment: NodeJS.ProcessEnv = process.env,
): string {
  const variable = databaseServerVariable(name);
  const own = environment[variable];
  if (own === undefined || own === '') return fallback;
  if (!POSTGRES_URL.test(own)) throw new Error(`${variable}: must be a postgres:// URL`);
  return own;
}

/** The URL of `entry`'s own database on its server (as its server's administrator). */
export const subgraphDatabaseUrl = (
  entry: SubgraphEntry,
  fallback: string,
  environment: NodeJS.ProcessEnv = process.env,
) => databaseUrl(subgraphDatabaseServer(entry.name, fallback, environment), entry.database);

/**
 * Problems with the per-subgraph servers of `environment`: a DATABASE_URL_<NAME> that names no registered
 * subgraph (a typo would otherwise put that database on the shared server unnoticed), or is not a URL.
 */
export function databaseServerProblems(
  registry: SubgraphEntry[],
  environment: NodeJS.ProcessEnv = process.env,
): string[] {
  const known = new Set(registry.map((entry) => databaseServerVariable(entry.name)));
  return Object.keys(environment)
    .filter((variable) => variable.startsWith('DATABASE_URL_'))
    .sort()
    .flatMap((variable) => {
      if (!known.has(variable)) return [`${variable}: names no subgraph (known: ${[...known].join(', ')})`];
      const value = environment[variable];
      return value && !POSTGRES_URL.test(value) ? [`${variable}: must be a postgres:// URL`] : [];
    });
}
