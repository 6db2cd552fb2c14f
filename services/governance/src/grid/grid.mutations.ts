import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { assertSignedIn, findForUpdate, parseInput, presentFields, requireExisting } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { assertWithin } from '../permissions';
import { Grid } from './grid.entity';
import { CreateGridInput, UpdateGridInput } from './grid.args';
import { checkParent, gridChangesRule, gridRule } from './grid.rules';

const pad3 = (n: number) => String(n).padStart(3, '0');

@Resolver(() => Grid)
export class GridMutations {
  @Mutation(() => Grid, {
    description: '新建网格 — roles: the township it lies in, or the county’s governance centre',
  })
  async createGrid(@Arg('input') input: CreateGridInput, @Ctx() ctx: SubgraphContext): Promise<Grid> {
    assertSignedIn(ctx);
    const data = parseInput(gridRule, input, 'input');
    const parent = data.parentId
      ? await requireExisting(ctx, Grid, 'id', data.parentId, 'input.parentId')
      : null;
    checkParent(data.level, data.regionCode, parent);
    await assertWithin(ctx, 'grid.write', data.regionCode);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    await ctx.directory.requireExisting('input.gridWorkerIds', 'Person', data.gridWorkerIds);
    return ctx.em.transactional(async (em) => {
      // one writer per region at a time, so two new grids never draw the same sequence
      const connection = em.getConnection();
      const context = em.getTransactionContext();
      await connection.execute(
        'select pg_advisory_xact_lock(hashtext(?))',
        [data.regionCode],
        'run',
        context,
      );
      const [{ next }] = await connection.execute<{ next: number }[]>(
        'select coalesce(max(sequence), 0) + 1 as next from grid where region_code = ?',
        [data.regionCode],
        'all',
        context,
      );
      return em.create(Grid, {
        id: crypto.randomUUID(),
        code: `${data.regionCode}-${pad3(next)}`,
        sequence: next,
        level: data.level,
        name: data.name,
        parentId: parent?.id ?? null,
        regionCode: data.regionCode,
        gridWorkerIds: [...new Set(data.gridWorkerIds)],
        households: data.households,
        policeGridCode: data.policeGridCode ?? null,
      });
    });
  }

  @Mutation(() => Grid, {
    description: '修改网格 — name, grid workers, households, police grid; same roles as createGrid',
  })
  async updateGrid(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateGridInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Grid> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(gridChangesRule, presentFields(input), 'input');
    const grid = await findForUpdate(ctx, Grid, 'id', id, 'id');
    await assertWithin(ctx, 'grid.write', grid.regionCode);
    if (changes.gridWorkerIds) {
      await ctx.directory.requireExisting('input.gridWorkerIds', 'Person', changes.gridWorkerIds);
      changes.gridWorkerIds = [...new Set(changes.gridWorkerIds)];
    }
    ctx.em.assign(grid, changes);
    await ctx.em.flush();
    return grid;
  }
}
