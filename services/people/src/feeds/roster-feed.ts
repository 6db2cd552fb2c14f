import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  defineFeed,
  feedSql as sql,
  FeedRowError,
  pgArray,
  recordChanges,
  stageChanges,
  type FeedCounts,
  type FeedRun,
  type FeedTarget,
} from '@county/kit';
import { permissions } from '../permissions';
import { personRule } from '../person/person.rules';

export const ROSTER_FEED_SOURCE = 'zzb-roster';

/** A person the directory already holds is found by the ID number and adopted, not duplicated. */
const PERSONS: FeedTarget = {
  name: 'person',
  table: 'person',
  entity: 'Person',
  matchBy: 'id_number',
  unaudited: ['updated_at'],
};

/** The roster's headers of the person's fields, to name a refused value where the export has it. */
const HEADER: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  roles: '人员类别',
  organizationId: '所在单位统一社会信用代码',
  position: '职务',
  phone: '联系电话',
  idNumber: '公民身份号码',
};

/** A roster row passes the person's own rules (the ID number's checksum, birth date and gender agreeing …). */
function derive(row: Record<string, unknown>): Record<string, unknown> {
  const person = {
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    roles: [row.role],
    organizationId: row.organization_id,
    position: row.position,
    phone: row.phone,
    idNumber: row.id_number,
  };
  const checked = personRule.safeParse(person);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue.path[0] ?? 'idNumber');
    const rule = (issue as { params?: { rule?: string } }).params?.rule ?? issue.code;
    const header = HEADER[field] ?? field;
    throw new FeedRowError(
      header,
      rule,
      `${header}: ${issue.message}`,
      String(person[field as keyof typeof person] ?? ''),
    );
  }
  return { id_number: checked.data.idNumber, withdrawn: row.status === 'WITHDRAWN' };
}

/** Organisations by their unified social credit code (统一社会信用代码). */
async function organizations(em: EntityManager, codes: string[]): Promise<Map<string, unknown>> {
  const rows = (await em
    .getConnection()
    .execute(`select credit_code, id from organization where credit_code = any(?::text[])`, [
      pgArray(codes),
    ])) as {
    credit_code: string;
    id: string;
  }[];
  return new Map(rows.map((r) => [r.credit_code, r.id]));
}

/**
 * The set-based upsert: changed rows write their person, found by the roster's id or else by the ID number
 * (a person the directory already holds is adopted, not duplicated); a person moved away (调出) is marked.
 */
async function upsertPersons(tx: EntityManager, run: FeedRun): Promise<FeedCounts> {
  await stageChanges(tx, run, PERSONS);
  await sql(
    tx,
    `insert into person (id, name, gender, birth_date, roles, organization_id, position, phone, id_number)
     select person_id, name, gender, birth_date, array[role], organization_id, position, phone, id_number
       from feed_person_changed
     on conflict (id) do update set name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date,
       roles = excluded.roles, organization_id = excluded.organization_id, position = excluded.position,
       phone = excluded.phone, id_number = excluded.id_number, updated_at = now()`,
  );
  return recordChanges(tx, run, PERSONS);
}

/** 组织部干部名册 — the organisation department's roster export, by 人员编号, all-or-nothing (a roster is whole). */
export const rosterFeed = defineFeed({
  subgraph: 'people',
  source: ROSTER_FEED_SOURCE,
  title: '组织部干部名册',
  mappingFile: path.join(__dirname, '../../feeds/zzb-roster.yaml'),
  staging: {
    table: 'feed_person_staging',
    columns: {
      source_id: 'text',
      name: 'text',
      gender: 'text',
      birth_date: 'date',
      id_number: 'text',
      role: 'text',
      organization_id: 'uuid',
      position: 'text',
      phone: 'text',
      status: 'text',
      withdrawn: 'boolean',
    },
  },
  policy: 'all-or-nothing',
  permissions,
  action: 'feed.deliver',
  lookups: { organization: organizations },
  derive,
  upsert: upsertPersons,
});
