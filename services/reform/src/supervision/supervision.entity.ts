import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { SupervisionStatus } from '../vocabulary';
import { ReformTask } from '../task/task.entity';

@Entity({ tableName: 'supervision_order' })
@Index({ properties: ['status', 'deadline'] })
@ObjectType({ description: '督办单 — a supervision order issued to a lagging task' })
export class SupervisionOrder {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => ReformTask, { mapToPk: true, fieldName: 'task_id', index: true, deleteRule: 'cascade' })
  taskId!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '下发日期 — issued on' })
  issuedOn!: string;

  @Property({ type: 'text' })
  @Field({ description: '督办事由 — why it was issued' })
  reason!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '整改期限 — rectification deadline' })
  deadline!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '滞后原因分析 — the lead organisation’s cause analysis',
  })
  causeAnalysis!: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '整改措施 — measures taken' })
  measures!: string | null;

  @Enum({ items: () => SupervisionStatus })
  @Field(() => SupervisionStatus, { description: '状态 — status' })
  status!: SupervisionStatus;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '整改销号日期 — rectified on' })
  rectifiedOn!: string | null;
}
