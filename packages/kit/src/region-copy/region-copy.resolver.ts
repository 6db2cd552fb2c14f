import 'reflect-metadata';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { z } from 'zod';
import { RegionLevel, regionCodeRule } from '@county/domain';
import type { SubgraphContext } from '../context';
import { entityGroupLoader, entityLoader } from '../entity-loaders';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { DirectoryRegion, OrganizationCopy } from './region-copy.entity';

/** A region as a field resolver of the copy gets it: a full row of the copy, or a key from a reference. */
export type RegionRoot = { code: string } & Partial<Omit<DirectoryRegion, 'code'>>;

@ArgsType()
export class RegionCopyArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level' })
  level?: RegionLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this region' })
  parentCode?: string | null;
}

const regionsArgsRule = z.object({ parentCode: regionCodeRule.optional() });

/**
 * A region from the copy or, when the copy does not have it yet (made in people since the last sync),
 * straight from people: one request per tick for all the misses. Null only when neither knows it.
 */
const byCode = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, DirectoryRegion | null>('DirectoryRegion.readThrough', async (codes) => {
    const copied = await entityLoader(ctx, DirectoryRegion, 'code').loadMany(codes);
    const missing = codes.filter((_, i) => !copied[i] || copied[i] instanceof Error);
    const fetched = missing.length ? await askPeople(ctx, missing) : new Map<string, DirectoryRegion>();
    return codes.map((code, i) => {
      const row = copied[i];
      return row && !(row instanceof Error) ? row : (fetched.get(code) ?? null);
    });
  });

async function askPeople(ctx: SubgraphContext, codes: string[]): Promise<Map<string, DirectoryRegion>> {
  try {
    const regions = await ctx.directory.regionsByCode(codes);
    return new Map(
      regions.map((r) => [
        r.code,
        {
          code: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parent?.code ?? null,
          syncedAt: new Date(),
        },
      ]),
    );
  } catch {
    // people is down too: the copy's answer (none) stands
    return new Map();
  }
}

/** The copy's row for a region, or an error saying the copy does not know it (yet). */
async function copied(ctx: SubgraphContext, region: RegionRoot): Promise<DirectoryRegion> {
  if (region.name !== undefined && region.level !== undefined && region.parentCode !== undefined)
    return region as DirectoryRegion;
  const row = await byCode(ctx).load(region.code);
  if (!row) throw new Error(`Region ${region.code} is not in this subgraph's copy of the directory yet`);
  return row;
}

/**
 * `region(code)`, `regions` and a region's name, level, parent and children answered from this subgraph's
 * copy of people's region tree: people's own fields, shared (`@shareable`) so the gateway can ask here when
 * people is down. Made per subgraph, for that subgraph's `Region` class (see directoryStubs).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function regionCopyResolver(RegionClass: new () => { code: string }): Function {
  @Resolver(() => RegionClass)
  class RegionCopyResolver {
    // not `region` itself: the planner would then root whole queries here while people is up (a longer
    // chain than people's); hidden from the API, the gateway asks it only when people's fetch fails
    @Directive('@shareable')
    @Directive('@inaccessible')
    @Query(() => RegionClass, {
      nullable: true,
      description:
        "行政区划（副本）— region(code) from this subgraph's copy, for the gateway while people is down",
    })
    regionCopy(
      @Arg('code', () => ID) code: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DirectoryRegion | null> {
      parseInput(regionCodeRule, code, 'code');
      return byCode(ctx).load(code);
    }

    @Directive('@shareable')
    @Directive('@inaccessible')
    @Query(() => [RegionClass], {
      description:
        "行政区划列表（副本）— regions(…) from this subgraph's copy, for the gateway while people is down",
    })
    async regionsCopy(@Args() args: RegionCopyArgs, @Ctx() ctx: SubgraphContext): Promise<DirectoryRegion[]> {
      parseInput(regionsArgsRule, { parentCode: args.parentCode ?? undefined }, '');
      // the same answer people gives, so a client cannot tell an unknown parent from a leaf by who answered
      if (args.parentCode && !(await byCode(ctx).load(args.parentCode))) {
        throw notFound('parentCode', `no region has code ${args.parentCode}`);
      }
      const where = {
        ...(args.level ? { level: args.level } : {}),
        ...(args.parentCode ? { parentCode: args.parentCode } : {}),
      };
      return ctx.em
        .createQueryBuilder(DirectoryRegion)
        .where(where)
        .orderBy({ code: 'asc' })
        .execute('all', true);
    }

    @FieldResolver()
    async name(@Root() region: RegionRoot, @Ctx() ctx: SubgraphContext): Promise<string> {
      return (await copied(ctx, region)).name;
    }

    @FieldResolver()
    async level(@Root() region: RegionRoot, @Ctx() ctx: SubgraphContext): Promise<string> {
      return (await copied(ctx, region)).level;
    }

    @FieldResolver()
    async parent(@Root() region: RegionRoot, @Ctx() ctx: SubgraphContext): Promise<DirectoryRegion | null> {
      const { parentCode } = await copied(ctx, region);
      return parentCode ? byCode(ctx).load(parentCode) : null;
    }

    @FieldResolver()
    children(@Root() region: RegionRoot, @Ctx() ctx: SubgraphContext): Promise<DirectoryRegion[]> {
      return entityGroupLoader(ctx, DirectoryRegion, 'parentCode', { code: 'asc' }).load(region.code);
    }
  }
  return RegionCopyResolver;
}

/** An organisation's `name` from this subgraph's copy (shared with people), for its own `Organization` class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function organizationCopyResolver(OrganizationClass: new () => { id: string }): Function {
  @Resolver(() => OrganizationClass)
  class OrganizationCopyResolver {
    @FieldResolver()
    async name(@Root() organization: { id: string }, @Ctx() ctx: SubgraphContext): Promise<string> {
      const name = await organizationName(ctx).load(organization.id);
      if (name === null)
        throw new Error(
          `Organization ${organization.id} is not in this subgraph's copy of the directory yet`,
        );
      return name;
    }
  }
  return OrganizationCopyResolver;
}

/** An organisation's name from the copy or, for one made since the last sync, from people (batched). */
const organizationName = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, string | null>('OrganizationCopy.readThrough', async (ids) => {
    const copied = await entityLoader(ctx, OrganizationCopy, 'id').loadMany(ids);
    const missing = ids.filter((_, i) => !copied[i] || copied[i] instanceof Error);
    const fetched = missing.length
      ? await ctx.directory.names({ organizations: missing }).catch(() => new Map<string, string>())
      : new Map<string, string>();
    return ids.map((id, i) => {
      const row = copied[i];
      return row && !(row instanceof Error) ? row.name : (fetched.get(id) ?? null);
    });
  });
