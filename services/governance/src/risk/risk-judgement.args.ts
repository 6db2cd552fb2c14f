import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { RiskLevel } from '../vocabulary';

@ArgsType()
export class RiskVillagesArgs extends PageArgs {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => RiskLevel, { nullable: true, description: 'Only this level; default: every level but NONE' })
  level?: RiskLevel;
}

@InputType({ description: '风险村研判 — judge a village’s risk for a year (replaces an earlier judgement)' })
export class JudgeVillageRiskInput {
  @Field(() => ID, { description: 'A village or community (12 digits)' })
  regionCode!: string;

  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => RiskLevel, { description: '风险等级 — level' })
  level!: RiskLevel;

  @Field(() => [String], { description: '研判理由 — reasons' })
  reasons!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The county leader assigned to defuse it (role COUNTY_LEADER)',
  })
  leaderId?: string;
}
