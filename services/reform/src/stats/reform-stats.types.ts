import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { OrganizationRef } from '../directory';
import { SpecialGroup } from '../special-group/special-group.entity';
import { TaskStatus } from '../vocabulary';

@ObjectType({ description: '改革任务计数 — counts of reform tasks' })
export class ReformTaskCounts {
  @Field(() => Int, { description: '任务总数 — tasks' })
  total!: number;

  @Field(() => Int, { description: '已完成（含销号） — completed or closed' })
  completed!: number;

  @Field(() => Int, { description: '滞后 — lagging' })
  lagging!: number;

  @Field(() => Float, { description: '序时进度 — mean expected progress of its (top-level) tasks, percent' })
  expectedProgress!: number;

  @Field(() => Float, { description: '实际进度 — mean actual progress of its (top-level) tasks, percent' })
  actualProgress!: number;
}

@ObjectType({ description: '状态计数 — tasks in one status' })
export class ReformStatusCount {
  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '专项小组改革统计 — a special group’s share of the year’s tasks' })
export class ReformGroupStats extends ReformTaskCounts {
  @Field(() => SpecialGroup, { description: '专项小组 — the special group' })
  specialGroup!: SpecialGroup;
}

@ObjectType({ description: '牵头单位改革统计 — the tasks an organisation leads in the year' })
export class ReformOrganizationStats extends ReformTaskCounts {
  @Field(() => OrganizationRef, { description: '牵头单位 — the lead organisation' })
  organization!: OrganizationRef;
}

@ObjectType({ description: '改革统计 — a year’s reform tasks in a region and everything below it' })
export class ReformStats extends ReformTaskCounts {
  @Field(() => Int, { description: '年度 — the year of the tasks' })
  year!: number;

  @Field(() => DateScalar, { description: '统计日 — the date progress and lagging are measured on' })
  asOf!: string;

  @Field(() => [ReformStatusCount], { description: '按状态 — tasks in each status (every status listed)' })
  byStatus!: ReformStatusCount[];

  @Field(() => Float, { description: '完成率 — completed or closed, percent of all tasks' })
  completionRate!: number;

  @Field(() => Int, { description: '未整改督办单 — supervision orders not yet rectified' })
  openSupervisionOrders!: number;

  @Field(() => Int, { description: '逾期督办单 — supervision orders past their deadline and not rectified' })
  overdueSupervisionOrders!: number;

  @Field(() => [ReformGroupStats], { description: '按专项小组 — by special group' })
  bySpecialGroup!: ReformGroupStats[];

  @Field(() => [ReformOrganizationStats], {
    description: '按牵头单位 — by lead organisation, most tasks first',
  })
  byLeadOrganization!: ReformOrganizationStats[];
}
