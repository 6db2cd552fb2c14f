import type { MigrationList } from '@county/kit';
import { Migration20261122040000 } from './Migration20261122040000';
import { Migration20261124010000 } from './Migration20261124010000';
import { Migration20261205040000 } from './Migration20261205040000';
import { Migration20261205080000 } from './Migration20261205080000';
import { Migration20261205121500 } from './Migration20261205121500';
import { Migration20261205160000 } from './Migration20261205160000';

/** Committed migrations, in order. `npm run migration:create -w services/governance` adds one; list it here. */
export const migrations: MigrationList = [
  { name: 'Migration20261122040000', class: Migration20261122040000 },
  { name: 'Migration20261124010000', class: Migration20261124010000 },
  { name: 'Migration20261205040000', class: Migration20261205040000 },
  { name: 'Migration20261205080000', class: Migration20261205080000 },
  { name: 'Migration20261205121500', class: Migration20261205121500 },
  { name: 'Migration20261205160000', class: Migration20261205160000 },
];
