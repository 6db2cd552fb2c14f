import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { DocumentKind, PromotionKind } from './outcome.vocabulary';
import { Outcome } from './outcome.entity';

@Entity({ tableName: 'reform_document' })
@Index({ properties: ['year', 'kind'] })
@ObjectType({ description: '改革文件 — a reform document or an implementing document (配套文件) issued' })
export class ReformDocument {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Enum({ items: () => DocumentKind })
  @Field(() => DocumentKind, { description: '类型 — reform or implementing document' })
  kind!: DocumentKind;

  @Property({ type: 'text' })
  @Field({ description: '文件名称 — title' })
  title!: string;

  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: '文号 — its reference number' })
  documentNumber!: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '印发日期 — issued on' })
  issuedOn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year issued' })
  year!: number;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — the region it was issued in' })
  regionCode!: string;

  @ManyToOne(() => Outcome, {
    mapToPk: true,
    nullable: true,
    fieldName: 'outcome_id',
    index: true,
    deleteRule: 'set null',
  })
  outcomeId!: string | null;

  /** The reform tasks it implements. */
  @Property({ type: 'uuid[]' })
  taskIds!: string[];
}

@Entity({ tableName: 'promotion' })
@Index({ properties: ['year', 'kind'] })
@ObjectType({
  description:
    '宣传推介 — a promotion record: briefing issues, articles, WeChat posts or meetings, with their count',
})
export class Promotion {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Enum({ items: () => PromotionKind })
  @Field(() => PromotionKind, { description: '形式 — briefing, article, post or meeting' })
  kind!: PromotionKind;

  @Property({ type: 'text' })
  @Field({ description: '标题 — title, or what the batch covers' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '媒体/会议 — the outlet or the meeting' })
  outlet!: string | null;

  /** A record may stand for several items of one kind (a month's articles in one column). */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: '数量 — how many items the record stands for' })
  count!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '日期 — published or held on' })
  occurredOn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — the region that promoted' })
  regionCode!: string;

  @ManyToOne(() => Outcome, {
    mapToPk: true,
    nullable: true,
    fieldName: 'outcome_id',
    index: true,
    deleteRule: 'set null',
  })
  outcomeId!: string | null;
}
