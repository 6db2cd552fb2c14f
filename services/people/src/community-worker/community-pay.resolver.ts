import {
  Arg,
  Ctx,
  Field,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { assertPerformAction, badInput, parseInput, type SubgraphContext } from '@county/kit';
import { permissions } from '../permissions';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { Region } from '../region/region.entity';
import { CommunityPay } from './community-pay.entity';
import { payScaleOf } from './community-pay';
import { communityPayRule } from './community-worker.rules';

@ObjectType({ description: '社区工作者薪酬标准 — a province’s pay scale for community workers' })
export class CommunityPayScale {
  @Field(() => ID, { description: '省级行政区划代码 — the province (XX0000)' })
  provinceCode!: string;

  @Field(() => Int, { description: '基础工资 — monthly base pay of level 1, yuan' })
  basePay!: number;

  @Field(() => Float, { description: '级差 — the share of the base pay each level above 1 adds' })
  payStep!: number;

  @Field({ description: '本省设定 — set by the province; false: the national default applies' })
  setByProvince!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: '版本 — send it back to change the province’s scale; null while none is set',
  })
  version!: number | null;
}

@InputType({ description: '设定薪酬标准 — one province’s pay scale (role hr)' })
export class CommunityPayInput {
  @Field(() => ID, { description: 'The province: its GB/T 2260 code, two digits and 0000' })
  provinceCode!: string;

  @Field(() => Int, { description: '0–100000 yuan a month' })
  basePay!: number;

  @Field(() => Float, { description: '0–1: 0.05 adds 5 % of the base pay a level' })
  payStep!: number;
}

const asScale = (row: CommunityPay): CommunityPayScale => ({
  provinceCode: row.provinceCode,
  basePay: row.basePay,
  payStep: row.payStep,
  setByProvince: true,
  version: row.version,
});

@Resolver(() => CommunityPayScale)
export class CommunityPayResolver {
  @Query(() => CommunityPayScale, {
    description:
      '社区工作者薪酬标准 — the pay scale of a province: its own where set, the national default otherwise',
  })
  async communityPay(
    @Arg('provinceCode', () => ID) provinceCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityPayScale> {
    parseInput(communityPayRule.shape.provinceCode, provinceCode, 'provinceCode');
    return { provinceCode, ...(await payScaleOf(ctx, provinceCode)) };
  }

  @Mutation(() => CommunityPayScale, {
    description:
      '设定薪酬标准 — a province’s pay scale for community workers; to change a set one, send its version (role hr)',
  })
  async setCommunityPay(
    @Arg('input') input: CommunityPayInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityPayScale> {
    assertPerformAction(ctx, permissions, 'pay-settings.write');
    const data = parseInput(communityPayRule, input, 'input');
    if (!(await ctx.em.count(Region, { code: { $like: `${data.provinceCode.slice(0, 2)}%` } }))) {
      throw badInput(
        'input.provinceCode',
        'exists',
        `no region of the directory lies in ${data.provinceCode}`,
      );
    }
    const existing = await ctx.em.findOne(CommunityPay, { provinceCode: data.provinceCode });
    if (!existing) {
      const created = ctx.em.create(CommunityPay, data);
      await ctx.em.flush();
      return asScale(created);
    }
    if (version === null || version === undefined) {
      throw badInput('version', 'required', 'the province has set its pay scale: send the version you read');
    }
    requireVersion(existing, version);
    ctx.em.assign(existing, { basePay: data.basePay, payStep: data.payStep });
    await flushVersioned(ctx, existing);
    return asScale(existing);
  }
}
