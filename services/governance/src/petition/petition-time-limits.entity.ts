import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { DeadlineUnit } from './petition-vocabulary';

/**
 * 信访办理时限 — a county's petition time limits as its petitions bureau sets them. A county without a row
 * counts with the regulation's (see `REGULATION_LIMITS`); the row is the bureau's, versioned, and audited.
 */
@Entity({ tableName: 'petition_time_limits' })
@ObjectType({ description: '信访办理时限 — the time limits a county counts its petitions’ deadlines with' })
export class PetitionTimeLimits {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'string', length: 12 })
  @Field({ description: '县级区划 — the county they apply to (and everything below it)' })
  regionCode!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '受理告知期限 — days from registration to the decision to accept' })
  acceptDays!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '办理期限 — days from acceptance to the reply (办结)' })
  replyDays!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '延期上限 — the most an accepted petition’s reply may be extended by' })
  extensionMaxDays!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, {
    description: '复查请求期限 — days after the reply within which a review may be asked for',
  })
  reviewRequestDays!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '复查期限 — days from the request to the review’s opinion' })
  reviewDays!: number;

  @Enum({ items: () => DeadlineUnit })
  @Field(() => DeadlineUnit, { description: '计算方式 — working days or calendar days' })
  unit!: DeadlineUnit;

  @Property({ type: 'text' })
  @Field({ description: '依据 — the rule the limits come from' })
  basis!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: '设定人 — who set them; null for the regulation’s' })
  setBy!: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '设定时间 — when' })
  setAt!: Date | null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: '版本 — 0 for the regulation’s own; send it back with a change' })
  version!: number;
}
