import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Pilot } from '../pilot/pilot.entity';

@Entity({ tableName: 'pilot_evaluation' })
@ObjectType({ description: '第三方评估 — a third-party evaluation of a pilot, with its satisfaction survey' })
export class Evaluation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Pilot, { mapToPk: true, fieldName: 'pilot_id', index: true, deleteRule: 'cascade' })
  pilotId!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '评估机构 — the evaluator (a Party school, a university …)' })
  evaluator!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '评估日期 — date' })
  evaluatedOn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '发放问卷 — questionnaires issued' })
  questionnairesIssued!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '回收问卷 — questionnaires returned' })
  questionnairesReturned!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '非常满意 — very satisfied' })
  verySatisfied!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '满意 — satisfied' })
  satisfied!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '一般 — neutral' })
  neutral!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '不满意 — dissatisfied' })
  dissatisfied!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '非常不满意 — very dissatisfied' })
  veryDissatisfied!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: '评估得分 — score, 0–100' })
  score!: number;
}
