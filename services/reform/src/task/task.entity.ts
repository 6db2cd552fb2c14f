import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { TaskSource, TaskStatus } from '../vocabulary';
import { SpecialGroup } from '../special-group/special-group.entity';
import { WorkPoint } from '../work-point/work-point.entity';

@Entity({ tableName: 'reform_task' })
@Index({ properties: ['year', 'code', 'id'] })
@Index({ properties: ['leadOrganizationId', 'code', 'id'] })
@Index({ properties: ['leaderId'] })
@Index({
  name: 'reform_task_cooperating_idx',
  expression:
    'create index "reform_task_cooperating_idx" on "reform_task" using gin ("cooperating_organization_ids")',
})
@Index({
  name: 'reform_task_region_prefix_idx',
  expression:
    'create index "reform_task_region_prefix_idx" on "reform_task" ("region_code" text_pattern_ops)',
})
@ObjectType({ description: '改革任务 — a reform task (改革项目), possibly a plan with tasks under it' })
export class ReformTask {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'weight';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 40, unique: true })
  @Field({ description: '任务编号 — ledger number, e.g. 2019-07-2' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: '任务名称 — title' })
  title!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year of its work point' })
  year!: number;

  @ManyToOne(() => WorkPoint, {
    mapToPk: true,
    nullable: true,
    fieldName: 'work_point_id',
    index: true,
    deleteRule: 'restrict',
  })
  workPointId!: string | null;

  @ManyToOne(() => ReformTask, {
    mapToPk: true,
    nullable: true,
    fieldName: 'parent_id',
    index: true,
    deleteRule: 'restrict',
  })
  parentId!: string | null;

  @ManyToOne(() => SpecialGroup, { mapToPk: true, fieldName: 'special_group_id', deleteRule: 'restrict' })
  specialGroupId!: string;

  @Enum({ items: () => TaskSource })
  @Field(() => TaskSource, { description: '任务来源 — assigned from above or own initiative' })
  source!: TaskSource;

  @Property({ type: 'text' })
  @Field({ description: '改革目标 — the reform goal' })
  goal!: string;

  /** 牵头单位 (an Organization of the directory). */
  @Property({ type: 'uuid' })
  leadOrganizationId!: string;

  /** 配合单位 (Organizations of the directory). */
  @Property({ type: 'uuid[]' })
  cooperatingOrganizationIds!: string[];

  /** Where it is carried out: the county for county-wide tasks, a township for township tasks. */
  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — where it is carried out' })
  regionCode!: string;

  /** 县领导挂钩: the county leader linked to it (a Person of the directory). */
  @Property({ type: 'uuid', nullable: true })
  leaderId!: string | null;

  @Property({ type: 'boolean' })
  @Field({ description: '重点改革任务 — a key task' })
  keyTask!: boolean;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '计划开始 — planned start' })
  plannedStart!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '计划完成 — planned end' })
  plannedEnd!: string;

  @Enum({ items: () => TaskStatus })
  @Field(() => TaskStatus, { description: '状态 — status' })
  status!: TaskStatus;

  /** Its weight in its parent's roll-up of progress. */
  @Property({ type: 'double', default: 1 })
  @Field(() => Float, { description: '权重 — its weight in its parent plan’s progress' })
  weight: number = 1;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
