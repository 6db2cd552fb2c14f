import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DisputeKind } from '../vocabulary';

@ObjectType({ description: '分类统计 — disputes of one kind' })
export class DisputeKindCount {
  @Field(() => DisputeKind, { description: '纠纷类型 — kind' })
  kind!: DisputeKind;

  @Field(() => Int, { description: '调解 — taken on by a mediation organisation' })
  mediated!: number;

  @Field(() => Int, { description: '化解 — resolved' })
  resolved!: number;
}

@ObjectType({ description: '月度统计 — disputes reported in one month (China time)' })
export class DisputeMonthCount {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: '调解 — taken on by a mediation organisation' })
  mediated!: number;

  @Field(() => Int, { description: '化解 — resolved' })
  resolved!: number;
}

@ObjectType({
  description:
    '矛盾纠纷统计 — disputes reported in a period in a region and everything below it, with where their course stands now',
})
export class DisputeStats {
  @Field(() => Int, { description: '登记 — reported in the period' })
  reported!: number;

  @Field(() => Int, { description: '调解 — taken on by a mediation organisation' })
  mediated!: number;

  @Field(() => Int, { description: '化解 — resolved by agreement' })
  resolved!: number;

  @Field(() => Float, {
    nullable: true,
    description: '化解率 — resolved ÷ mediated (0–1); null when none mediated',
  })
  resolutionRate!: number | null;

  @Field(() => Int, { description: '镇村两级化解 — resolved at township or village level' })
  resolvedLocally!: number;

  @Field(() => Float, {
    nullable: true,
    description: '镇村两级化解占比 — resolved at township or village level ÷ resolved (0–1)',
  })
  localResolutionShare!: number | null;

  @Field(() => Float, { nullable: true, description: '平均化解天数 — mean days from report to resolution' })
  averageDaysToResolve!: number | null;

  @Field(() => Float, { nullable: true, description: '80% 化解天数 — 80th percentile of days to resolution' })
  p80DaysToResolve!: number | null;

  @Field(() => Int, {
    description:
      '红色在办 — red disputes still open: registered, mediating, or in joint handling (referred there or convened)',
  })
  openRed!: number;

  @Field(() => Int, { description: '橙色在办 — orange disputes still open, as openRed' })
  openOrange!: number;

  @Field(() => Int, {
    description: '反复重办 — disputes reopened after a return visit found a relapse (counted once each)',
  })
  reopened!: number;

  @Field(() => Int, { description: '已回访 — resolved disputes with at least one return visit' })
  visited!: number;

  @Field(() => Float, { nullable: true, description: '回访覆盖率 — visited ÷ resolved (0–1)' })
  returnVisitCoverage!: number | null;

  @Field(() => Float, { nullable: true, description: '回访满意率 — satisfied visits ÷ visits (0–1)' })
  satisfactionRate!: number | null;

  @Field(() => Int, {
    description:
      '反复 — disputes a return visit found flaring up again, whether reopened since or resolved anew',
  })
  relapses!: number;

  @Field(() => [DisputeKindCount], { description: '按类型 — by kind' })
  byKind!: DisputeKindCount[];

  @Field(() => [DisputeMonthCount], { description: '按月 — by month reported' })
  byMonth!: DisputeMonthCount[];
}
