import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A region as the people subgraph last answered it: a read-only copy each directory-using subgraph keeps,
 * so `region(code)`, `regions` and a region's name, level, parent and children still answer while people
 * is down. Only the sync (./region-copy.sync.ts) writes it.
 */
@Entity({ tableName: 'directory_region' })
export class DirectoryRegion {
  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 16 })
  level!: string;

  @Property({ type: 'string', length: 12, nullable: true })
  @Index()
  parentCode!: string | null;

  /** When the sync that last wrote it ran: the copy's age is the newest of these. */
  @Property({ type: 'timestamptz' })
  syncedAt!: Date;
}

/** An organisation's name as people last answered it: shown on other domains' records while people is down. */
@Entity({ tableName: 'directory_organization' })
export class OrganizationCopy {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'timestamptz' })
  syncedAt!: Date;
}

/** When the copy last matched people (one row): its age in /readyz, whether or not anything changed. */
@Entity({ tableName: 'directory_copy_sync' })
export class DirectoryCopySync {
  @PrimaryKey({ type: 'boolean', default: true })
  singleton!: boolean;

  @Property({ type: 'timestamptz' })
  syncedAt!: Date;
}

/**
 * A succession (merge) as people last answered it: `predecessor` went on as `successor` from `effectiveOn`.
 * Statistics mapped onto today's regions count a region together with what was merged into it (./region-scope.ts).
 */
@Entity({ tableName: 'directory_region_succession' })
export class DirectoryRegionSuccession {
  @PrimaryKey({ type: 'string', length: 12 })
  predecessorCode!: string;

  @PrimaryKey({ type: 'string', length: 12 })
  @Index()
  successorCode!: string;

  @Property({ type: 'date' })
  effectiveOn!: string;
}
