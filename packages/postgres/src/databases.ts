import { Client } from 'pg';

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One connection to the server's `postgres` database for `work`, closed after. */
export async function withClient<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function checkName(name: string): void {
  if (!NAME.test(name))
    throw new Error(`"${name}" is not a valid database name (lowercase letters, digits, _)`);
}

/** Creates database `name` when it does not exist yet; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  checkName(name);
  await withClient(serverUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  });
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  checkName(name);
  await withClient(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
}

/**
 * Makes `role` (a login with `password`, no other privilege) the owner of database `name` and of
 * everything already in it, and shuts every other ordinary role out of it: a subgraph connects as the role
 * that owns its own database only, never as the superuser. Idempotent; the password is (re)set each time,
 * so the secrets file stays the truth. Returns the database's URL for that role.
 */
export async function ensureOwnerRole(
  serverUrl: string,
  name: string,
  role: string,
  password: string,
): Promise<string> {
  checkName(name);
  checkName(role);
  await withClient(serverUrl, async (client) => {
    const found = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = found.rowCount === 0 ? 'create' : 'alter';
    const { rows } = await client.query<{ sql: string }>(
      `select format('${verb} role %I login password %L nosuperuser nocreatedb nocreaterole noreplication nobypassrls', $1::text, $2::text) as sql`,
      [role, password],
    );
    await client.query(rows[0].sql);
    await client.query(`alter database "${name}" owner to "${role}"`);
    await client.query(`revoke all on database "${name}" from public`);
  });
  // objects made before the role existed (by the superuser) pass to it, so its migrations may alter them
  await withClient(databaseUrl(serverUrl, name), async (client) => {
    await client.query(`alter schema public owner to "${role}"`);
    await client.query(`
      do $$
      declare object record;
      begin
        for object in
          select format('alter %s %s owner to ${role}',
                        case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                       when 'm' then 'materialized view' else 'table' end,
                        c.oid::regclass) as sql
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v', 'm')
             and pg_get_userbyid(c.relowner) <> '${role}'
             and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                        where d.objid = c.oid and d.deptype in ('a', 'i')))
          union all
          select format('alter %s %s owner to ${role}', case p.prokind when 'p' then 'procedure' else 'function' end,
                        p.oid::regprocedure)
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '${role}'
          union all
          select format('alter type %s owner to ${role}', t.oid::regtype)
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
           where n.nspname = 'public' and t.typtype in ('e', 'd')
             and pg_get_userbyid(t.typowner) <> '${role}'
        loop
          execute object.sql;
        end loop;
      end $$`);
  });
  const url = new URL(databaseUrl(serverUrl, name));
  url.username = role;
  url.password = password;
  return url.toString();
}
