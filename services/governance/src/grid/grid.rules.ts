import { z } from 'zod';
import { RegionLevel, textRule, uuidRule } from '@county/domain';
import { badInput, hasSomeValue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { GridLevel } from '../vocabulary';
import { anyRegionCode, regionProblem } from '../field-rules';
import { isWithin } from '../within';
import type { Grid } from './grid.entity';

const gridWorkersRule = z.array(uuidRule).max(20);
const householdsRule = z.number().int().min(0).max(100000);
const policeGridRule = z.string().trim().min(1).max(32).nullish();

export const gridRule = z
  .object({
    level: z.enum(GridLevel),
    name: textRule(100),
    regionCode: z.string(),
    parentId: uuidRule.nullish(),
    gridWorkerIds: gridWorkersRule,
    households: householdsRule,
    policeGridCode: policeGridRule,
  })
  .superRefine((grid, ctx) => {
    // a first-level grid covers a township; the grids below it lie in one village or community
    const level = grid.level === GridLevel.FIRST ? RegionLevel.TOWNSHIP : RegionLevel.VILLAGE;
    const problem = regionProblem(grid.regionCode, [level]);
    if (problem) ctx.addIssue({ ...problem, path: ['regionCode'] });
  });

/** Only the police grid may be cleared with null: a grid requires the rest. */
export const gridChangesRule = updateRule(
  z.object({
    name: textRule(100).optional(),
    gridWorkerIds: gridWorkersRule.optional(),
    households: householdsRule.optional(),
    policeGridCode: policeGridRule,
  }),
).refine(hasSomeValue, SOME_VALUE_MESSAGE);

export const gridsArgsRule = z.object({
  regionCode: anyRegionCode.nullish(),
  parentId: uuidRule.nullish(),
  gridWorkerId: uuidRule.nullish(),
});

const PARENT_LEVEL: Record<GridLevel, GridLevel | null> = {
  [GridLevel.FIRST]: null,
  [GridLevel.SECOND]: GridLevel.FIRST,
  [GridLevel.THIRD]: GridLevel.SECOND,
};

/** A first-level grid has no parent; a second-level one sits in a first-level one, a third in a second. */
export function checkParent(level: GridLevel, regionCode: string, parent: Grid | null): void {
  const expected = PARENT_LEVEL[level];
  if (expected === null) {
    if (parent) throw badInput('input.parentId', 'no-parent', 'a first-level grid has no parent grid');
    return;
  }
  if (!parent) {
    throw badInput('input.parentId', 'required', `a ${level.toLowerCase()}-level grid needs a parent grid`);
  }
  if (parent.level !== expected) {
    throw badInput(
      'input.parentId',
      'parent-level',
      `the parent of a ${level.toLowerCase()}-level grid must be a ${expected.toLowerCase()}-level grid`,
    );
  }
  if (!isWithin(regionCode, parent.regionCode)) {
    throw badInput(
      'input.regionCode',
      'within-parent',
      `must lie in the parent grid's region ${parent.regionCode}`,
    );
  }
}
