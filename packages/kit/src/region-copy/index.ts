export { DirectoryRegion, OrganizationCopy } from './region-copy.entity';
export { KitDirectoryCopy20261205 } from './region-copy.migration';
export { attachRegionCopy, syncRegionCopy, type RegionCopyOptions } from './region-copy.sync';
export { organizationCopyResolver, regionCopyResolver } from './region-copy.resolver';
