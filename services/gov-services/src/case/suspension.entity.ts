import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { SuspensionReason } from '../vocabulary';

@Entity({ tableName: 'case_suspension' })
@ObjectType({ description: '特别程序 — a suspension: its working days do not count' })
export class CaseSuspension {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Enum({ items: () => SuspensionReason })
  @Field(() => SuspensionReason, { description: '事由 — reason' })
  reason!: SuspensionReason;

  @Property({ type: 'date' })
  @Field({ description: '开始 — first day (YYYY-MM-DD)' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: '结束 — last day; null while running' })
  endedOn!: string | null;
}
