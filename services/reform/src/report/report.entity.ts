import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ReportPeriodKind } from '../vocabulary';
import { ReformTask } from '../task/task.entity';

@Entity({ tableName: 'progress_report' })
@Unique({ properties: ['taskId', 'period'] })
@Index({
  name: 'progress_report_task_period_end_index',
  expression:
    'create index "progress_report_task_period_end_index" on "progress_report" ("task_id", "period_end" desc)',
})
@ObjectType({ description: '进展报送 — a progress report of a task for one period' })
export class ProgressReport {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => ReformTask, { mapToPk: true, fieldName: 'task_id', deleteRule: 'cascade' })
  taskId!: string;

  @Property({ type: 'string', length: 7 })
  @Field({ description: '报送期 — the period: `2019-03` (a month) or `2019-Q1` (a quarter)' })
  period!: string;

  @Enum({ items: () => ReportPeriodKind })
  @Field(() => ReportPeriodKind, { description: '周期 — monthly or quarterly' })
  periodKind!: ReportPeriodKind;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '期末 — the last day of the period' })
  periodEnd!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '报送截止 — the date it was due' })
  dueDate!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '完成百分比 — percent complete, 0–100' })
  percent!: number;

  @Property({ type: 'text' })
  @Field({ description: '本期完成情况 — what was done' })
  done!: string;

  @Property({ type: 'text' })
  @Field({ description: '存在问题 — problems' })
  problems!: string;

  @Property({ type: 'text' })
  @Field({ description: '下步打算 — next steps' })
  nextSteps!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '进度回退说明 — why the percent went down' })
  regressionReason!: string | null;

  /** The signed-in subject who submitted it (a token subject, not necessarily a directory Person). */
  @Property({ type: 'string', length: 200 })
  @Field({ description: '报送人 — who submitted it' })
  reporter!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: '报送时间 — when it was submitted' })
  submittedAt!: Date;
}
