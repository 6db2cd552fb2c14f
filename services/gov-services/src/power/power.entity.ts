import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { PowerCategory } from './power-vocabulary';

@Entity({ tableName: 'administrative_power' })
@Index({ properties: ['regionCode', 'code'] })
@ObjectType({
  description: '行政权力事项 — an administrative power of a county department, as its 权责清单 lists it',
})
export class AdministrativePower {
  [OptionalProps]?: 'createdAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 6 })
  @Field(() => ID, { description: '所属县级区划 — the county whose list holds the power' })
  regionCode!: string;

  /** The department that holds the power (the people subgraph's Organization). */
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Enum({ items: () => PowerCategory })
  @Field(() => PowerCategory, { description: '权力类别 — category' })
  category!: PowerCategory;

  @Property({ type: 'string', length: 60, unique: true })
  @Field({ description: '权力编码 — code in the county list' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '权力名称 — name' })
  name!: string;

  @Property({ type: 'text' })
  @Field({ description: '设定依据 — legal basis (law, regulation, article)' })
  legalBasis!: string;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'power_delegation' })
@Index({ properties: ['regionCode', 'powerId'] })
@Index({
  name: 'power_delegation_open_unique',
  expression: `create unique index "power_delegation_open_unique" on "power_delegation" ("power_id", "region_code") where "withdrawn_on" is null`,
})
@Check({ name: 'power_delegation_withdrawn_after', expression: '"withdrawn_on" > "delegated_from"' })
@Check({ name: 'power_delegation_taken_up_after', expression: '"taken_up_on" >= "delegated_from"' })
@Check({ name: 'power_delegation_staff', expression: '"staff_trained" >= 0' })
@Index({ properties: ['powerId', 'regionCode'] })
@ObjectType({
  description: '赋权(下放) — a power the county delegates to a township or development zone, from a date',
})
export class PowerDelegation {
  [OptionalProps]?:
    'createdAt' | 'version' | 'staffTrained' | 'takenUpOn' | 'withdrawnOn' | 'withdrawalDocument';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid' })
  powerId!: string;

  @Property({ type: 'string', length: 9 })
  @Field(() => ID, { description: '承接区划 — the township or development zone (9-digit code)' })
  regionCode!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '下放日期 — exercised by the recipient from this day' })
  delegatedFrom!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '赋权文件 — the decision document (文号)' })
  document!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '培训人员 — recipient staff trained to exercise it (承接)' })
  staffTrained: number = 0;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '承接日期 — the day the recipient took it up' })
  takenUpOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '收回日期 — withdrawn (收回): the county exercises it again from this day',
  })
  withdrawnOn: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: '收回文件 — the document withdrawing it' })
  withdrawalDocument: string | null = null;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
