import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { PromotionKind } from '../vocabulary';
import { Pilot } from '../pilot/pilot.entity';

@Entity({ tableName: 'pilot_promotion' })
@ObjectType({
  description:
    '推广记录 — how a pilot’s practice spread: coverage, on-site meetings, adoption by a higher level',
})
export class PromotionRecord {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Pilot, { mapToPk: true, fieldName: 'pilot_id', index: true, deleteRule: 'cascade' })
  pilotId!: string;

  @Enum({ items: () => PromotionKind })
  @Field(() => PromotionKind, { description: '推广方式 — kind' })
  kind!: PromotionKind;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '日期 — date' })
  happenedOn!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '媒体或单位 — the outlet or the higher-level body' })
  by!: string;

  @Property({ type: 'text' })
  @Field({ description: '情况说明 — description' })
  description!: string;
}
