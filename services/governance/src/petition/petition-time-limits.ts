import { Arg, Ctx, ID, InputType, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { RegionLevel, textRule } from '@county/domain';
import {
  assertCurrentVersion,
  assertSignedIn,
  entityLoader,
  parseInput,
  staleVersion,
  type SubgraphContext,
} from '@county/kit';
import { regionCodeOf } from '../field-rules';
import { DeadlineUnit } from './petition-vocabulary';
import { PetitionTimeLimits } from './petition-time-limits.entity';
import { assertPetitionBureau } from './petition-access';

/**
 * 信访工作条例 (中共中央、国务院, 2022): whether a petition is accepted is told within 15 days of receiving it; an
 * accepted one is handled (办结) within 60 days, extendable once the head of the office approves by at most 30
 * days. The regulation says 日; this county counts them in working days, as its other administrative deadlines
 * (the design brief); a bureau that reads them as calendar days sets CALENDAR_DAYS. A petitioner who disagrees
 * with the reply may ask for a review (复查) within 30 days of receiving it, and the review's opinion is due
 * within 30 days of the request.
 */
export const REGULATION_LIMITS = {
  acceptDays: 15,
  replyDays: 60,
  extensionMaxDays: 30,
  reviewRequestDays: 30,
  reviewDays: 30,
  unit: DeadlineUnit.WORKING_DAYS,
  basis: '信访工作条例 (2022): 受理告知 15 日, 办结 60 日, 延长不超过 30 日, 复查请求 30 日, 复查 30 日',
} as const;

const countyOf = (regionCode: string) => regionCode.slice(0, 6);

/** The limits a petition of `regionCode` counts with: its county's, or the regulation's. */
export async function timeLimitsFor(ctx: SubgraphContext, regionCode: string): Promise<PetitionTimeLimits> {
  const county = countyOf(regionCode);
  return (
    (await entityLoader(ctx, PetitionTimeLimits, 'regionCode').load(county)) ??
    Object.assign(new PetitionTimeLimits(), {
      regionCode: county,
      ...REGULATION_LIMITS,
      setBy: null,
      setAt: null,
      version: 0,
    })
  );
}

const days = (max: number) => z.number().int().min(1).max(max);

const timeLimitsRule = z.object({
  regionCode: regionCodeOf(RegionLevel.COUNTY),
  acceptDays: days(60),
  replyDays: days(180),
  extensionMaxDays: z.number().int().min(0).max(90),
  reviewRequestDays: days(90),
  reviewDays: days(90),
  unit: z.enum(DeadlineUnit),
  basis: textRule(300),
  version: z.number().int().min(0),
});

@InputType({ description: '信访办理时限 — a county’s petition time limits' })
class PetitionTimeLimitsInput {
  @Field(() => ID, { description: '县级区划 — the county' })
  regionCode!: string;

  @Field(() => Int, { description: '受理告知期限 — days, 1–60' })
  acceptDays!: number;

  @Field(() => Int, { description: '办理期限 — days, 1–180' })
  replyDays!: number;

  @Field(() => Int, { description: '延期上限 — days, 0–90' })
  extensionMaxDays!: number;

  @Field(() => Int, { description: '复查请求期限 — days, 1–90' })
  reviewRequestDays!: number;

  @Field(() => Int, { description: '复查期限 — days, 1–90' })
  reviewDays!: number;

  @Field(() => DeadlineUnit, { description: '计算方式 — working or calendar days' })
  unit!: DeadlineUnit;

  @Field({ description: '依据 — the rule they come from (a local implementing rule, a notice)' })
  basis!: string;

  @Field(() => Int, { description: '版本 — the version read (0 while the regulation’s own apply)' })
  version!: number;
}

@Resolver(() => PetitionTimeLimits)
export class PetitionTimeLimitsResolver {
  @Query(() => PetitionTimeLimits, {
    description: '信访办理时限 — the limits petitions of a county (or a place in it) count with',
  })
  petitionTimeLimits(
    @Arg('regionCode', () => ID) regionCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PetitionTimeLimits> {
    parseInput(
      regionCodeOf(RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE),
      regionCode,
      'regionCode',
    );
    return timeLimitsFor(ctx, regionCode);
  }

  @Mutation(() => PetitionTimeLimits, {
    description:
      '设定信访办理时限 — for petitions registered or accepted from now on (deadlines already set stay); the county’s petitions bureau (信访局)',
  })
  async setPetitionTimeLimits(
    @Arg('input') input: PetitionTimeLimitsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PetitionTimeLimits> {
    assertSignedIn(ctx);
    const data = parseInput(timeLimitsRule, input, 'input');
    await assertPetitionBureau(ctx, 'petition.set-time-limits', data.regionCode);
    const { version, ...limits } = data;
    // the row lock serialises changes to a county's limits; two first settings race on the insert instead
    return ctx.em
      .transactional(async (em: EntityManager) => {
        const found = await em.findOne(
          PetitionTimeLimits,
          { regionCode: data.regionCode },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        assertCurrentVersion(found?.version ?? 0, version);
        const stamp = { setBy: ctx.identity.subject, setAt: new Date() };
        if (found) return em.assign(found, { ...limits, ...stamp });
        return em.create(PetitionTimeLimits, { ...limits, ...stamp });
      })
      .catch((error: unknown) => {
        if (error instanceof UniqueConstraintViolationException) throw staleVersion(1, version);
        throw error;
      });
  }
}
