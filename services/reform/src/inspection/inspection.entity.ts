import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';

@Entity({ tableName: 'inspection' })
@Index({ properties: ['year', 'inspectedOn'] })
@ObjectType({
  description:
    '督察 — an on-site inspection (实地督察) of townships and departments: who, where, when, findings',
})
export class Inspection {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'text' })
  @Field({ description: '督察事项 — what was inspected' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '督察日期 — when' })
  inspectedOn!: string;

  /** The year of the day inspected, kept for the year's statistics. */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year inspected' })
  year!: number;

  /** 督察单位: the organisations that inspected (the reform office, the party office …), of the directory. */
  @Property({ type: 'uuid[]' })
  inspectorOrganizationIds!: string[];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '督察组成员 — the inspectors, as the record names them',
  })
  inspectors!: string | null;

  /** Where: the regions visited (townships, villages). */
  @Property({ type: 'text[]' })
  regionCodes!: string[];

  /** 被督察单位: the townships and departments inspected, of the directory. */
  @Property({ type: 'uuid[]' })
  inspectedOrganizationIds!: string[];

  /** The reform tasks whose progress was inspected. */
  @Property({ type: 'uuid[]' })
  taskIds!: string[];

  @Property({ type: 'text' })
  @Field({ description: '督察发现 — the findings' })
  findings!: string;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;
}
