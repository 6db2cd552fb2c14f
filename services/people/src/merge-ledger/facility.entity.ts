import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Region } from '../region/region.entity';
import { FacilityKind, FacilityOutcome } from './vocabulary';

/** A school, health centre or elderly-care home of a merged-away region, and what the merge made of it. */
@Entity({ tableName: 'restructured_facility' })
@Unique({ name: 'restructured_facility_predecessor_name_unique', properties: ['predecessorCode', 'name'] })
@ObjectType({
  description:
    '撤并后的公共服务设施 — a school, health centre or elderly-care home restructured after a merge',
})
export class RestructuredFacility {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Region, { mapToPk: true, fieldName: 'predecessor_code', deleteRule: 'restrict' })
  @Field(() => ID, { description: '原区划代码 — the merged-away region it served' })
  predecessorCode!: string;

  @ManyToOne(() => Region, { mapToPk: true, fieldName: 'successor_code', deleteRule: 'restrict' })
  @Index({ name: 'restructured_facility_successor_index' })
  @Field(() => ID, { description: '现区划代码 — the region it went on as' })
  successorCode!: string;

  @Enum({ items: () => FacilityKind })
  @Field(() => FacilityKind, { description: '设施类别 — kind' })
  kind!: FacilityKind;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '设施名称 — e.g. 白鹤乡中心小学' })
  name!: string;

  @Enum({ items: () => FacilityOutcome })
  @Field(() => FacilityOutcome, { description: '调整结果 — kept, merged or converted' })
  outcome!: FacilityOutcome;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '并入/转为 — the facility it merged into, or what it became (e.g. 区域性养老中心)',
  })
  became: string | null = null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '调整日期 — when the change took effect' })
  restructuredOn!: string;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}
