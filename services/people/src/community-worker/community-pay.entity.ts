import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A province's pay scale for community workers (三岗十八级 薪酬): kept by hr like the level ranges; a province
 * with no row pays by the national default (`nationalPay` in career.ts).
 */
@Entity({ tableName: 'community_pay' })
export class CommunityPay {
  [OptionalProps]?: 'version';

  /** GB/T 2260 code of the province (`XX0000`): one scale per province. */
  @PrimaryKey({ type: 'string', length: 6 })
  provinceCode!: string;

  /** Monthly base pay of level 1, whole yuan. */
  @Property({ type: 'integer' })
  basePay!: number;

  /** The share of the base pay each level above 1 adds. */
  @Property({ type: 'double' })
  payStep!: number;

  @Property({ version: true })
  version!: number;
}
