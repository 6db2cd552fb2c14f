import { Pool, type PoolClient } from 'pg';

/**
 * The registry's own database, in plain SQL: four tables and no ORM (nothing here is an entity with
 * behaviour). Migrations are applied in order at start, each once, under a lock so two registries
 * starting together do not race.
 */
const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: '20261205-registry',
    sql: `
      create table subgraph (
        name text primary key,
        -- composition order: the order of first publication (npm start publishes the registry's order)
        position serial not null unique,
        created_at timestamptz not null default now());
      create table supergraph (
        version integer primary key,
        sdl text not null,
        -- subgraph name → the version of it composed here
        members jsonb not null,
        subgraph text not null,
        subgraph_version integer not null,
        composed_at timestamptz not null default now());
      create table subgraph_version (
        subgraph text not null references subgraph (name),
        version integer not null,
        sdl text not null,
        routing_url text not null,
        publisher text not null,
        published_at timestamptz not null default now(),
        supergraph_version integer not null references supergraph (version),
        rollback_of integer null,
        -- the API changes it made (who changed what), and the warnings it passed with
        changes jsonb not null default '[]',
        warnings jsonb not null default '[]',
        primary key (subgraph, version));
      -- one row per client, operation, coordinate and day: bounded by the window, never one per request
      create table usage_count (
        day date not null,
        coordinate text not null,
        client text not null,
        operation text not null,
        count bigint not null check (count > 0),
        primary key (day, coordinate, client, operation));
      create index usage_count_coordinate_index on usage_count (coordinate);`,
  },
];

export async function openRegistryDatabase(url: string, max = 5): Promise<Pool> {
  const pool = new Pool({ connectionString: url, max });
  // an idle client's error (the server restarted) must not crash the process; the next query reconnects
  pool.on('error', () => undefined);
  await inTransaction(pool, async (client) => {
    await client.query(`select pg_advisory_xact_lock(hashtext('schema-registry-migrations'))`);
    await client.query(
      `create table if not exists registry_migration (name text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await client.query<{ name: string }>('select name from registry_migration')).rows.map((r) => r.name),
    );
    for (const migration of MIGRATIONS) {
      if (done.has(migration.name)) continue;
      await client.query(migration.sql);
      await client.query('insert into registry_migration (name) values ($1)', [migration.name]);
    }
  });
  return pool;
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
