import path from 'node:path';
import type { Options } from '@mikro-orm/postgresql';
import { ormOptions } from '@county/kit';
import { governanceEntities } from './subgraph';
import { migrations } from './migrations';

/**
 * For the MikroORM CLI only (`npm run migration:create -w services/governance` against a running database):
 * new migrations are written as TypeScript into src/migrations, then listed in src/migrations/index.ts.
 */
const url = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/county_governance';
const options = ormOptions(url, governanceEntities, migrations);

const config: Options = {
  ...options,
  migrations: { ...options.migrations, path: path.join(__dirname, '../src/migrations'), emit: 'ts' },
};

export default config;
