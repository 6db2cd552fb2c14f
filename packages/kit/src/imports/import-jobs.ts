import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ErrorCode, isClientErrorCode } from '../errors';

export const JobStatus = { RUNNING: 'RUNNING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const;

/** A running job touches its row this often… */
const HEARTBEAT_MS = 5000;
/** …and one untouched for this long lost its process (a crash, a kill): it is marked failed. */
const ABANDONED_AFTER = '30 seconds';

/** A job as its owner reads it (GET /files/import-jobs?id=…, or the 202 of the upload). */
export interface JobView {
  id: string;
  route: string;
  status: string;
  rows: number | null;
  result: unknown;
  error: StoredError | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
}

export interface StoredError {
  message: string;
  extensions: Record<string, unknown>;
}

interface JobRow {
  id: string;
  subject: string;
  route: string;
  request_hash: string;
  async: boolean;
  status: string;
  rows: number | null;
  result: unknown;
  error: StoredError | null;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date;
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

export const viewOf = (row: JobRow): JobView => ({
  id: row.id,
  route: row.route,
  status: row.status,
  rows: row.rows,
  result: row.result,
  error: row.error,
  createdAt: iso(row.created_at)!,
  finishedAt: iso(row.finished_at),
  expiresAt: iso(row.expires_at)!,
});

export const keyHash = (subject: string, key: string) =>
  createHash('sha256').update(`${subject}\0${key}`).digest('hex');

const LOST: StoredError = {
  message: 'The import stopped with the process running it; nothing was imported: upload the file again',
  extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
};

/** The job table of one subgraph's database, with SQL (the rows are bookkeeping, not domain entities). */
export class ImportJobs {
  constructor(private readonly em: EntityManager) {}

  private sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute(text, params) as Promise<T[]>;
  }

  /** Deletes expired jobs and fails the ones whose process died: each write keeps the table bounded. */
  async sweep(): Promise<void> {
    await this.sql(`delete from import_job where expires_at < now() and status <> ?`, [JobStatus.RUNNING]);
    await this.sql(
      `update import_job set status = ?, error = ?, finished_at = now()
        where status = ? and heartbeat_at < now() - interval '${ABANDONED_AFTER}'`,
      [JobStatus.FAILED, JSON.stringify(LOST), JobStatus.RUNNING],
    );
  }

  async find(subject: string, id: string): Promise<JobRow | null> {
    const [row] = await this.sql<JobRow>(`select * from import_job where id = ? and subject = ?`, [
      id,
      subject,
    ]);
    return row ?? null;
  }

  async findByKey(subject: string, hash: string): Promise<JobRow | null> {
    const [row] = await this.sql<JobRow>(`select * from import_job where subject = ? and key_hash = ?`, [
      subject,
      hash,
    ]);
    return row ?? null;
  }

  async remove(id: string): Promise<void> {
    await this.sql(`delete from import_job where id = ?`, [id]);
  }

  /** A new running job; null when a job with the same key was created meanwhile (a retry racing it). */
  async create(job: {
    subject: string;
    route: string;
    keyHash: string | null;
    requestHash: string;
    async: boolean;
    ttlHours: number;
  }): Promise<JobRow | null> {
    const [row] = await this.sql<JobRow>(
      `insert into import_job (id, subject, route, key_hash, request_hash, async, status, expires_at)
         values (?, ?, ?, ?, ?, ?, ?, now() + make_interval(hours => ?))
         on conflict (subject, key_hash) do nothing returning *`,
      [
        randomUUID(),
        job.subject,
        job.route,
        job.keyHash,
        job.requestHash,
        job.async,
        JobStatus.RUNNING,
        job.ttlHours,
      ],
    );
    return row ?? null;
  }

  async update(
    id: string,
    change: Partial<{ rows: number; async: boolean; status: string; result: unknown; error: StoredError }>,
  ): Promise<void> {
    const sets: string[] = ['heartbeat_at = now()'];
    const params: unknown[] = [];
    for (const [column, value] of Object.entries(change)) {
      sets.push(`"${column}" = ?`);
      params.push(column === 'result' || column === 'error' ? JSON.stringify(value ?? null) : value);
    }
    if (change.status && change.status !== JobStatus.RUNNING) sets.push('finished_at = now()');
    await this.sql(`update import_job set ${sets.join(', ')} where id = ?`, [...params, id]);
  }

  /** Keeps touching a running job until `stop` is called. */
  heartbeat(id: string): () => void {
    const timer = setInterval(() => void this.update(id, {}).catch(() => undefined), HEARTBEAT_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/**
 * What a failed job keeps: a client error as it is (its list of problems cut to `maxErrors`, with the
 * total), anything else as a masked internal error.
 */
export function storedError(error: unknown, maxErrors: number): { stored: StoredError; internal: boolean } {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  if (!(error instanceof GraphQLError) || !isClientErrorCode(code))
    return {
      stored: {
        message: 'Internal error: the import could not be completed; nothing was imported',
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      },
      internal: true,
    };
  const extensions = { ...error.extensions } as Record<string, unknown>;
  const { rejected } = extensions;
  if (Array.isArray(rejected) && rejected.length > maxErrors) {
    extensions.rejected = rejected.slice(0, maxErrors);
    extensions.rejectedCount ??= rejected.length;
  }
  return { stored: { message: error.message, extensions }, internal: false };
}

/** A stored client error, thrown again to answer a synchronous upload (or its retry) as it first did. */
export const rethrow = (stored: StoredError) =>
  new GraphQLError(stored.message, { extensions: stored.extensions });
