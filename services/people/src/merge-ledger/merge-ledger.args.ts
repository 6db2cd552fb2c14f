import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { DisposalMethod, FacilityKind, FacilityOutcome, IdleAssetKind } from './vocabulary';

@ArgsType()
export class MergeLedgerArgs extends PageArgs {
  @Field(() => ID, {
    description: 'Left by a merge in this region or below: as the merged-away region or as its successor',
  })
  regionCode!: string;
}

@InputType({ description: '登记闲置资产 — an idle premises of a merged-away region, disposed of or not yet' })
export class RecordIdleAssetInput {
  @Field(() => ID, { description: '原区划代码 — the merged-away region that held it' })
  predecessorCode!: string;

  @Field(() => ID, { description: '现区划代码 — the region it went on as (a recorded merge)' })
  successorCode!: string;

  @Field(() => IdleAssetKind)
  kind!: IdleAssetKind;

  @Field({ description: '资产名称 — unique among the region’s assets' })
  name!: string;

  @Field(() => Float, { description: '面积 — square metres, more than 0' })
  area!: number;

  @Field(() => Float, { description: '账面价值 — yuan, with at most 2 decimals' })
  bookValue!: number;

  @Field(() => DisposalMethod, { nullable: true, description: '处置方式 — omit while still idle' })
  disposal?: DisposalMethod;

  @Field(() => DateScalar, {
    nullable: true,
    description: '处置日期 — on or after the merge, not in the future',
  })
  disposedOn?: string;

  @Field(() => Float, {
    nullable: true,
    description: '处置收入 — yuan: required for an auction, none for reuse or transfer',
  })
  proceeds?: number;

  @Field({ nullable: true, description: '承接方/新用途 — required for reuse and transfer' })
  disposedTo?: string;
}

@InputType({ description: '修改闲置资产 — e.g. record its disposal; omitted fields stay' })
export class UpdateIdleAssetInput {
  @Field(() => IdleAssetKind, { nullable: true })
  kind?: IdleAssetKind;

  @Field({ nullable: true })
  name?: string;

  @Field(() => Float, { nullable: true })
  area?: number;

  @Field(() => Float, { nullable: true })
  bookValue?: number;

  @Field(() => DisposalMethod, { nullable: true, description: '处置方式; null clears it' })
  disposal?: DisposalMethod | null;

  @Field(() => DateScalar, { nullable: true, description: '处置日期; null clears it' })
  disposedOn?: string | null;

  @Field(() => Float, { nullable: true, description: '处置收入（元）; null clears it' })
  proceeds?: number | null;

  @Field(() => String, { nullable: true, description: '承接方/新用途; null clears it' })
  disposedTo?: string | null;
}

@InputType({
  description: '登记设施调整 — a school, health centre or elderly-care home of a merged-away region',
})
export class RecordFacilityInput {
  @Field(() => ID, { description: '原区划代码 — the merged-away region it served' })
  predecessorCode!: string;

  @Field(() => ID, { description: '现区划代码 — the region it went on as (a recorded merge)' })
  successorCode!: string;

  @Field(() => FacilityKind)
  kind!: FacilityKind;

  @Field({ description: '设施名称 — unique among the region’s facilities' })
  name!: string;

  @Field(() => FacilityOutcome)
  outcome!: FacilityOutcome;

  @Field({ nullable: true, description: '并入/转为 — required when merged or converted' })
  became?: string;

  @Field(() => DateScalar, { description: '调整日期 — on or after the decision, not in the future' })
  restructuredOn!: string;
}

@InputType({ description: '修改设施调整 — omitted fields stay' })
export class UpdateFacilityInput {
  @Field(() => FacilityKind, { nullable: true })
  kind?: FacilityKind;

  @Field({ nullable: true })
  name?: string;

  @Field(() => FacilityOutcome, { nullable: true })
  outcome?: FacilityOutcome;

  @Field(() => String, {
    nullable: true,
    description: '并入/转为 — required when merged or converted; null clears it',
  })
  became?: string | null;

  @Field(() => DateScalar, { nullable: true })
  restructuredOn?: string;
}
