import { IdleAsset } from './idle-asset.entity';
import { RestructuredFacility } from './facility.entity';
import { MergeLedgerMutations } from './merge-ledger.mutation';
import { IdleAssetFields, MergeLedgerQueries, RestructuredFacilityFields } from './merge-ledger.resolver';
import { RegionMergeLedgerResolver } from './merge-ledger-stats';

/** The ledgers of a merge (两项改革): idle assets and their disposal, restructured public facilities. */
export const mergeLedgerEntities = [IdleAsset, RestructuredFacility];
export const mergeLedgerResolvers = [
  MergeLedgerQueries,
  MergeLedgerMutations,
  IdleAssetFields,
  RestructuredFacilityFields,
  RegionMergeLedgerResolver,
] as const;
export { idleAssetLedgerRoutes } from './idle-asset-ledger';
