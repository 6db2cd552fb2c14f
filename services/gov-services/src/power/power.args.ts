import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { PowerCategory } from './power-vocabulary';

@ArgsType()
export class AdministrativePowersArgs extends PageArgs {
  @Field(() => ID, { description: 'The county (6 digits) whose list (权责清单) to read' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: 'Only this department’s powers' })
  organizationId?: string;

  @Field(() => PowerCategory, { nullable: true })
  category?: PowerCategory;

  @Field({ nullable: true, description: 'Name contains this text' })
  name?: string;
}

@ArgsType()
export class PowerDelegationsArgs extends PageArgs {
  @Field(() => ID, { description: 'A county, or one township or development zone' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: 'Only delegations of this power' })
  powerId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: '在用 — true: only delegations in effect today; false: only withdrawn ones',
  })
  inEffect?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      '下放未用 — only delegations in effect today, delegated at least this many months ago, with no case handled under them',
  })
  idleMonths?: number;
}

@InputType({ description: '新增权力事项 — add a power to the county list' })
export class CreateAdministrativePowerInput {
  @Field(() => ID, { description: 'The county (6 digits)' })
  regionCode!: string;

  @Field(() => ID, { description: '实施部门 — the department holding it' })
  organizationId!: string;

  @Field(() => PowerCategory)
  category!: PowerCategory;

  @Field({ description: '权力编码 — 6–60 digits, capitals or hyphens' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: '设定依据 — the law or regulation, article' })
  legalBasis!: string;
}

@InputType({ description: '事项关联权力 — the power a service item implements (null: none)' })
export class LinkServiceItemPowerInput {
  @Field(() => Int, { description: 'The `version` of the item you read' })
  version!: number;

  @Field(() => ID, { nullable: true })
  powerId?: string | null;
}

@InputType({ description: '赋权 — delegate a power to a township or development zone' })
export class DelegatePowerInput {
  @Field(() => ID)
  powerId!: string;

  @Field(() => ID, { description: 'The township or development zone (9 digits) in the power’s county' })
  regionCode!: string;

  @Field(() => DateScalar, { description: '下放日期 — exercised by the recipient from this day' })
  delegatedFrom!: Date;

  @Field({ description: '赋权文件 — the decision document (文号)' })
  document!: string;
}

@InputType({ description: '承接 — the recipient took the power up' })
export class RecordDelegationUptakeInput {
  @Field(() => Int, { description: 'The `version` of the delegation you read' })
  version!: number;

  @Field(() => Int, { description: '培训人员 — staff trained to exercise it (1–500)' })
  staffTrained!: number;

  @Field(() => DateScalar, { description: '承接日期 — on or after the delegation, not in the future' })
  takenUpOn!: Date;
}

@InputType({ description: '收回 — withdraw a delegation from a date; the record stays' })
export class WithdrawPowerDelegationInput {
  @Field(() => Int, { description: 'The `version` of the delegation you read' })
  version!: number;

  @Field(() => DateScalar, { description: '收回日期 — after the delegation’s date' })
  withdrawnOn!: Date;

  @Field({ description: '收回文件 — the document withdrawing it' })
  document!: string;
}
