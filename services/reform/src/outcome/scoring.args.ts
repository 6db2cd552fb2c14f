import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { AdoptionLevel, ScoringBasis } from './outcome.vocabulary';

@InputType({ description: '加分规则 — points per item of one basis at one level' })
export class ScoringRuleInput {
  @Field(() => ScoringBasis)
  basis!: ScoringBasis;

  @Field(() => AdoptionLevel)
  level!: AdoptionLevel;

  @Field(() => Float, { description: '分值 — points per item, 0–100' })
  points!: number;
}

@InputType({ description: '登记争取试点 — a pilot an organisation won' })
export class RecordLeadWonInput {
  @Field(() => ID, { description: '单位 — the organisation that won it' })
  organizationId!: string;

  @Field(() => AdoptionLevel, { description: '层级 — PROVINCE or STATE' })
  level!: AdoptionLevel;

  @Field({ description: '试点名称 — the pilot' })
  title!: string;

  @Field(() => DateScalar, { description: '获批日期 — approved on, not after today' })
  wonOn!: string;
}
