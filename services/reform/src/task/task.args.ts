import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { TaskSource, TaskStatus } from '../vocabulary';
import { ReformTaskOrder } from './task-order';

/** The filters of a task list anywhere (the top-level one takes a region too; a region's is its own). */
@ArgsType()
export class ReformTaskListArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度 — of this year' })
  year?: number;

  @Field(() => ID, { nullable: true, description: '专项小组 — of this special group' })
  specialGroupId?: string;

  @Field(() => TaskStatus, { nullable: true, description: '状态 — in this status' })
  status?: TaskStatus;

  @Field(() => Boolean, { nullable: true, description: '滞后 — lagging today (true) or not (false)' })
  lagging?: boolean;

  @Field(() => ReformTaskOrder, {
    nullable: true,
    description:
      '排序 — CODE (the default) or MOST_BEHIND (largest gap between expected and actual progress today first)',
  })
  orderBy?: ReformTaskOrder;

  @Field(() => ID, { nullable: true, description: '牵头单位 — led by this organisation' })
  leadOrganizationId?: string;

  @Field(() => ID, { nullable: true, description: '配合单位 — with this organisation cooperating' })
  cooperatingOrganizationId?: string;

  @Field(() => ID, { nullable: true, description: '挂钩县领导 — linked to this county leader' })
  leaderId?: string;

  @Field(() => Boolean, { nullable: true, description: '重点任务 — key tasks only (true)' })
  keyOnly?: boolean;

  @Field(() => ID, { nullable: true, description: '上级方案 — the tasks of this plan' })
  parentId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only tasks not under a plan (true)' })
  topLevelOnly?: boolean;

  @Field({ nullable: true, description: '名称包含 — title contains this text' })
  search?: string;
}

@ArgsType()
export class ReformTasksArgs extends ReformTaskListArgs {
  @Field(() => ID, { nullable: true, description: '区划 — carried out in this region or anywhere below it' })
  regionCode?: string;
}

@InputType({ description: '新建改革任务 — a new reform task' })
export class CreateReformTaskInput {
  @Field({ description: '任务编号 — unique ledger number' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ID, { nullable: true })
  workPointId?: string;

  @Field(() => ID, { nullable: true, description: 'The plan it belongs to (plans are one level deep)' })
  parentId?: string;

  @Field(() => ID)
  specialGroupId!: string;

  @Field(() => TaskSource)
  source!: TaskSource;

  @Field()
  goal!: string;

  @Field(() => ID, { description: '牵头单位 — an Organization of the directory' })
  leadOrganizationId!: string;

  @Field(() => [ID], { description: '配合单位 — Organizations of the directory' })
  cooperatingOrganizationIds!: string[];

  @Field(() => ID)
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: '挂钩县领导 — a Person of the directory' })
  leaderId?: string;

  @Field({ defaultValue: false })
  keyTask!: boolean;

  @Field(() => DateScalar)
  plannedStart!: string;

  @Field(() => DateScalar)
  plannedEnd!: string;

  @Field(() => Float, { nullable: true })
  weight?: number;
}

@InputType({ description: '修改改革任务 — change a task; omitted fields stay as they are' })
export class UpdateReformTaskInput {
  @Field(() => Int, { description: 'The `version` you read: a change made since then refuses this one' })
  version!: number;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  goal?: string;

  @Field(() => ID, { nullable: true })
  specialGroupId?: string;

  @Field(() => ID, { nullable: true })
  leadOrganizationId?: string;

  @Field(() => [ID], { nullable: true })
  cooperatingOrganizationIds?: string[];

  @Field(() => ID, { nullable: true })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: '挂钩县领导 — the linked county leader; null clears it' })
  leaderId?: string | null;

  @Field({ nullable: true })
  keyTask?: boolean;

  @Field(() => DateScalar, { nullable: true })
  plannedStart?: string;

  @Field(() => DateScalar, { nullable: true })
  plannedEnd?: string;

  @Field(() => TaskStatus, { nullable: true, description: 'Not CLOSED: closing is `closeReformTask`' })
  status?: TaskStatus;

  @Field(() => Float, { nullable: true })
  weight?: number;
}

@InputType({ description: '序时进度节点 — one milestone of a schedule' })
export class MilestoneInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An existing milestone of the task, to keep (and change); omit for a new one',
  })
  id?: string;

  @Field()
  title!: string;

  @Field(() => DateScalar)
  plannedDate!: string;

  @Field(() => Float, { description: 'Share of the task, percent; a schedule’s shares total at most 100' })
  share!: number;

  @Field(() => DateScalar, { nullable: true, description: 'When it was done' })
  completedOn?: string;
}
