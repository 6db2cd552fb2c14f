import { startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { reformSubgraph } from '@county/reform';
import { chinaDay as todayInChina } from '@county/domain';
import { isoDate } from '../src/dates';
import { lagTolerance } from '../src/config';
import { department } from './fixtures';

// this file's modules are its own: the subgraph below reads a tolerance of 35 points
process.env.REFORM_LAG_TOLERANCE = '35';

/** Reads only (fixtures go in by SQL), so the directory is never asked: an address that answers nothing. */
const NO_DIRECTORY = { url: 'http://127.0.0.1:9/graphql' } as TestSubgraph;

let reform: TestSubgraph;
const [year] = todayInChina().split('-').map(Number);
const TASK = 'a0000000-0000-4000-8000-000000000001';
const GROUP = 'a0000000-0000-4000-8000-000000000002';

beforeAll(async () => {
  reform = await startTestSubgraph(reformSubgraph, { directory: NO_DIRECTORY });
  const sql = (text: string, params: unknown[]) => reform.orm.em.fork().getConnection().execute(text, params);
  await sql(
    `insert into special_group (id, key, name, position, member_organization_ids) values (?, 'g', '测试小组', 1, '{}')`,
    [GROUP],
  );
  await sql(
    `insert into reform_task (id, code, title, year, special_group_id, source, goal, lead_organization_id,
       cooperating_organization_ids, region_code, key_task, planned_start, planned_end, status)
     values (?, 'TOL-1', '容差测试', ?, ?, 'ASSIGNED', '测试', ?, '{}', '990722', false, ?, ?, 'IN_PROGRESS')`,
    [TASK, year, GROUP, department('finance'), isoDate(year - 1, 1, 1), isoDate(year + 1, 12, 31)],
  );
  // 30% was due and is done (no milestone overdue); nothing reported yet: 30 points behind
  await sql(
    `insert into milestone (id, task_id, title, planned_date, share, completed_on) values
       (gen_random_uuid(), ?, '方案', ?, 30, ?), (gen_random_uuid(), ?, '落实', ?, 70, null)`,
    [TASK, isoDate(year - 1, 6, 30), isoDate(year - 1, 6, 20), TASK, isoDate(year + 1, 6, 30)],
  );
});
afterAll(async () => {
  await reform?.close();
  delete process.env.REFORM_LAG_TOLERANCE;
});

it('REFORM_LAG_TOLERANCE decides how far behind a task may be before it lags', async () => {
  expect(lagTolerance()).toBe(35);
  const result = await reform.query<any>(
    `{ reformTask(id: "${TASK}") { early: progress(on: "${isoDate(year - 1, 6, 1)}") { expected lagging } now: progress { expected actual lagging } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.reformTask.early).toEqual({ expected: 0, lagging: false });
  // behind by 30 points: lagging under the default 10, not under 35
  expect(result.data.reformTask.now).toEqual({ expected: 30, actual: 0, lagging: false });
  const lagging = await reform.query<any>(`{ reformTasks(lagging: true) { totalCount } }`);
  expect(lagging.data.reformTasks.totalCount).toBe(0);
});

it('a tolerance that is not a percentage stops the subgraph at start', () => {
  jest.isolateModules(() => {
    process.env.REFORM_LAG_TOLERANCE = 'ten';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lagTolerance: fresh } = require('../src/config') as typeof import('../src/config');
    // (a ConfigError of the isolated module registry's own kit)
    expect(() => fresh()).toThrow(/Invalid configuration: REFORM_LAG_TOLERANCE: must be percentage points/);
    process.env.REFORM_LAG_TOLERANCE = '35';
  });
});
