import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Configuration } from '@mikro-orm/core';
import { badInput, ErrorCode, notFound, unauthenticated } from '../errors';
import type { Directory } from '../directory';
import type { Identity } from '../identity';
import type { Logger } from '../logger';
import { ServiceBusyError, type FileReply, type FileRequest, type FileRoute } from '../files';
import { readFirstSheet, type SheetRows } from '../spreadsheet';
import { importLimits, type ImportLimits } from './import-limits';
import { ImportJobs, JobStatus, keyHash, rethrow, storedError, viewOf } from './import-jobs';

export const IMPORT_JOBS_PATH = 'import-jobs';
const KEY = /^[\x21-\x7e]{8,200}$/;
/** Failures a retry would meet again (the caller's own mistakes): kept for the key like a success. */
const KEPT = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an import's `run` gets: its own EntityManager (the job may outlive the request), the caller, … */
export interface ImportContext {
  em: EntityManager;
  identity: Identity;
  directory: Directory;
  logger: Logger;
  limits: ImportLimits;
}

/** One spreadsheet import of a subgraph, served by the kit as a file route with limits and jobs. */
export interface ImportSpec<P> {
  /** The file route, e.g. `ledger.xlsx` (POST /files/ledger.xlsx). */
  path: string;
  /** Who may import and what the query says, checked before the upload is read; returns the parameters. */
  accept(request: Omit<FileRequest, 'body' | 'accepted'>): P;
  /**
   * Checks every row and commits them in one transaction, or throws a refusal (`uploadRejected`,
   * `badInput`) having written nothing. Returns the summary the client gets.
   */
  run(sheet: SheetRows, params: P, context: ImportContext): Promise<unknown>;
}

/** Imports running in each subgraph (keyed by its ORM's configuration, shared by every fork). */
const running = new WeakMap<Configuration, number>();

function claimSlot(em: EntityManager, limits: ImportLimits): () => void {
  const key = em.config;
  const now = running.get(key) ?? 0;
  if (now >= limits.maxConcurrent)
    throw new ServiceBusyError(
      `${now} imports are already running on this service (at most ${limits.maxConcurrent}, IMPORT_MAX_CONCURRENT): try again in a minute`,
      30,
    );
  running.set(key, now + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running.set(key, (running.get(key) ?? 1) - 1);
  };
}

const subjectOf = (identity: Identity) => {
  if (!identity.subject) throw unauthenticated();
  return identity.subject;
};

/**
 * POST /files/<path>: an upload within the limits (IMPORT_* settings) becomes a job in the subgraph's
 * `import_job` table. Small uploads (at most IMPORT_SYNC_MAX_BYTES and IMPORT_SYNC_MAX_ROWS) are answered in
 * the request as before: 200 with the summary, or the refusal. Larger ones, and any sent with
 * `Prefer: respond-async`, are answered at once with 202 and the job, read later at
 * GET /files/import-jobs?id=<id>. An `Idempotency-Key` makes a retried upload return the same job.
 */
