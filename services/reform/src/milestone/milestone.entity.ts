import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ReformTask } from '../task/task.entity';

@Entity({ tableName: 'milestone' })
@Index({ properties: ['taskId', 'plannedDate'] })
@ObjectType({ description: '序时进度节点 — a milestone of a task’s schedule' })
export class Milestone {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => ReformTask, { mapToPk: true, fieldName: 'task_id', deleteRule: 'cascade' })
  taskId!: string;

  @Property({ type: 'text' })
  @Field({ description: '节点内容 — what is to be done' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '计划时间 — planned date' })
  plannedDate!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: '占比 — the share of the task it represents, in percent' })
  share!: number;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '完成时间 — when it was done; null while open' })
  completedOn!: string | null;

  /** Taken off the schedule on this day: kept on record, no longer planned (null while on the schedule). */
  @Property({ type: 'date', nullable: true })
  removedOn?: string | null;
}
