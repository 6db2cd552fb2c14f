import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { dateOrIsoRule, daysBefore, regionCodeRule, textRule } from '@county/domain';
import { assertPerformAction, badInput, DateScalar, parseInput, type SubgraphContext } from '@county/kit';
import { Organization } from '../organization/organization.entity';
import { permissions } from '../permissions';
import { Region } from '../region/region.entity';
import { storeMergedOutline } from '../region-boundary/merged-outline';
import { RegionSuccession } from './region-succession.entity';

@InputType({
  description:
    '区划合并 — 撤乡并镇、撤并建制村: regions of one level under one parent merged into one, as a decision says',
})
export class MergeRegionsInput {
  @Field(() => [ID], { description: '被合并的区划 — the regions merged (two or more, existing today)' })
  predecessorCodes!: string[];

  @Field(() => ID, {
    description:
      '合并后的区划 — one of them (it absorbs the others and keeps its code) or a new code beside them',
  })
  successorCode!: string;

  @Field({ nullable: true, description: '名称 — the merged region’s name (required for a new code)' })
  successorName?: string;

  @Field(() => DateScalar, { description: '生效日期 — the first day of the merged region' })
  effectiveOn!: Date;

  @Field({ description: '批准文号 — the decision document' })
  decisionDocument!: string;

  @Field(() => DateScalar, { description: '批准日期 — the day of the decision' })
  decidedOn!: Date;
}

const mergeRule = z
  .object({
    predecessorCodes: z
      .array(regionCodeRule)
      .min(2, { message: 'a merge needs at least two regions' })
      .max(50)
      .refine((codes) => new Set(codes).size === codes.length, { message: 'each region once' }),
    successorCode: regionCodeRule,
    successorName: textRule(100).optional().nullable(),
    effectiveOn: dateOrIsoRule,
    decisionDocument: textRule(200),
    decidedOn: dateOrIsoRule,
  })
  .refine((input) => input.decidedOn <= input.effectiveOn, {
    path: ['decidedOn'],
    message: 'the decision comes on or before the day it takes effect',
  });

/** A child's new code under `parent`: the parent's code and the next 3-digit sequence number free under it. */
async function nextChildCode(em: EntityManager, parent: Region): Promise<string> {
  const rows = await em
    .getConnection()
    .execute<{ max: string | null }[]>(
      `select max(right(code, 3)) as max from region where parent_code = ?`,
      [parent.code],
      'all',
      em.getTransactionContext(),
    );
  const next = Number(rows[0]?.max ?? '0') + 1;
  if (next > 999) throw badInput('input.successorCode', 'capacity', `${parent.code} has no free child code`);
  return `${parent.code}${String(next).padStart(3, '0')}`;
}

/**
 * The regions under `from` (dissolved) recoded under `to`, each with a succession edge, its old self ended
 * the day before; returns old code → new code for everything moved (organisations follow).
 */
async function recodeChildren(
  em: EntityManager,
  from: Region,
  to: Region,
  effectiveOn: string,
  decision: { decisionDocument: string; decidedOn: string },
  moved: Map<string, string>,
): Promise<void> {
  const children = await em.find(
    Region,
    { parentCode: from.code, validTo: null },
    { orderBy: { code: 'asc' } },
  );
  for (const child of children) {
    const code = await nextChildCode(em, to);
    const successor = em.create(Region, {
      code,
      name: child.name,
      level: child.level,
      parentCode: to.code,
      validFrom: effectiveOn,
      validTo: null,
    });
    await em.flush();
    child.validTo = daysBefore(effectiveOn, 1);
    em.create(RegionSuccession, {
      predecessorCode: child.code,
      successorCode: code,
      effectiveOn,
      ...decision,
    });
    moved.set(child.code, code);
    await recodeChildren(em, child, successor, effectiveOn, decision, moved);
  }
}

@Resolver()
export class RegionMergeMutation {
  @Mutation(() => Region, {
    description:
      '合并区划 — merge regions as a decision says (role hr): the merged ones end the day before, their villages are recoded under the successor, organisations move with them, and the past keeps its regions',
  })
  async mergeRegions(@Arg('input') input: MergeRegionsInput, @Ctx() ctx: SubgraphContext): Promise<Region> {
    assertPerformAction(ctx, permissions, 'region.write');
    const merge = parseInput(mergeRule, input, 'input');
    const { effectiveOn, successorCode } = merge;
    const decision = { decisionDocument: merge.decisionDocument, decidedOn: merge.decidedOn };
    return ctx.em.transactional(async (em) => {
      const found = await em.find(Region, { code: merge.predecessorCodes });
      for (const [index, code] of merge.predecessorCodes.entries()) {
        const region = found.find((r) => r.code === code);
        const field = `input.predecessorCodes.${index}`;
        if (!region) throw badInput(field, 'exists', `no region has code ${code}`);
        if (region.validTo !== null)
          throw badInput(
            field,
            'current',
            `${code} ended on ${region.validTo}: only a current region merges`,
          );
        if (region.validFrom !== null && region.validFrom >= effectiveOn)
          throw badInput(field, 'after-start', `${code} begins on ${region.validFrom}, not before the merge`);
        if (region.level !== found[0].level || region.parentCode !== found[0].parentCode)
          throw badInput(field, 'same-parent', 'the merged regions share one level and one parent region');
      }
      const [first] = found;
      let successor = found.find((r) => r.code === successorCode) ?? null;
      if (!successor) {
        if (await em.findOne(Region, { code: successorCode }))
          throw badInput('input.successorCode', 'unique', `region ${successorCode} exists already`);
        if (successorCode.length !== first.code.length || !successorCode.startsWith(first.parentCode ?? ''))
          throw badInput(
            'input.successorCode',
            'same-parent',
            `a new merged region is coded beside the merged ones, under ${first.parentCode}`,
          );
        if (!merge.successorName)
          throw badInput('input.successorName', 'required', 'a new merged region needs its name');
        successor = em.create(Region, {
          code: successorCode,
          name: merge.successorName,
          level: first.level,
          parentCode: first.parentCode,
          validFrom: effectiveOn,
          validTo: null,
        });
      } else if (merge.successorName) successor.name = merge.successorName;
      await em.flush();

      const moved = new Map<string, string>();
      for (const region of found) {
        if (region.code === successor.code) continue;
        region.validTo = daysBefore(effectiveOn, 1);
        em.create(RegionSuccession, {
          predecessorCode: region.code,
          successorCode: successor.code,
          effectiveOn,
          ...decision,
        });
        moved.set(region.code, successor.code);
        await recodeChildren(em, region, successor, effectiveOn, decision, moved);
      }
      await em.flush();
      // organisations (and so their people) move with their region, through the ORM: audited like any write
      const organizations = await em.find(Organization, { regionCode: [...moved.keys()] });
      for (const organization of organizations)
        organization.regionCode = moved.get(organization.regionCode) as string;
      await em.flush();
      await storeMergedOutline(em, successor.code, merge.predecessorCodes, merge.decisionDocument);
      return successor;
    });
  }
}
