import {
  createContext,
  createLogger,
  Directory,
  entityGroupLoader,
  entityLoader,
  Identity,
} from '@county/kit';
import { peopleSubgraph, Region } from '@county/people';
import { countStatements, startTestSubgraph, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

/** A fresh request's context, as the subgraph server makes one. */
const request = () =>
  createContext({
    em: people.orm.em.fork(),
    identity: Identity.anonymous,
    requestId: 'entity-loaders-test',
    logger: createLogger('people', 'silent'),
    directory: new Directory(undefined, 'entity-loaders-test'),
  });

/** The rows as the ORM's query builder maps them: what the loaders answered before they were prepared. */
const truth = (where: object, orderBy?: object) => {
  const qb = people.orm.em.fork().createQueryBuilder(Region).where(where);
  if (orderBy) qb.orderBy(orderBy);
  return qb.execute<Region[]>('all', true);
};

describe('entity loaders: one prepared statement per entity and key, whatever the number of keys', () => {
  it('answers as the ORM maps the rows, in the order of the keys, null for a key with no row', async () => {
    const counties = await truth({ level: 'COUNTY' });
    const keys = [counties[0].code, 'no-such-code', '990722'];
    const { result, sql } = await countStatements(people.orm, () =>
      entityLoader(request(), Region, 'code').loadMany(keys),
    );
    const expected = await truth({ code: { $in: keys } });
    expect(result).toEqual([
      expected.find((r) => r.code === keys[0]),
      null,
      expected.find((r) => r.code === '990722'),
    ]);
    expect((result[0] as Region).parentCode).toEqual(expect.any(String));
    expect(sql).toEqual([expect.stringContaining('"code" = any($1)')]);
  });

  it('sends the same statement text for one key and for many (planned once per connection)', async () => {
    const one = await countStatements(people.orm, () =>
      entityLoader(request(), Region, 'code').load('990722'),
    );
    const villages = (await truth({ level: 'VILLAGE' })).slice(0, 40).map((r) => r.code);
    const many = await countStatements(people.orm, () =>
      entityLoader(request(), Region, 'code').loadMany(villages),
    );
    expect(many.result).toHaveLength(40);
    expect(many.result.every((row) => row !== null && !(row instanceof Error))).toBe(true);
    expect(many.sql).toEqual(one.sql);
  });

  it('groups rows under their parent in the order asked, [] for a parent with none', async () => {
    const townships = (await truth({ level: 'TOWNSHIP' })).slice(0, 3).map((r) => r.code);
    const keys = [...townships, '990722999999'];
    const { result, sql } = await countStatements(people.orm, () =>
      entityGroupLoader(request(), Region, 'parentCode', { code: 'desc' }).loadMany(keys),
    );
    for (const [i, township] of townships.entries()) {
      expect(result[i]).toEqual(await truth({ parentCode: township }, { code: 'desc' }));
      expect((result[i] as Region[]).length).toBeGreaterThan(1);
    }
    expect(result[3]).toEqual([]);
    expect(sql).toEqual([expect.stringMatching(/"parent_code" = any\(\$1\) order by "code" desc$/)]);
  });
});
