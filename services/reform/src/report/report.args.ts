import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: '报送进展 — a progress report of a task for one period' })
export class SubmitProgressReportInput {
  @Field(() => ID)
  taskId!: string;

  @Field({ description: '`2019-03` (monthly) or `2019-Q1` (quarterly: key tasks linked to a county leader)' })
  period!: string;

  @Field(() => Int, { description: 'Percent complete, 0–100' })
  percent!: number;

  @Field({ description: '本期完成情况 — what was done' })
  done!: string;

  @Field({ defaultValue: '', description: '存在问题 — problems' })
  problems!: string;

  @Field({ defaultValue: '', description: '下步打算 — next steps' })
  nextSteps!: string;

  @Field({ nullable: true, description: 'Required when the percent is lower than the previous report’s' })
  regressionReason?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Milestones of the task done in this period' })
  completedMilestoneIds!: string[];
}
