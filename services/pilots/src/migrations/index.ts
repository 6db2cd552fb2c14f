import type { MigrationList } from '@county/kit';
import { Migration20261122035558 } from './Migration20261122035558';

/** Committed migrations, in order. `npm run migration:create -w services/pilots` adds one; list it here. */
export const migrations: MigrationList = [
  { name: 'Migration20261122035558', class: Migration20261122035558 },
];
