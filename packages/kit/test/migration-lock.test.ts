import { migrate, openDatabase } from '@county/kit';
import { peopleEntities } from '@county/people';
import { createTestDatabase } from '@county/test-kit';
// the people subgraph's own migrations: a real, long list
import { migrations } from '../../../services/people/src/migrations';

describe('migrations when replicas start together', () => {
  it('apply each migration exactly once; the others wait and find them applied', async () => {
    const database = await createTestDatabase('migration_lock');
    const replicas = await Promise.all(
      [1, 2, 3].map(() => openDatabase(database.url, peopleEntities, migrations)),
    );
    try {
      const applied = await Promise.all(replicas.map((orm) => migrate(orm)));
      const counts = applied.map((names) => names.length).sort((a, b) => a - b);
      // one replica applied them all; the two that waited had nothing left to do
      expect(counts[0]).toBe(0);
      expect(counts[1]).toBe(0);
      expect(counts[2]).toBeGreaterThan(migrations.length);
      const rows = await replicas[0].em
        .fork()
        .execute<{ name: string; times: number }[]>(
          'select name, count(*)::int as times from mikro_orm_migrations group by name having count(*) > 1',
        );
      expect(rows).toEqual([]);
      const [{ n }] = await replicas[0].em
        .fork()
        .execute<{ n: number }[]>('select count(*)::int as n from mikro_orm_migrations');
      expect(n).toBe(counts[2]);
    } finally {
      await Promise.all(replicas.map((orm) => orm.close(true)));
      await database.drop();
    }
  });
});
