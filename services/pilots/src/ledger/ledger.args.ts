import { Field, InputType } from 'type-graphql';

@InputType({ description: '台账月报 — a monthly ledger entry' })
export class LedgerEntryInput {
  @Field({ description: 'The month reported, YYYY-MM; not a future month' })
  month!: string;

  @Field({ description: '进展情况 — progress' })
  progress!: string;

  @Field({ nullable: true, description: '存在问题 — problems' })
  problems?: string;

  @Field({ nullable: true, description: '下步计划 — next steps' })
  nextSteps?: string;
}
