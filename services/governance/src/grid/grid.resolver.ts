import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, uuidRule } from '@county/domain';
import { allOf, ConnectionType, entityLoader, pageRows, parseInput } from '@county/kit';
import type { Page, RowFilter, SubgraphContext } from '@county/kit';
import { PersonRef, RegionRef } from '../directory';
import { Grid } from './grid.entity';
import { GridsArgs } from './grid.args';
import { gridsArgsRule } from './grid.rules';

export const GridConnection = ConnectionType(Grid, '网格列表 — a page of grids, ordered by code');

/** The grids matching `args`, a page at a time, ordered by code. */
export function findGrids(ctx: SubgraphContext, args: GridsArgs): Promise<Page<Grid>> {
  parseInput(gridsArgsRule, args, '');
  const filters: RowFilter[] = [];
  if (args.regionCode)
    filters.push({ sql: 'g.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] });
  if (args.level) filters.push({ sql: 'g.level = ?', params: [args.level] });
  if (args.parentId) filters.push({ sql: 'g.parent_id = ?', params: [args.parentId] });
  // `@>`, not `= any(…)`: the array's GIN index answers containment
  if (args.gridWorkerId)
    filters.push({ sql: 'g.grid_worker_ids @> array[?]::text[]', params: [args.gridWorkerId] });
  return pageRows(ctx, Grid, 'g', allOf(...filters), args, 'code', 'id');
}

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { nullable: true, description: '网格 — one grid by id; null when unknown' })
  grid(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Grid | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, Grid, 'id').load(id);
  }

  @Query(() => GridConnection, {
    description: '网格列表 — grids by region (including below), level, parent grid, grid worker',
  })
  grids(@Args() args: GridsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Grid>> {
    return findGrids(ctx, args);
  }

  @FieldResolver(() => RegionRef, {
    description: '所在区划 — the township (level 1) or the village or community (levels 2, 3) it lies in',
  })
  region(@Root() grid: Grid): RegionRef {
    return { code: grid.regionCode };
  }

  @FieldResolver(() => Grid, { nullable: true, description: '上级网格 — the grid directly above' })
  parent(@Root() grid: Grid, @Ctx() ctx: SubgraphContext): Promise<Grid | null> | null {
    return grid.parentId ? entityLoader(ctx, Grid, 'id').load(grid.parentId) : null;
  }

  @FieldResolver(() => [PersonRef], { description: '网格员 — its grid workers' })
  gridWorkers(@Root() grid: Grid): PersonRef[] {
    return grid.gridWorkerIds.map((id) => ({ id }));
  }
}
