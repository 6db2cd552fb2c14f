import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

@Entity({ tableName: 'case_rating' })
@ObjectType({ description: "好差评 — the applicant's rating of a case, with the bad-review follow-up" })
export class CaseRating {
  [OptionalProps]?: 'rectifyByProvisional';

  @PrimaryKey({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '评分 — 1–5; 4–5 satisfied, 1–2 a bad review' })
  score!: number;

  @Property({ type: 'timestamptz' })
  @Field({ description: '评价时间 — rated at' })
  ratedAt!: Date;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: '整改期限 — rectify by (bad reviews)' })
  rectifyBy!: string | null;

  @Property({ type: 'boolean', default: false })
  @Field({
    description:
      '期限按临时日历计算 — the rectification deadline counts days of a year whose official schedule is not entered yet; recomputed when it is',
  })
  rectifyByProvisional: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: '回访时间 — return visit' })
  returnVisitAt!: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: '整改完成 — rectified at' })
  rectifiedAt!: Date | null;
}
