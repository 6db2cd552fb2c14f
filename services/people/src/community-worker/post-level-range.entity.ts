import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CommunityPostType } from '../workforce/vocabulary';

/**
 * 三岗十八级 as one province sets it: the levels a post type may hold there. Kept by hr like the other
 * workforce records (audited); a province with no row for a post type uses the national guidance
 * (`POST_LEVELS` in career.ts).
 */
@Entity({ tableName: 'community_post_level_range' })
@Unique({ properties: ['provinceCode', 'postType'] })
export class PostLevelRange {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** GB/T 2260 code of the province (`XX0000`); community workers take it from their community's region. */
  @Property({ type: 'string', length: 6 })
  provinceCode!: string;

  @Enum({ items: () => CommunityPostType })
  postType!: CommunityPostType;

  @Property({ type: 'smallint' })
  min!: number;

  @Property({ type: 'smallint' })
  max!: number;

  @Property({ version: true })
  version!: number;
}