export function importRoute<P>(spec: ImportSpec<P>): FileRoute {
  return {
    method: 'POST',
    path: spec.path,
    maxBytes: () => importLimits().maxFileBytes,
    accept: (request) => spec.accept(request),
    async handle(request): Promise<FileReply> {
      const limits = importLimits();
      const subject = subjectOf(request.identity);
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !KEY.test(key)))
        throw badInput('Idempotency-Key', 'format', 'must be 8–200 printable ASCII characters');
      const requestHash = createHash('sha256')
        .update(`${spec.path}?${request.query.toString()}\0`)
        .update(request.body)
        .digest('hex');
      const jobs = new ImportJobs(request.em);
      await jobs.sweep();
      const hash = key ? keyHash(subject, key) : null;
      if (hash) {
        const first = await jobs.findByKey(subject, hash);
        if (first && first.request_hash !== requestHash)
          throw badInput('Idempotency-Key', 'same-input', 'was already used with another upload');
        // an import that failed for a passing reason (the service, its process, the directory) is not
        // kept for its key: the retry runs again
        if (first?.error && !KEPT.has(String(first.error.extensions.code))) await jobs.remove(first.id);
        else if (first) return answerOf(first, subject);
      }

      const wantsJob =
        /\brespond-async\b/i.test(String(request.headers.prefer ?? '')) ||
        request.body.length > limits.syncMaxBytes;
      const release = claimSlot(request.em, limits);
      let job;
      try {
        job = await jobs.create({
          subject,
          route: spec.path,
          keyHash: hash,
          requestHash,
          async: wantsJob,
          ttlHours: limits.jobTtlHours,
        });
      } finally {
        if (!job) release();
      }
      // null: the same key's first upload was created between the look-up above and this insert
      if (!job) return answerOf((await jobs.findByKey(subject, hash!))!, subject);
      // from here the job holds the slot and frees it when it ends
      const progress = startJob(job.id, spec, request, limits, release);
      if (wantsJob) return { status: 202, json: viewOf(job) };
      const rows = await progress.read;
      if (rows !== null && rows > limits.syncMaxRows) {
        await jobs.update(job.id, { async: true });
        return { status: 202, json: viewOf({ ...job, async: true, rows }) };
      }
      await progress.done;
      return answerOf((await jobs.find(subject, job.id))!, subject);
    },
  };
}

/**
 * What a job answers: its view (202 while it runs, 200 once done) when it runs or was asked for as a job,
 * else the outcome itself, as a synchronous upload answers.
 */
function answerOf(job: Parameters<typeof viewOf>[0], subject: string): FileReply {
  if (job.subject !== subject) throw notFound('id', 'id: no such import job');
  if (job.status === JobStatus.RUNNING) return { status: 202, json: viewOf(job) };
  if (job.async) return { json: viewOf(job) };
  if (job.status === JobStatus.SUCCEEDED) return { json: job.result };
  throw rethrow(job.error!);
}

function startJob<P>(
  id: string,
  spec: ImportSpec<P>,
  request: FileRequest,
  limits: ImportLimits,
  release: () => void,
): { read: Promise<number | null>; done: Promise<void> } {
  const em = request.em.fork();
  const jobs = new ImportJobs(em);
  const logger = request.logger.child({ importJob: id });
  const stopHeartbeat = jobs.heartbeat(id);
  let rowsRead: (rows: number | null) => void = () => undefined;
  const read = new Promise<number | null>((resolve) => (rowsRead = resolve));
  // started inside the request, the job's writes keep its audit actor (AsyncLocalStorage follows promises)
  const done = (async () => {
    try {
      const sheet = await readFirstSheet(request.body, limits);
      await jobs.update(id, { rows: sheet.rows.length });
      rowsRead(sheet.rows.length);
      const result = await spec.run(sheet, request.accepted as P, {
        em,
        identity: request.identity,
        directory: request.directory,
        logger,
        limits,
      });
      await jobs.update(id, { status: JobStatus.SUCCEEDED, result });
    } catch (error) {
      const { stored, internal } = storedError(error, limits.maxErrors);
      if (internal) logger.error({ err: error }, 'import failed');
      await jobs
        .update(id, { status: JobStatus.FAILED, error: stored })
        .catch((failure: unknown) => logger.error({ err: failure }, 'import job could not be marked failed'));
    } finally {
      rowsRead(null);
      stopHeartbeat();
      release();
    }
  })();
  return { read, done };
}

/**
 * GET /files/import-jobs?id=<id>: an import job of the caller's (status, rows read, the summary or the
 * refusal with its first problems and their count). Another caller's job, or an expired one, is not found.
 */
export const importJobsRoute: FileRoute = {
  method: 'GET',
  path: IMPORT_JOBS_PATH,
  async handle({ em, identity, query }) {
    const subject = subjectOf(identity);
    const id = query.get('id') ?? '';
    if (!UUID.test(id)) throw badInput('id', 'uuid', 'must be the id of an import job');
    const jobs = new ImportJobs(em);
    await jobs.sweep();
    const job = await jobs.find(subject, id);
    if (!job) throw notFound('id', 'id: no such import job (it may have expired)');
    return { json: viewOf(job) };
  },
};
