import { PreparedRead } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { countStatements, startTestSubgraph, type TestSubgraph } from '@county/test-kit';

let people: TestSubgraph;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
});
afterAll(() => people.close());

const REGIONS_UNDER = new PreparedRead<{ n: number }>(
  'select count(*)::int as n from region where code like ? and level = ?',
);
/** Lists the statements prepared on the connection it runs on: itself, when it is prepared there. */
const PREPARED_HERE = new PreparedRead<{ name: string; from_sql: boolean }>(
  'select name, from_sql from pg_prepared_statements where statement like ?',
);

describe('PreparedRead: a read planned once per connection', () => {
  it('answers as an unprepared statement does, for each set of values, and counts as a statement', async () => {
    const em = people.orm.em.fork();
    for (const [pattern, level] of [
      ['9907%', 'TOWNSHIP'],
      ['990722%', 'VILLAGE'],
      ['9907%', 'COUNTY'],
    ]) {
      const [truth] = await em
        .getConnection()
        .execute<{ n: number }[]>('select count(*)::int as n from region where code like ? and level = ?', [
          pattern,
          level,
        ]);
      const { result, sql } = await countStatements(people.orm, () =>
        REGIONS_UNDER.run(em, [pattern, level]),
      );
      expect(truth.n).toBeGreaterThan(0);
      expect(result).toEqual([truth]);
      expect(sql).toEqual([expect.stringContaining('code like $1 and level = $2')]);
    }
  });

  it('is prepared under a name of its own on the connection it runs on', async () => {
    const rows = await PREPARED_HERE.run(people.orm.em.fork(), ['%pg_prepared_statements%']);
    expect(rows).toEqual([{ name: expect.stringMatching(/^read_[0-9a-f]{20}$/), from_sql: false }]);
  });

  it('inside a transaction runs on the transaction’s connection', async () => {
    await people.orm.em
      .fork()
      .transactional(async (em) => {
        // a region the transaction created is visible only on its own connection
        await em.execute(
          "insert into region (code, name, level, parent_code) values ('990722999', '试验镇', 'TOWNSHIP', '990722')",
        );
        const [row] = await REGIONS_UNDER.run(em, ['990722999%', 'TOWNSHIP']);
        expect(row.n).toBe(1);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    const [after] = await REGIONS_UNDER.run(people.orm.em.fork(), ['990722999%', 'TOWNSHIP']);
    expect(after.n).toBe(0);
  });

  it('runs unnamed when prepared statements are off (behind a pooler in transaction mode)', async () => {
    const marker = `unnamed_${Date.now()}`;
    const read = new PreparedRead<{ n: number }>(`select 1 as n, '${marker}' as marker`);
    const preparedOnThisConnection = async () =>
      people.orm.em.fork().transactional(async (em) => {
        await read.run(em, []);
        const rows = await em.execute<{ n: number }[]>(
          'select count(*)::int as n from pg_prepared_statements where statement like ?',
          [`%${marker}%`],
        );
        return rows[0].n;
      });
    PreparedRead.enabled = false;
    try {
      expect(await preparedOnThisConnection()).toBe(0);
    } finally {
      PreparedRead.enabled = true;
    }
    // the same statement, on the same kind of call, is named when they are on
    expect(await preparedOnThisConnection()).toBe(1);
  });
});
