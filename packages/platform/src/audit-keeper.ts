import { Client } from 'pg';
import { databaseUrl } from '@county/postgres';

const NAME = /^[a-z_][a-z0-9_]{0,50}$/;

/**
 * The audit trail's table and functions belong to a role that cannot log in (`<database>_audit`); the
 * subgraph's own role may only read the trail and append to it. So the role a subgraph connects as can
 * no longer disable the append-only trigger, replace the hash function or rewrite a record (it could,
 * as the owner of everything in its database). Run after the subgraph's migrations; the next start
 * hands the objects back to the owner first (`ensureOwnerRole`), so a migration may still change them.
 */
export async function lockAuditTrail(serverUrl: string, database: string, owner: string): Promise<void> {
  if (!NAME.test(database) || !NAME.test(owner)) throw new Error(`not a plain name: ${database}, ${owner}`);
  const keeper = `${database}_audit`;
  const client = new Client({ connectionString: databaseUrl(serverUrl, database) });
  await client.connect();
  try {
    await client.query('begin');
    const found = await client.query('select 1 from pg_roles where rolname = $1', [keeper]);
    if (!found.rowCount) await client.query(`create role "${keeper}" nologin`);
    await client.query(`alter table audit_record owner to "${keeper}"`);
    for (const fn of [
      'audit_record_hash(text, bigint, timestamptz, text, text[], text, text, text, text, jsonb, jsonb)',
      'audit_record_chain()',
      'audit_record_append_only()',
    ])
      await client.query(`alter function ${fn} owner to "${keeper}"`);
    await client.query(`grant select, insert on audit_record to "${owner}"`);
    await client.query(`grant usage on sequence audit_record_seq_seq to "${owner}"`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
