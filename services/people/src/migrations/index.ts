import type { MigrationList } from '@county/kit';
import { Migration20261122022903 } from './Migration20261122022903';
import { Migration20261122040000 } from './Migration20261122040000';
import { Migration20261205040000 } from './Migration20261205040000';
import { Migration20261205060000 } from './Migration20261205060000';
import { Migration20261205070000 } from './Migration20261205070000';
import { Migration20261205100000 } from './Migration20261205100000';
import { Migration20261205121500 } from './Migration20261205121500';
import { Migration20261205133700MergeLedger } from './Migration20261205133700MergeLedger';

/** Committed migrations, in order. `npm run migration:create -w services/people` adds one; list it here. */
export const migrations: MigrationList = [
  { name: 'Migration20261122022903', class: Migration20261122022903 },
  { name: 'Migration20261122040000', class: Migration20261122040000 },
  { name: 'Migration20261205040000', class: Migration20261205040000 },
  { name: 'Migration20261205060000', class: Migration20261205060000 },
  { name: 'Migration20261205070000', class: Migration20261205070000 },
  { name: 'Migration20261205100000', class: Migration20261205100000 },
  { name: 'Migration20261205121500', class: Migration20261205121500 },
  { name: 'Migration20261205133700MergeLedger', class: Migration20261205133700MergeLedger },
];
