import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { AdoptionLevel, DocumentKind, OutcomeKind, PromotionKind } from './outcome.vocabulary';

@ArgsType()
export class OutcomesArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度 — entered in this year' })
  year?: number;

  @Field(() => Boolean, {
    nullable: true,
    description: '入选 — only selected highlights (true) or the others',
  })
  selected?: boolean;

  @Field(() => AdoptionLevel, { nullable: true, description: '采纳层级 — adopted at this level' })
  adoptedAt?: AdoptionLevel;

  @Field(() => ID, { nullable: true, description: '区划 — from this region or below' })
  regionCode?: string;
}

@InputType({ description: '出圈标准 — one criterion of the year' })
export class OutcomeCriterionInput {
  @Field({ description: '标识 — short key, e.g. `replicable`' })
  key!: string;

  @Field({ description: '标准 — the criterion' })
  name!: string;
}

@InputType({ description: '登记改革成果 — an outcome or showcase case for the library' })
export class RecordOutcomeInput {
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Field({ description: '名称 — title' })
  title!: string;

  @Field(() => OutcomeKind, { description: '类型 — outcome or showcase case' })
  kind!: OutcomeKind;

  @Field({ description: '主要做法 — what was done, what it achieved' })
  summary!: string;

  @Field(() => ID, { description: '区划代码 — where it comes from' })
  regionCode!: string;

  @Field(() => ID, { description: '牵头单位 — the organisation that produced it' })
  leadOrganizationId!: string;

  @Field(() => [ID], { defaultValue: [], description: '关联任务 — the reform tasks it grew out of' })
  taskIds!: string[];
}

@InputType({ description: '成果评定 — which of the year’s criteria it meets, and whether it is selected' })
export class JudgeOutcomeInput {
  @Field(() => Int, { description: 'The `version` you read: a change made since then refuses this one' })
  version!: number;

  @Field(() => [String], { description: '符合标准 — the keys of the criteria it meets' })
  criteriaMet!: string[];

  @Field({ description: '入选出圈项目库 — selected as a highlight' })
  selected!: boolean;
}

@InputType({ description: '上级采纳 — a higher level took the practice up' })
export class RecordAdoptionInput {
  @Field(() => AdoptionLevel)
  level!: AdoptionLevel;

  @Field({ description: '采纳机关 — who' })
  adoptedBy!: string;

  @Field(() => DateScalar, { description: '采纳日期 — when, not after today' })
  adoptedOn!: string;

  @Field(() => String, { nullable: true, description: '采纳形式 — how' })
  note?: string;
}

@InputType({ description: '复制推广 — the practice replicated elsewhere' })
export class RecordReplicationInput {
  @Field({ description: '推广范围 — where, as reported' })
  scope!: string;

  @Field(() => Int, { description: '镇数 — towns' })
  towns!: number;

  @Field(() => Int, { description: '村数 — villages' })
  villages!: number;

  @Field(() => DateScalar, { description: '统计日期 — recorded on, not after today' })
  recordedOn!: string;
}

@InputType({ description: '登记改革文件 — a reform or implementing document issued' })
export class RecordDocumentInput {
  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field({ description: '文件名称 — title' })
  title!: string;

  @Field(() => String, { nullable: true, description: '文号 — reference number' })
  documentNumber?: string;

  @Field(() => DateScalar, { description: '印发日期 — issued on, not after today' })
  issuedOn!: string;

  @Field(() => ID, { description: '区划代码 — where it was issued' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: '成果 — the outcome it implements or records' })
  outcomeId?: string;

  @Field(() => [ID], { defaultValue: [], description: '关联任务 — the tasks it implements' })
  taskIds!: string[];
}

@InputType({ description: '登记宣传推介 — briefing issues, articles, posts or a meeting' })
export class RecordPromotionInput {
  @Field(() => PromotionKind)
  kind!: PromotionKind;

  @Field({ description: '标题 — title or what the batch covers' })
  title!: string;

  @Field(() => String, { nullable: true, description: '媒体/会议 — the outlet or meeting' })
  outlet?: string;

  @Field(() => Int, { defaultValue: 1, description: '数量 — items the record stands for (1–1000)' })
  count!: number;

  @Field(() => DateScalar, { description: '日期 — published or held on, not after today' })
  occurredOn!: string;

  @Field(() => ID, { description: '区划代码 — the region that promoted' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: '成果 — the outcome promoted' })
  outcomeId?: string;
}
