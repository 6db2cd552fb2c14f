import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';

@ArgsType()
export class DispatchRoundsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度 — rounds of this year' })
  year?: number;

  @Field(() => ID, { nullable: true, description: '区划 — rounds of this region’s reform office' })
  regionCode?: string;
}

@InputType({ description: '开启月调度 — a new monthly dispatch round' })
export class OpenDispatchRoundInput {
  @Field({ description: '调度月份 — `YYYY-MM`' })
  month!: string;

  @Field(() => ID, { description: '区划代码 — the region whose reform office dispatches (a county)' })
  regionCode!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      '调度任务 — the province-supervised key tasks (ReformTask ids, of the month’s year); omitted: the tasks of the region’s previous round',
  })
  taskIds?: string[];
}

@InputType({ description: '登记调度情况 — what was reported, raised and decided for one task' })
export class RecordDispatchEntryInput {
  @Field(() => Int, { description: 'The `version` you read: a change made since then refuses this one' })
  version!: number;

  @Field({ description: '报送情况 — what the lead organisation reported' })
  reported!: string;

  @Field(() => DateScalar, { description: '报送日期 — reported on, not after today' })
  reportedOn!: string;

  @Field(() => String, { nullable: true, description: '存在问题 — the problems raised' })
  problemsRaised?: string;

  @Field(() => String, { nullable: true, description: '调度意见 — what was decided' })
  decisions?: string;
}
