import path from 'node:path';
import type { Options } from '@mikro-orm/postgresql';
import { ormOptions } from '@county/kit';
import { govServicesEntities } from './subgraph';
import { migrations } from './migrations';

/** For the MikroORM CLI only (`npm run migration:create -w services/gov-services` against a running database). */
const url = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/county_gov_services';
const options = ormOptions(url, govServicesEntities, migrations);

const config: Options = {
  ...options,
  migrations: { ...options.migrations, path: path.join(__dirname, '../src/migrations'), emit: 'ts' },
};

export default config;
