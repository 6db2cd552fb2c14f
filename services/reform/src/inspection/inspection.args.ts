import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';

@ArgsType()
export class InspectionsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度 — inspections of this year' })
  year?: number;

  @Field(() => ID, { nullable: true, description: '区划 — inspections that visited this region or below' })
  regionCode?: string;
}

@InputType({ description: '登记督察 — an on-site inspection' })
export class RecordInspectionInput {
  @Field({ description: '督察事项 — what was inspected' })
  title!: string;

  @Field(() => DateScalar, { description: '督察日期 — when, not after today' })
  inspectedOn!: string;

  @Field(() => [ID], { description: '督察单位 — the inspecting organisations' })
  inspectorOrganizationIds!: string[];

  @Field(() => String, { nullable: true, description: '督察组成员 — the inspectors' })
  inspectors?: string;

  @Field(() => [ID], { description: '督察地点 — the regions visited' })
  regionCodes!: string[];

  @Field(() => [ID], { description: '被督察单位 — the townships and departments inspected' })
  inspectedOrganizationIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: '督察任务 — the reform tasks inspected' })
  taskIds!: string[];

  @Field({ description: '督察发现 — the findings' })
  findings!: string;
}
