import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@county/kit';

@InputType({ description: '新建服务中心 — a county centre, township centre or village service room' })
export class CreateServiceCentreInput {
  @Field(() => ID, { description: '运行单位 — the organisation that runs it' })
  organizationId!: string;

  @Field(() => ID, { description: '所在区划 — county (6 digits), township (9) or village (12): its level' })
  regionCode!: string;

  @Field()
  name!: string;
}

@InputType({ description: '修改服务中心 — give the fields that change' })
export class UpdateServiceCentreInput {
  @Field(() => Int, { description: 'The `version` you read' })
  version!: number;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field({ nullable: true })
  name?: string;
}

@InputType({ description: '新增窗口 — a window of a centre' })
export class CreateServiceWindowInput {
  @Field(() => ID)
  centreId!: string;

  @Field({ description: '窗口号 — unique at the centre, e.g. A01' })
  number!: string;

  @Field()
  name!: string;
}

@InputType({ description: '修改窗口 — give the fields that change' })
export class UpdateServiceWindowInput {
  @Field(() => Int, { description: 'The `version` you read' })
  version!: number;

  @Field({ nullable: true })
  number?: string;

  @Field({ nullable: true })
  name?: string;
}

@InputType({ description: '新增工作人员 — a member of a centre’s staff' })
export class CreateServiceStaffInput {
  @Field(() => ID)
  centreId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: '联系电话 — personal data' })
  phone?: string | null;

  @Field({ description: '岗位 — the post (A岗)' })
  post!: string;

  @Field(() => ID, { nullable: true, description: 'A window of the same centre' })
  windowId?: string | null;

  @Field(() => ID, { nullable: true, description: 'B岗 — a colleague on the same centre’s roster' })
  backupStaffId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '入职日期 — today or earlier (default today)' })
  joinedOn?: Date | null;
}

@InputType({
  description: '修改工作人员 — give the fields that change; null clears `phone`, `windowId`, `backupStaffId`',
})
export class UpdateServiceStaffInput {
  @Field(() => Int, { description: 'The `version` you read' })
  version!: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field({ nullable: true })
  post?: string;

  @Field(() => ID, { nullable: true })
  windowId?: string | null;

  @Field(() => ID, { nullable: true })
  backupStaffId?: string | null;

  @Field({
    nullable: true,
    description:
      'false: left the centre today (`leftOn` for another day); the posts they backed lose their B岗',
  })
  active?: boolean;

  @Field(() => DateScalar, { nullable: true, description: '入职日期 — today or earlier, not after `leftOn`' })
  joinedOn?: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      '离岗日期 — left the centre on this day: today or earlier, not before `joinedOn`; null: back on the roster',
  })
  leftOn?: Date | null;
}
