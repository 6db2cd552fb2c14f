import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail's table, its hash chain and its append-only guard, in every subgraph's database. Listed
 * after each subgraph's own migrations by the kit (`ormOptions`).
 */
export class KitAuditTrail20261122 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_record" (
      "seq" bigserial primary key,
      "at" timestamptz not null default now(),
      "subject" text null,
      "roles" text[] not null,
      "request_id" text null,
      "operation" text not null,
      "entity" text not null,
      "entity_id" text not null,
      "before" jsonb null,
      "after" jsonb null,
      "prev_hash" text null,
      "hash" text null);`);
    this.addSql(
      `create index "audit_record_entity_entity_id_index" on "audit_record" ("entity", "entity_id");`,
    );
    this.addSql(`create index "audit_record_subject_index" on "audit_record" ("subject");`);
    this.addSql(`create index "audit_record_at_index" on "audit_record" ("at");`);
    // one function for the trigger and for verification, so both hash exactly the same text
    this.addSql(`create function audit_record_hash(prev_hash text, seq bigint, at timestamptz, subject text,
        roles text[], request_id text, operation text, entity text, entity_id text, before jsonb, after jsonb)
      returns text language sql stable as $$
        select encode(sha256(convert_to(concat_ws(chr(31), prev_hash, seq::text,
          to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(subject, ''),
          array_to_string(roles, ','), coalesce(request_id, ''), operation, entity, entity_id,
          coalesce(before::text, ''), coalesce(after::text, '')), 'UTF8')), 'hex')
      $$;`);
    // the lock orders concurrent writers: positions and links follow commit order, with no gaps
    this.addSql(`create function audit_record_chain() returns trigger language plpgsql as $$
      declare last record;
      begin
        perform pg_advisory_xact_lock(hashtext('audit_record_chain'));
        select a.seq, a.hash into last from audit_record a order by a.seq desc limit 1;
        new.seq := coalesce(last.seq, 0) + 1;
        new.prev_hash := coalesce(last.hash, repeat('0', 64));
        new.hash := audit_record_hash(new.prev_hash, new.seq, new.at, new.subject, new.roles, new.request_id,
          new.operation, new.entity, new.entity_id, new.before, new.after);
        return new;
      end $$;`);
    this.addSql(`create trigger audit_record_chain before insert on audit_record
      for each row execute function audit_record_chain();`);
    this.addSql(`create function audit_record_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit trail is append-only'; end $$;`);
    this.addSql(`create trigger audit_record_append_only before update or delete on audit_record
      for each row execute function audit_record_append_only();`);
    this.addSql(`create trigger audit_record_no_truncate before truncate on audit_record
      for each statement execute function audit_record_append_only();`);
  }
}
