import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ReformTask } from '../task/task.entity';
import { DispatchRoundStatus } from './dispatch.vocabulary';

@Entity({ tableName: 'dispatch_round' })
@Unique({ properties: ['regionCode', 'month'] })
@ObjectType({
  description:
    '调度轮次 — a monthly dispatch (月调度) of the key tasks the province supervises, and its summary',
})
export class DispatchRound {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 7 })
  @Field({ description: '调度月份 — the month dispatched, `2020-06`' })
  month!: string;

  /** The year of the month, kept for the year's statistics. */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year of the month' })
  year!: number;

  /** The region whose reform office runs the dispatch (a county). */
  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — the region whose reform office dispatches' })
  regionCode!: string;

  @Enum({ items: () => DispatchRoundStatus })
  @Field(() => DispatchRoundStatus, { description: '状态 — open or closed' })
  status!: DispatchRoundStatus;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '调度汇总 — the summary the round closed with' })
  summary!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '汇总日期 — closed on' })
  closedOn!: string | null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;
}

@Entity({ tableName: 'dispatch_entry' })
@Unique({ properties: ['roundId', 'taskId'] })
@ObjectType({
  description: '调度事项 — one key task in a dispatch round: reported, problems raised, decided',
})
export class DispatchEntry {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => DispatchRound, { mapToPk: true, fieldName: 'round_id', deleteRule: 'cascade' })
  roundId!: string;

  @ManyToOne(() => ReformTask, {
    mapToPk: true,
    fieldName: 'task_id',
    index: true,
    deleteRule: 'cascade',
  })
  taskId!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '报送情况 — what the lead organisation reported; null: not reported (未报送)',
  })
  reported!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '报送日期 — reported on' })
  reportedOn!: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '存在问题 — the problems raised' })
  problemsRaised!: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '调度意见 — what the round decided for the task' })
  decisions!: string | null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;
}
