import { PersonRole } from '@county/domain';
import { demoOrganizationId } from '@county/demo-data';
import { GridLevel } from '../vocabulary';
import { between } from './draw';
import type { DemoCounty } from './county';

export type GridRow = {
  id: string;
  code: string;
  sequence: number;
  level: GridLevel;
  name: string;
  parent_id: string | null;
  region_code: string;
  grid_worker_ids: string[];
  households: number;
  police_grid_code: string | null;
};

const pad3 = (n: number) => String(n).padStart(3, '0');
const gridId = (code: string) => demoOrganizationId(`governance:grid:${code}`);

/**
 * Three levels, as in 江阴: a first-level grid per township, a second-level grid per village or community, and
 * below it one third-level grid for each of the village's grid workers. Households add up level by level.
 */
export function demoGrids(county: DemoCounty): { grids: GridRow[]; thirdLevel: Map<string, GridRow[]> } {
  const grids: GridRow[] = [];
  const thirdLevel = new Map<string, GridRow[]>();
  for (const township of county.townships) {
    const first: GridRow = {
      id: gridId(`${township.code}-001`),
      code: `${township.code}-001`,
      sequence: 1,
      level: GridLevel.FIRST,
      name: `${township.name}一级网格`,
      parent_id: null,
      region_code: township.code,
      grid_worker_ids: [],
      households: 0,
      police_grid_code: null,
    };
    grids.push(first);
    county.villagesOf.get(township.code)!.forEach((village, v) => {
      const second: GridRow = {
        ...first,
        id: gridId(`${village.code}-001`),
        code: `${village.code}-001`,
        level: GridLevel.SECOND,
        name: `${village.name}二级网格`,
        parent_id: first.id,
        region_code: village.code,
        police_grid_code: `${township.code}-JW${pad3(v + 1)}`,
      };
      const workers = county.peopleIn(village.code, PersonRole.GRID_WORKER);
      const thirds = workers.map((worker, w): GridRow => ({
        ...second,
        id: gridId(`${village.code}-${pad3(w + 2)}`),
        code: `${village.code}-${pad3(w + 2)}`,
        sequence: w + 2,
        level: GridLevel.THIRD,
        name: `${village.name}第${w + 1}网格`,
        parent_id: second.id,
        grid_worker_ids: [worker.id],
        households: between(`${village.code}|households|${w}`, 120, 380),
      }));
      second.households = thirds.reduce((sum, grid) => sum + grid.households, 0);
      first.households += second.households;
      grids.push(second, ...thirds);
      thirdLevel.set(village.code, thirds);
    });
  }
  return { grids, thirdLevel };
}
