import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@county/kit';
import { Region } from '../region/region.entity';
import { regionPattern } from '../workforce/region-filter';
import { MERGE_LEDGER_STATS } from './merge-ledger-stats.sql';
import { DisposalMethod, FacilityKind, FacilityOutcome, IdleAssetKind } from './vocabulary';

@ObjectType({ description: '闲置资产（按类别） — idle assets of one kind' })
export class IdleAssetKindCount {
  @Field(() => IdleAssetKind)
  kind!: IdleAssetKind;

  @Field(() => Int, { description: '宗数 — assets' })
  assets!: number;

  @Field(() => Int, { description: '已处置 — disposed of' })
  disposed!: number;

  @Field(() => Float, { description: '面积 — square metres' })
  area!: number;

  @Field(() => Float, { description: '账面价值 — yuan' })
  bookValue!: number;
}

@ObjectType({ description: '处置（按方式） — disposals of one method' })
export class DisposalCount {
  @Field(() => DisposalMethod)
  method!: DisposalMethod;

  @Field(() => Int, { description: '宗数 — assets' })
  assets!: number;

  @Field(() => Float, { description: '账面价值 — yuan' })
  bookValue!: number;

  @Field(() => Float, { description: '处置收入 — yuan' })
  proceeds!: number;
}

@ObjectType({ description: '设施调整（按类别和结果） — facilities of one kind with one outcome' })
export class FacilityCount {
  @Field(() => FacilityKind)
  kind!: FacilityKind;

  @Field(() => FacilityOutcome)
  outcome!: FacilityOutcome;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    '合并台账统计 — what the merges in the region and below left: idle assets and their disposal, facilities restructured',
})
export class MergeLedgerStats {
  @Field(() => Int, { description: '闲置资产 — idle assets recorded (宗)' })
  idleAssets!: number;

  @Field(() => Int, { description: '已处置 — of them disposed of' })
  disposed!: number;

  @Field(() => Float, {
    nullable: true,
    description: '处置率 — disposed ÷ idle assets, 0–1; null without assets',
  })
  disposalRate!: number | null;

  @Field(() => Float, { description: '面积 — square metres of all idle assets' })
  area!: number;

  @Field(() => Float, { description: '账面价值 — yuan, all idle assets' })
  bookValue!: number;

  @Field(() => Float, { description: '处置收入 — yuan, rent and auction proceeds' })
  proceeds!: number;

  @Field(() => [IdleAssetKindCount], { description: 'By kind (五站五所, offices …), kinds with assets only' })
  byKind!: IdleAssetKindCount[];

  @Field(() => [DisposalCount], { description: 'By disposal method, methods used only' })
  byDisposal!: DisposalCount[];

  @Field(() => Int, { description: '设施 — schools, health centres and elderly-care homes recorded' })
  facilities!: number;

  @Field(() => Int, { description: '调整设施 — of them merged or converted' })
  facilitiesRestructured!: number;

  @Field(() => [FacilityCount], { description: 'By kind and outcome' })
  byFacility!: FacilityCount[];
}

type Row = MergeLedgerStats & { pattern: string };

@Resolver(() => Region)
export class RegionMergeLedgerResolver {
  @FieldResolver(() => MergeLedgerStats, {
    // nullable: a failure here nulls these figures alone, not the region every domain hangs off
    nullable: true,
    description:
      '合并台账统计 — idle assets left by merges (五站五所, offices …) and their disposal, restructured schools, health centres and elderly-care homes, in the region and below',
  })
  mergeLedgerStats(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<MergeLedgerStats> {
    return ctx.loaders
      .get<string, Row>('MergeLedgerStats', async (patterns) => {
        const rows: Row[] = await ctx.em
          .getConnection()
          .execute(MERGE_LEDGER_STATS, [`{${patterns.join(',')}}`]);
        const byPattern = new Map(rows.map((row) => [row.pattern, row]));
        return patterns.map((pattern) => byPattern.get(pattern)!);
      })
      .load(regionPattern(region.code));
  }
}
