import type { MigrationList } from '@county/kit';
import { Migration20261122040000 } from './Migration20261122040000';
import { Migration20261122064231 } from './Migration20261122064231';
import { Migration20261204090000 } from './Migration20261204090000';
import { Migration20261204120000 } from './Migration20261204120000';
import { Migration20261205040000 } from './Migration20261205040000';
import { Migration20261205060000 } from './Migration20261205060000';
import { Migration20261205080000 } from './Migration20261205080000';
import { Migration20261205113000 } from './Migration20261205113000';
import { Migration20261205121500 } from './Migration20261205121500';
import { Migration20261205150000 } from './Migration20261205150000';
import { Migration20261205170000 } from './Migration20261205170000';

/** Committed migrations, in order. `npm run migration:create -w services/gov-services` adds one; list it here. */
export const migrations: MigrationList = [
  { name: 'Migration20261122040000', class: Migration20261122040000 },
  { name: 'Migration20261122064231', class: Migration20261122064231 },
  { name: 'Migration20261204090000', class: Migration20261204090000 },
  { name: 'Migration20261204120000', class: Migration20261204120000 },
  { name: 'Migration20261205040000', class: Migration20261205040000 },
  { name: 'Migration20261205060000', class: Migration20261205060000 },
  { name: 'Migration20261205080000', class: Migration20261205080000 },
  { name: 'Migration20261205113000', class: Migration20261205113000 },
  { name: 'Migration20261205121500', class: Migration20261205121500 },
  { name: 'Migration20261205150000', class: Migration20261205150000 },
  { name: 'Migration20261205170000', class: Migration20261205170000 },
];
