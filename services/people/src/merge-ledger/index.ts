import { IdleAsset } from './idle-asset.entity';
import { facilityLedgerRoutes } from './facility-ledger';
import { idleAssetLedgerRoutes } from './idle-asset-ledger';
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

/** The merge's ledgers as sheets, both ways: idle-assets.xlsx and restructured-facilities.xlsx. */
export const mergeLedgerRoutes = [...idleAssetLedgerRoutes, ...facilityLedgerRoutes];
