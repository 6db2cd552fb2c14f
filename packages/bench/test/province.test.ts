import pg from 'pg';
import { parseConfig } from '@county/kit';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import { benchConfigSchema, deadlineSeconds, loadSeconds } from '../src/config';
import { provinceLoadEnvironment, provinceSeedEnvironment, provinceShape } from '../src/province';

/*
 * The bench's province in small mode: the shape BENCH_PROVINCE_COUNTIES asks for, and the gov-services bulk
 * load run with it (56 counties, the further cities' cases at a hundredth of the city's) into a test
 * database: the province's rollup rows are its cities' together.
 */
const config = (env: Record<string, string>) => parseConfig(benchConfigSchema, env);

describe('the bench province', () => {
  it('has at least BENCH_PROVINCE_COUNTIES counties, in further cities of 11 beside the city', () => {
    const shape = provinceShape(config({}))!;
    expect(shape).toEqual({ cities: 5, counties: 55, demoCounties: 45, caseScale: 0.2 });
    expect(provinceShape(config({ BENCH_PROVINCE_COUNTIES: '50', BENCH_GOV_COUNTIES: '11' }))?.counties).toBe(
      55,
    );
    expect(provinceShape(config({ BENCH_PROVINCE_COUNTIES: '0' }))).toBeUndefined();
    expect(provinceShape(config({ BENCH_GOV_SERVICES: 'false' }))).toBeUndefined();
    expect(provinceShape(config({ BENCH_PROVINCE_COUNTIES: '330' }))?.cities).toBe(30);
    expect(() => provinceShape(config({ BENCH_PROVINCE_COUNTIES: '330', BENCH_GOV_COUNTIES: '1' }))).toThrow(
      /needs 31 cities/,
    );
    expect(provinceSeedEnvironment(shape)).toEqual({
      DEMO_PROVINCE_CITIES: '5',
      DEMO_PROVINCE_CITY_COUNTIES: '11',
    });
  });

  it('gives the province its measured windows and their time', () => {
    const without = config({ BENCH_PROVINCE_COUNTIES: '0' });
    const withProvince = config({});
    expect(loadSeconds(withProvince) - loadSeconds(without)).toBe(5 * (3 + 10));
    expect(deadlineSeconds(withProvince)).toBeGreaterThan(deadlineSeconds(without) + 900);
  });

  describe('the gov-services bulk load with the province, small', () => {
    let database: TestDatabase;
    const printed: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase('bench_province');
      // the city of one county (not the bench's 11): only the province is measured here
      const shape = provinceShape(
        config({ BENCH_GOV_COUNTIES: '1', BENCH_PROVINCE_COUNTIES: '50', BENCH_PROVINCE_CASE_SCALE: '0.01' }),
      )!;
      expect(shape).toMatchObject({ cities: 6, counties: 56 });
      Object.assign(process.env, {
        DATABASE_URL: database.url,
        BENCH_COUNTIES: '1',
        ...provinceLoadEnvironment(shape),
      });
      jest.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
      const failed: string[] = [];
      jest.spyOn(console, 'error').mockImplementation((line: unknown) => void failed.push(String(line)));
      jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
      // the load is a process's main: it runs on import and prints one JSON line when done (a require, as
      // jest runs it: its import() would bypass the transform)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => require('../../../services/gov-services/src/seeders/bench-load'));
      for (let waited = 0; !printed.length && !failed.length && waited < 170_000; waited += 200)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(failed).toEqual([]);
    }, 180_000);
    afterAll(async () => {
      jest.restoreAllMocks();
      await database?.drop();
    });

    it('loads 56 counties, and the province rows are its cities together', async () => {
      const figures = JSON.parse(printed[0]) as { provinceCounties: number; cases: number };
      expect(figures.provinceCounties).toBe(56);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ code: string; received: number }>(
          `select region_code as code, sum(received)::int as received from rollup_month
            where region_code like '99__00' group by 1 order by 1`,
        );
        const cities = rows.filter((r) => r.code !== '990000');
        expect(cities.map((r) => r.code)).toEqual([
          '990100',
          '990200',
          '990300',
          '990400',
          '990500',
          '990700',
        ]);
        expect(rows.find((r) => r.code === '990000')?.received).toBe(
          cities.reduce((s, r) => s + r.received, 0),
        );
        expect(cities.every((r) => r.received > 0)).toBe(true);
        // the further cities at a hundredth of the city's cases per county
        expect(cities.find((r) => r.code === '990100')!.received).toBeLessThan(cities.at(-1)!.received / 5);
      } finally {
        await client.end();
      }
    });
  });
});
