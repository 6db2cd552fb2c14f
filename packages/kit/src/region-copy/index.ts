export { DirectoryRegion, OrganizationCopy } from './region-copy.entity';
export { KitDirectoryCopy20261205 } from './region-copy.migration';
export { attachRegionCopy, syncRegionCopy, type RegionCopyOptions } from './region-copy.sync';
export { organizationCopyResolver, regionCopyResolver } from './region-copy.resolver';
export {
  regionScope,
  regionScopeCondition,
  regionSubtreeCondition,
  type RegionScopeCondition,
} from './region-scope';
export { DirectoryRegionSuccession } from './region-copy.entity';
export { KitRegionSuccessionCopy20261205 } from './region-succession.migration';
