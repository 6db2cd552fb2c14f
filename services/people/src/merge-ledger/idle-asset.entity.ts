import {
  DecimalType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Region } from '../region/region.entity';
import { DisposalMethod, IdleAssetKind } from './vocabulary';

/**
 * One premises a merge left idle (腾退资产), kept against the succession it came from: the dissolved region
 * that held it and the region it went on as (whose government now answers for it).
 */
@Entity({ tableName: 'merge_idle_asset' })
@Unique({ name: 'merge_idle_asset_predecessor_name_unique', properties: ['predecessorCode', 'name'] })
@ObjectType({
  description: '闲置资产 — premises left idle by a merge (五站五所, offices …) and their disposal',
})
export class IdleAsset {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Region, { mapToPk: true, fieldName: 'predecessor_code', deleteRule: 'restrict' })
  @Field(() => ID, { description: '原区划代码 — the merged-away region that held it' })
  predecessorCode!: string;

  @ManyToOne(() => Region, { mapToPk: true, fieldName: 'successor_code', deleteRule: 'restrict' })
  @Index({ name: 'merge_idle_asset_successor_index' })
  @Field(() => ID, { description: '现区划代码 — the region it went on as, which now holds it' })
  successorCode!: string;

  @Enum({ items: () => IdleAssetKind })
  @Field(() => IdleAssetKind, { description: '资产类别 — kind' })
  kind!: IdleAssetKind;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '资产名称 — e.g. 原白鹤乡农业服务站' })
  name!: string;

  @Property({ type: new DecimalType('number'), precision: 12, scale: 2 })
  @Field(() => Float, { description: '面积 — floor area (land: site area), square metres' })
  area!: number;

  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  @Field(() => Float, { description: '账面价值 — book value, yuan' })
  bookValue!: number;

  @Enum({ items: () => DisposalMethod, nullable: true })
  @Field(() => DisposalMethod, { nullable: true, description: '处置方式 — null while still idle' })
  disposal: DisposalMethod | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '处置日期 — when it was disposed of' })
  disposedOn: string | null = null;

  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  @Field(() => Float, { nullable: true, description: '处置收入 — rent agreed or auction price, yuan' })
  proceeds: number | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '承接方/新用途 — who took it or what it became (e.g. 便民服务站, 县城投集团)',
  })
  disposedTo: string | null = null;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}
