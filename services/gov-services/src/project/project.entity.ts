import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ProjectKind, ProjectStage } from './project-vocabulary';

@Entity({ tableName: 'investment_project' })
@Index({
  name: 'investment_project_region_prefix_idx',
  expression:
    'create index "investment_project_region_prefix_idx" on "investment_project" ("region_code" text_pattern_ops, "registered_on", "id")',
})
@Check({ name: 'investment_project_investment', expression: '"investment" > 0' })
@Check({
  name: 'investment_project_early_before_first',
  expression: '"early_involvement_on" <= "first_submitted_on"',
})
@ObjectType({
  description: '投资项目 — an investment project carried through its approvals (项目审批全流程代办)',
})
export class InvestmentProject {
  [OptionalProps]?:
    | 'createdAt'
    | 'version'
    | 'stage'
    | 'firstSubmittedOn'
    | 'approvedOn'
    | 'totalWorkingDays'
    | 'onTime'
    | 'calendarProvisional';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 40, unique: true })
  @Field({ description: '项目代码 — the project code from the investment project platform' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '项目名称 — name' })
  name!: string;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '建设地点 — the township or village it is built in' })
  regionCode!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '建设单位 — the enterprise' })
  enterpriseName!: string;

  @Property({ type: 'string', length: 18 })
  @Field({ description: '统一社会信用代码 — the enterprise’s credit code' })
  enterpriseCreditCode!: string;

  @Enum({ items: () => ProjectKind })
  @Field(() => ProjectKind, { description: '项目类型 — kind' })
  kind!: ProjectKind;

  @Property({ type: 'int' })
  @Field(() => Int, { description: '总投资 — total investment in 万元 (10,000 yuan)' })
  investment!: number;

  @Property({ type: 'boolean' })
  @Field({ description: '重大项目 — a major project (every one is to be involved early)' })
  major!: boolean;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '登记日期 — the day the centre took the project on' })
  registeredOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '提前介入 — the day the departments got involved, before the first application',
  })
  earlyInvolvementOn!: string | null;

  @Property({ type: 'uuid', nullable: true, index: true })
  proxyAgentId!: string | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description:
      '目标时限 — the county target in working days (the "2440" kind: 40 for an industrial project)',
  })
  targetDays!: number | null;

  @Enum({ items: () => ProjectStage })
  @Field(() => ProjectStage, { description: '审批阶段 — stage' })
  stage: ProjectStage = ProjectStage.PRE_APPLICATION;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '首次申报 — the first step’s submission' })
  firstSubmittedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '审批完成 — the last step’s approval' })
  approvedOn: string | null = null;

  @Property({ type: 'smallint', nullable: true })
  totalWorkingDays: number | null = null;

  /** Every step approved within its statutory limit; set when the project is approved. */
  @Property({ type: 'boolean', nullable: true })
  onTime: boolean | null = null;

  @Property({ type: 'boolean' })
  @Field({
    description:
      '按临时日历计算 — its working days count days of a year whose official holiday schedule is not entered yet',
  })
  calendarProvisional: boolean = false;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'approval_step' })
@Unique({ name: 'approval_step_project_item_unique', properties: ['projectId', 'itemId'] })
@Unique({ name: 'approval_step_case_id_unique', properties: ['caseId'] })
@Check({ name: 'approval_step_approved_after', expression: '"approved_on" >= "submitted_on"' })
@ObjectType({
  description: '审批环节 — one department’s approval of a project (立项、用地、规划、施工许可 …)',
})
export class ApprovalStep {
  [OptionalProps]?: 'createdAt' | 'version' | 'approvedOn' | 'workingDays' | 'onTime';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid' })
  projectId!: string;

  @Property({ type: 'uuid' })
  itemId!: string;

  /**
   * 办件 — the step's own service case: its acceptance is the submission, its completion the approval, and
   * its working days (net of suspensions) the step's. Null only for steps recorded before steps were cases.
   */
  @Property({ type: 'uuid', nullable: true })
  caseId!: string | null;

  /** The item's version in effect on the submission day: its statutory limit counts for the step. */
  @Property({ type: 'int' })
  itemVersion!: number;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '申报日期 — submitted (accepted) on' })
  submittedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '批复日期 — approved on' })
  approvedOn: string | null = null;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '法定时限 — the statutory limit in working days' })
  limitDays!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, {
    description: '到期日 — the last day within the limit, counted in working days from the submission',
  })
  dueOn!: string;

  @Property({ type: 'smallint', nullable: true })
  workingDays: number | null = null;

  @Property({ type: 'boolean', nullable: true })
  onTime: boolean | null = null;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
