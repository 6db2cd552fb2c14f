import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JobStatus, type JobView } from '../imports/import-jobs';
import type { FeedLimits } from './feed-limits';

export type FeedVia = 'post' | 'watch' | 'pull';

/** A feed delivery as its job row shows it: the import job's view and the feed's own columns. */
export interface FeedJobView extends JobView {
  kind: string;
  source: string;
  via: FeedVia;
  mappingVersion: number | null;
}

interface FeedJobRow {
  id: string;
  route: string;
  kind: string;
  source: string;
  via: FeedVia;
  mapping_version: number | null;
  status: string;
  rows: number | null;
  result: unknown;
  error: JobView['error'];
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date;
}

const view = (row: FeedJobRow): FeedJobView => ({
  id: row.id,
  route: row.route,
  kind: row.kind,
  source: row.source,
  via: row.via,
  mappingVersion: row.mapping_version,
  status: row.status,
  rows: row.rows,
  result: row.result,
  error: row.error,
  createdAt: new Date(row.created_at).toISOString(),
  finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  expiresAt: new Date(row.expires_at).toISOString(),
});

const sql = <T = FeedJobRow>(em: EntityManager, text: string, params: unknown[] = []) =>
  em.getConnection().execute(text, params) as Promise<T[]>;

/** Deliveries are jobs in `import_job` (kind `feed`): the spreadsheet imports' table, sweep and heartbeat. */
export const feedJobs = {
  async create(
    em: EntityManager,
    job: { subject: string; source: string; via: FeedVia; mappingVersion: number | null; file: Buffer },
    limits: FeedLimits,
  ): Promise<string> {
    const id = randomUUID();
    await sql(
      em,
      `insert into import_job (id, subject, route, key_hash, request_hash, async, status, expires_at, kind, source, via, mapping_version)
         values (?, ?, ?, null, ?, true, ?, now() + make_interval(days => ?), 'feed', ?, ?, ?)`,
      [
        id,
        job.subject,
        `feeds/${job.source}`,
        createHash('sha256').update(job.file).digest('hex'),
        JobStatus.RUNNING,
        limits.jobTtlDays,
        job.source,
        job.via,
        job.mappingVersion,
      ],
    );
    return id;
  },

  async find(em: EntityManager, id: string): Promise<FeedJobView | null> {
    const [row] = await sql(em, `select * from import_job where id = ? and kind = 'feed'`, [id]);
    return row ? view(row) : null;
  },

  /** The newest deliveries of a source, newest first. */
  async recent(em: EntityManager, source: string, limit: number): Promise<FeedJobView[]> {
    const rows = await sql(
      em,
      `select * from import_job where source = ? and kind = 'feed' order by created_at desc limit ?`,
      [source, limit],
    );
    return rows.map(view);
  },

  /** Keeps at most `jobsKept` finished deliveries per source (age is the sweep's: `expires_at`). */
  async prune(em: EntityManager, source: string, limits: FeedLimits): Promise<void> {
    await sql(
      em,
      `delete from import_job where id in (
         select id from import_job where source = ? and kind = 'feed' and status <> ?
          order by created_at desc offset ?)`,
      [source, JobStatus.RUNNING, limits.jobsKept],
    );
  },
};
