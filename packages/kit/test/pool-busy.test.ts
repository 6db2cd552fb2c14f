import { peopleSubgraph } from '@county/people';
import { startTestSubgraph, type TestSubgraph } from '@county/test-kit';

/*
 * Every connection of the pool busy for longer than the acquire timeout: the request that waited gets an
 * error it can act on (SERVICE_BUSY, retry shortly), not an internal error, and the same request answers
 * once a connection is free again.
 */
let people: TestSubgraph;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, {
    env: { DB_POOL_MAX: 1, DB_POOL_ACQUIRE_TIMEOUT_MS: 300 },
  });
});
afterAll(() => people?.close());

const QUERY = '{ regions(level: COUNTY) { code } }';

it('answers SERVICE_BUSY while the only connection is held, and the same request once it is free', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const taken = new Promise<void>((resolve) => (holding = resolve));
  // a transaction keeps the pool's one connection until it ends
  const holder = people.orm.em.fork().transactional(async (em) => {
    await em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
    holding();
    await held;
  });
  await taken;
  const busy = await people.query<any>(QUERY);
  release();
  await holder;

  expect(busy.errors).toHaveLength(1);
  expect(busy.errors![0].extensions).toMatchObject({ code: 'SERVICE_BUSY', retryAfterSeconds: 1 });
  expect(busy.errors![0].message).toBe('The service is busy: nothing was done; try again in a moment');
  expect(JSON.stringify(busy)).not.toMatch(/knex|pool|acquir|select/i);

  const again = await people.query<any>(QUERY);
  expect(again.errors).toBeUndefined();
  expect(Array.isArray(again.data!.regions)).toBe(true);
});
