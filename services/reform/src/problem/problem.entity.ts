import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ProblemAccount, ProblemStatus } from '../vocabulary';

@Entity({ tableName: 'problem' })
@Index({ properties: ['account', 'number', 'id'] })
@Unique({ properties: ['account', 'number'] })
@Index({
  name: 'problem_region_prefix_idx',
  expression: 'create index "problem_region_prefix_idx" on "problem" ("region_code" text_pattern_ops)',
})
@ObjectType({ description: '问题清单条目 — a problem on the problem list (领导账/部门账/乡镇账)' })
export class Problem {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Enum({ items: () => ProblemAccount })
  @Field(() => ProblemAccount, { description: '账目 — the account it is on' })
  account!: ProblemAccount;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '序号 — its number on its account' })
  number!: number;

  @Property({ type: 'text' })
  @Field({ description: '问题 — the problem' })
  description!: string;

  /** 发现人: the county leader (leader account) who found it, a Person of the directory. */
  @Property({ type: 'uuid', nullable: true })
  foundByPersonId!: string | null;

  /** 发现单位: the department or township government that found it, an Organization of the directory. */
  @Property({ type: 'uuid', nullable: true })
  foundByOrganizationId!: string | null;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — where it was found' })
  regionCode!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '发现日期 — found on' })
  foundOn!: string;

  @Enum({ items: () => ProblemStatus })
  @Field(() => ProblemStatus, { description: '状态 — status' })
  status!: ProblemStatus;

  /** The reform tasks that address it. */
  @Property({ type: 'uuid[]' })
  taskIds!: string[];

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '整改时限 — the date it is to be resolved by' })
  deadline!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '销号日期 — the day it was closed as resolved' })
  resolvedOn!: string | null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;
}
