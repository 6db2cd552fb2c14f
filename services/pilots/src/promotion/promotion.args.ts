import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { PromotionKind } from '../vocabulary';

@InputType({ description: '推广记录 — a promotion record' })
export class PromotionRecordInput {
  @Field(() => PromotionKind)
  kind!: PromotionKind;

  @Field(() => DateScalar)
  happenedOn!: Date;

  @Field({ description: '媒体或单位 — the outlet or the higher-level body' })
  by!: string;

  @Field()
  description!: string;
}

@InputType({ description: '推广 — accepted → promoted, with the record that shows it' })
export class PromotePilotInput {
  @Field(() => Int)
  version!: number;

  @Field(() => PromotionRecordInput)
  record!: PromotionRecordInput;
}
