import { FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonRef, RegionRef, personRef } from '../directory';
import { RiskJudgement } from './risk-judgement.entity';

@Resolver(() => RiskJudgement)
export class RiskJudgementResolver {
  @FieldResolver(() => RegionRef, { description: '村(社区) — the village judged' })
  village(@Root() judgement: RiskJudgement): RegionRef {
    return { code: judgement.regionCode };
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: '包联县领导 — the county leader assigned' })
  leader(@Root() judgement: RiskJudgement): PersonRef | null {
    return personRef(judgement.leaderId);
  }
}
