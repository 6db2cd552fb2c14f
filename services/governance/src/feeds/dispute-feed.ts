import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertPerformAction,
  defineFeed,
  feedSql as sql,
  FeedRowError,
  pgArray,
  recordChanges,
  stageChanges,
  type FeedCounts,
  type FeedRun,
  type FeedTarget,
  type Identity,
} from '@county/kit';
import { permissions } from '../permissions';
import { GovernanceCentre } from '../centre/governance-centre.entity';
import { isWithin } from '../within';

export const DISPUTE_FEED_SOURCE = 'dyhj-disputes';
const ACTOR = `feed:${DISPUTE_FEED_SOURCE}`;
/** The column's own limit: a longer list of parties is refused for its row rather than failing the delivery. */
const MAX_PARTIES = 500;

const DISPUTES: FeedTarget = { name: 'dispute', table: 'dispute', entity: 'Dispute' };

/** The platform's 撤回 keeps the dispute as it stood, marked withdrawn; a resolution needs its particulars. */
function derive(row: Record<string, unknown>): Record<string, unknown> {
  if (String(row.parties).length > MAX_PARTIES)
    throw new FeedRowError('当事人', 'length', `当事人 is longer than ${MAX_PARTIES} characters`);
  if ((row.party_count as number) < 1)
    throw new FeedRowError('当事人数', 'min', '当事人数 must be at least 1', String(row.party_count));
  if (row.status === 'RESOLVED')
    for (const [field, header] of [
      ['resolved_at', '化解时间'],
      ['resolution_level', '化解层级'],
      ['agreement_form', '协议形式'],
    ])
      if (row[field] === null)
        throw new FeedRowError(
          header,
          'required',
          `${header} is required for a resolved dispute (办理状态 30)`,
        );
  if (row.resolved_at && (row.resolved_at as string) < (row.reported_at as string))
    throw new FeedRowError('化解时间', 'order', '化解时间 is before 登记时间', String(row.resolved_at));
  const withdrawn = row.status === 'WITHDRAWN';
  return { withdrawn, status: withdrawn ? null : row.status };
}

/** The governance centres the caller acts for: their counties are where its deliveries may write. */
async function authorize(em: EntityManager, identity: Identity): Promise<string[]> {
  const departments = identity.isAnonymous ? [] : identity.departments;
  const centres = departments.length
    ? await em.fork().find(GovernanceCentre, { organizationId: { $in: departments } })
    : [];
  const centreRegions = centres.map((centre) => centre.regionCode);
  assertPerformAction({ identity }, permissions, 'feed.deliver', { centreRegions });
  return centreRegions;
}

/** Region codes the directory copy knows, within the deliverer's counties (any, for the folder and the pull). */
async function regions(em: EntityManager, codes: string[], scope: unknown): Promise<Map<string, unknown>> {
  const rows = (await em
    .getConnection()
    .execute(`select code from directory_region where code = any(?::text[])`, [pgArray(codes)])) as {
    code: string;
  }[];
  const within = scope as string[] | undefined;
  return new Map(
    rows
      .filter((r) => !within || within.some((county) => isWithin(r.code, county)))
      .map((r) => [r.code, r.code]),
  );
}

/** The step a status is reached by, as the mediation course records it. */
const ACTION_OF = `case x.status when 'MEDIATING' then 'START_MEDIATION' when 'RESOLVED' then 'RESOLVE'
  when 'FAILED' then 'FAIL' else 'REOPEN' end`;

/**
 * The set-based upsert: rows whose mapped values differ from the last delivery write their dispute (the
 * rollup triggers on `dispute` book them as for any write), append a step for a new dispute and for each
 * status the platform moved it to, and record the delivery on the feed record.
 */
async function upsertDisputes(tx: EntityManager, run: FeedRun): Promise<FeedCounts> {
  await stageChanges(tx, run, DISPUTES);
  await sql(
    tx,
    `insert into dispute (id, region_code, grid_id, kind, channel, reported_at, parties, party_count, amount, summary,
       risk_colour, status, resolution_level, organization_id, mediator_id, resolved_at, agreement_form, referral)
     select x.dispute_id, x.region_code, null, x.kind, x.channel, x.reported_at, x.parties, x.party_count, null, x.summary,
       x.risk_colour, coalesce(x.status, b.status, 'REGISTERED'),
       case when x.status is null then b.resolution_level else x.resolution_level end, null, null,
       case when x.status is null then b.resolved_at else x.resolved_at end,
       case when x.status is null then b.agreement_form else x.agreement_form end, null
       from feed_dispute_changed x left join feed_dispute_before b on b.id = x.existing_id
     on conflict (id) do update set region_code = excluded.region_code, kind = excluded.kind,
       channel = excluded.channel, reported_at = excluded.reported_at, parties = excluded.parties,
       party_count = excluded.party_count, summary = excluded.summary, risk_colour = excluded.risk_colour,
       status = excluded.status, resolution_level = excluded.resolution_level, resolved_at = excluded.resolved_at,
       agreement_form = excluded.agreement_form`,
  );
  const details = JSON.stringify({ feedJob: run.jobId });
  // a new dispute's registration, then the status the platform reports, as steps of its course
  await sql(
    tx,
    `insert into dispute_step (id, dispute_id, sequence, action, status, at, actor, note, details)
     select gen_random_uuid(), x.dispute_id, 1, 'REGISTER', 'REGISTERED', x.reported_at, ?, null, ?::jsonb
       from feed_dispute_changed x where x.existing_id is null`,
    [ACTOR, details],
  );
  await sql(
    tx,
    `insert into dispute_step (id, dispute_id, sequence, action, status, at, actor, note, details)
     select gen_random_uuid(), x.dispute_id,
            (select coalesce(max(sequence), 0) + 1 from dispute_step s where s.dispute_id = x.dispute_id),
            ${ACTION_OF}, x.status, coalesce(x.resolved_at, case when x.existing_id is null then x.reported_at else now() end),
            ?, null, ?::jsonb
       from feed_dispute_changed x left join feed_dispute_before b on b.id = x.existing_id
      where x.status is not null and x.status is distinct from coalesce(b.status, 'REGISTERED')`,
    [ACTOR, details],
  );
  return recordChanges(tx, run, DISPUTES);
}

/** 矛盾纠纷多元化解平台 — the province's mediation platform export, by 纠纷编号, row-level. */
export const disputeFeed = defineFeed({
  subgraph: 'governance',
  source: DISPUTE_FEED_SOURCE,
  title: '矛盾纠纷多元化解平台纠纷',
  mappingFile: path.join(__dirname, '../../feeds/dyhj-disputes.yaml'),
  staging: {
    table: 'feed_dispute_staging',
    columns: {
      source_id: 'text',
      region_code: 'text',
      kind: 'text',
      channel: 'text',
      reported_at: 'timestamptz',
      parties: 'text',
      party_count: 'integer',
      summary: 'text',
      risk_colour: 'text',
      status: 'text',
      resolution_level: 'text',
      resolved_at: 'timestamptz',
      agreement_form: 'text',
      withdrawn: 'boolean',
    },
  },
  policy: 'row-level',
  permissions,
  action: 'feed.deliver',
  authorize,
  lookups: { region: regions },
  derive,
  upsert: upsertDisputes,
});
