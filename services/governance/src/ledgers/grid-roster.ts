import {
  assertSignedIn,
  cellRefused,
  cellText,
  defineLedger,
  type FileRoute,
  forbidden,
  givenValues,
  labelledCell,
  type LedgerReadContext,
  ledgerRegion,
  ledgerRoutes,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { GridLevel } from '../vocabulary';
import { Grid } from '../grid/grid.entity';
import { GridMutations } from '../grid/grid.mutations';
import type { CreateGridInput, UpdateGridInput } from '../grid/grid.args';

const SHEET = '网格及网格员名册';
const LEVEL_LABEL: Record<GridLevel, string> = { FIRST: '一级网格', SECOND: '二级网格', THIRD: '三级网格' };

interface Params {
  region: string;
}

interface Lookups {
  /** Grid codes by id (the parent column shows a code) and grid ids by code (import). */
  codeOf: Map<string, string>;
  idOf: Map<string, string>;
  /** Grid workers' names by id, from the directory (export only). */
  names: Map<string, string>;
}

const mutations = new GridMutations();

const splitList = (text: string) =>
  text
    .split(/[、,，;；\s]/)
    .map((part) => part.trim())
    .filter(Boolean);

const inRegion = ({ em, params }: LedgerReadContext<Params>) =>
  em
    .createQueryBuilder(Grid, 'g')
    .where('g.region_code like ?', [`${params.region}%`])
    .orderBy({ code: 'asc' })
    .getResultList();

export const gridRoster = defineLedger<Grid, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '网格编码', width: 20, of: (g) => g.code, assigned: 'system' },
  columns: [
    { header: '网格名称', width: 24, field: 'name', value: (g) => g.name },
    {
      header: '网格层级',
      width: 10,
      field: 'level',
      updatable: false,
      value: (g) => g.level,
      format: (g) => LEVEL_LABEL[g.level],
      parse: (cell) => labelledCell(LEVEL_LABEL, cell),
    },
    { header: '所在区划代码', width: 14, field: 'regionCode', updatable: false, value: (g) => g.regionCode },
    {
      header: '上级网格编码',
      width: 20,
      field: 'parentId',
      optional: true,
      updatable: false,
      value: (g) => g.parentId,
      format: (g, l) => (g.parentId ? (l.codeOf.get(g.parentId) ?? '') : ''),
      parse: (cell, l) => {
        const id = l.idOf.get(cellText(cell));
        if (!id) throw cellRefused('exists', `no grid ${cellText(cell)} in this region`);
        return id;
      },
    },
    {
      header: '网格员',
      width: 20,
      format: (g, l) => g.gridWorkerIds.map((id) => l.names.get(id) ?? '').join('、'),
    },
    {
      header: '网格员人员编号',
      width: 40,
      field: 'gridWorkerIds',
      inputs: ['gridWorkerIds'],
      value: (g) => g.gridWorkerIds,
      format: (g) => g.gridWorkerIds.join('、'),
      whenEmpty: () => [],
      parse: (cell) => splitList(cellText(cell)),
    },
    {
      header: '覆盖户数',
      width: 10,
      field: 'households',
      value: (g) => g.households,
      parse: (cell) => {
        const text = cellText(cell);
        if (!/^\d{1,6}$/.test(text)) throw cellRefused('integer', `${text} is not a number of households`);
        return Number(text);
      },
    },
    {
      header: '对应警格',
      width: 16,
      field: 'policeGridCode',
      optional: true,
      value: (g) => g.policeGridCode,
    },
  ],
  async lookups(purpose, records, context) {
    const grids = await inRegion(context);
    const names =
      purpose === 'export'
        ? await context.directory.names({ people: records.flatMap((g) => g.gridWorkerIds) })
        : new Map<string, string>();
    return {
      codeOf: new Map(grids.map((g) => [g.id, g.code])),
      idOf: new Map(grids.map((g) => [g.code, g.id])),
      names,
    };
  },
  records: inRegion,
  find: (codes, { em }) => em.find(Grid, { code: codes }),
  async create(fields, write) {
    await mutations.createGrid(fields as unknown as CreateGridInput, write);
  },
  async update(grid, changes, _version, write) {
    // a blank 对应警格 keeps the stored police grid, as before an update could clear it
    await mutations.updateGrid(grid.id, givenValues(changes) as UpdateGridInput, write);
  },
});

/**
 * GET /files/grids.xlsx?region=<code>: the grids (网格) of the region with their grid workers (网格员); POST
 * it back with `region` (roles as createGrid / updateGrid: the township, or the county's governance centre):
 * a changed row updates its grid (name, grid workers, households, police grid), a row with an empty 网格编码
 * adds a grid; level, region and parent are fixed once a grid exists.
 */
export const gridRosterRoutes: FileRoute[] = ledgerRoutes(gridRoster, {
  path: 'grids.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: ledgerRegion(query) };
  },
  importParams({ identity, query }) {
    const region = ledgerRegion(query);
    // each row's write checks its own region; a caller who acts for no township or centre has none to write
    if (!identity.townships.length && !identity.departments.length)
      throw forbidden('only a township or the county’s governance centre keeps the grid roster', [
        ...permissions['grid.write'].roles,
      ]);
    return { region };
  },
});
