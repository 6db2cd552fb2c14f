import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { BulletinVerdict } from './bulletin.vocabulary';

@ArgsType()
export class BulletinsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度 — bulletins of this year' })
  year?: number;

  @Field(() => ID, {
    nullable: true,
    description: '区划 — bulletins of this region’s reform office (and below)',
  })
  regionCode?: string;
}

@InputType({ description: '通报点名 — a unit the bulletin names' })
export class BulletinMentionInput {
  @Field(() => BulletinVerdict, { description: '评价 — commended or lagging' })
  verdict!: BulletinVerdict;

  @Field(() => ID, { description: '单位 — the organisation named' })
  organizationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: '任务 — the reform task concerned; the organisation leads or cooperates on it',
  })
  taskId?: string;

  @Field({ description: '通报事由 — why it is named' })
  note!: string;
}

@InputType({ description: '印发通报 — a bulletin; it takes the next issue number of its region and year' })
export class IssueBulletinInput {
  @Field(() => ID, { description: '区划代码 — the region whose reform office issues it' })
  regionCode!: string;

  @Field(() => DateScalar, { description: '印发日期 — issued on, not after today' })
  issuedOn!: string;

  @Field({ description: '标题 — title' })
  title!: string;

  @Field({ description: '通报内容 — what it says' })
  summary!: string;

  @Field(() => ID, { nullable: true, description: '督察 — the inspection it reports on' })
  inspectionId?: string;

  @Field(() => [BulletinMentionInput], { description: '点名 — the units named (at least one)' })
  mentions!: BulletinMentionInput[];
}

@InputType({ description: '通报督办 — supervision orders for the lagging tasks a bulletin names' })
export class BulletinOrdersInput {
  @Field(() => DateScalar, { description: '整改期限 — rectification deadline, after today' })
  deadline!: string;

  @Field(() => String, {
    nullable: true,
    description: '督办事由 — why; default: the bulletin’s title and the note on the unit',
  })
  reason?: string;
}
