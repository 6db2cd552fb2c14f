import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';
import {
  assertPerformAction,
  findForUpdate,
  hasSomeValue,
  parseInput,
  presentFields,
  ruleIssue,
  SOME_VALUE_MESSAGE,
  updateRule,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { CadreRank } from '../workforce/vocabulary';
import { Cadre } from './cadre.entity';
import { UpdateCadreInput } from './cadre.args';

const COUNTY_RANKS = new Set([CadreRank.COUNTY_PRINCIPAL, CadreRank.COUNTY_DEPUTY]);

/** A cadre requires rank and mark: a null clears nothing and is refused as `required`. */
const cadreChangesRule = updateRule(
  z.object({ rank: z.enum(CadreRank), countyLeader: z.boolean() }).partial(),
).refine(hasSomeValue, SOME_VALUE_MESSAGE);

/** 县领导 hold a county-level rank: the mark and the rank must agree. */
const cadreRule = z
  .object({ rank: z.enum(CadreRank), countyLeader: z.boolean() })
  .superRefine((cadre, ctx) => {
    if (cadre.countyLeader && !COUNTY_RANKS.has(cadre.rank)) {
      ctx.addIssue({
        ...ruleIssue(
          'county-rank',
          'a county leader holds a county-level rank (COUNTY_PRINCIPAL or COUNTY_DEPUTY)',
        ),
        path: ['countyLeader'],
      });
    }
  });

@Resolver(() => Cadre)
export class CadreMutations {
  @Mutation(() => Cadre, { description: '修改干部档案 — send the version you read (role hr)' })
  async updateCadre(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateCadreInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Cadre> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(cadreChangesRule, presentFields(input), 'input');
    const cadre = await findForUpdate(ctx, Cadre, 'id', id, 'id');
    requireVersion(cadre, version);
    const next = parseInput(
      cadreRule,
      { rank: cadre.rank, countyLeader: cadre.countyLeader, ...changes },
      'input',
    );
    ctx.em.assign(cadre, next);
    await flushVersioned(ctx, cadre);
    return cadre;
  }
}
