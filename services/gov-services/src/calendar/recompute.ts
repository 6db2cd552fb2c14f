import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { chinaDateSql as chinaDate } from '@county/domain';
import type { Logger } from '@county/kit';
import { badReviewRectifyDays } from '../case/follow-up';
import { bookRollupDeltas, type RollupDelta } from '../rollup/book';
import type { CaseChannel, ServiceLevel } from '../vocabulary';
import { pgArray } from '../pg-array';
import { sql } from './sql';
import { netWorkingDays, workingCalendar } from './working-days';

/** Rows per transaction: short enough not to hold case locks long, long enough to amortise the round trips. */
const DEFAULT_BATCH = 500;

interface Job {
  id: number;
  year: number;
  phase: 'cases' | 'ratings';
  cursor: string | null;
  cases_total: number | null;
}

interface CaseKeys {
  id: string;
  region_code: string;
  level: ServiceLevel;
  channel: CaseChannel;
  item_id: string;
  centre_id: string;
}

interface CaseRow extends CaseKeys {
  accepted: string;
  completed: string;
  extension_days: number;
  working_days: number;
  on_time: boolean;
  calendar_provisional: boolean;
  committed_limit: number;
  target_days: number | null;
}

interface RatingRow extends CaseKeys {
  rated: string;
  rectify_by: string;
  rectify_by_provisional: boolean;
  rectified: string | null;
}

/** The completed cases whose counted span (acceptance → completion) touches the year, from the cursor on. */
const CASES = `
  select c.id, ${chinaDate('c.accepted_at')}::text as accepted, ${chinaDate('c.completed_at')}::text as completed,
         c.extension_days, c.working_days, c.on_time, c.calendar_provisional, c.region_code, c.level, c.channel,
         c.item_id, c.centre_id, i.committed_limit, i.target_days
    from service_case c join service_item_version i on i.item_id = c.item_id and i.version = c.item_version
   where c.completed_at is not null and ${chinaDate('c.accepted_at')} <= ?::date
     and ${chinaDate('c.completed_at')} >= ?::date and (?::uuid is null or c.id > ?::uuid)
   order by c.id limit ?
     for update of c`;

/** Bad reviews whose rectification window reaches into the year. */
const RATINGS = `
  select r.case_id as id, ${chinaDate('r.rated_at')}::text as rated, r.rectify_by::text as rectify_by,
         r.rectify_by_provisional, ${chinaDate('r.rectified_at')}::text as rectified,
         c.region_code, c.level, c.channel, c.item_id, c.centre_id
    from case_rating r join service_case c on c.id = r.case_id
   where r.rectify_by is not null and ${chinaDate('r.rated_at')} <= ?::date and r.rectify_by >= ?::date
     and (?::uuid is null or r.case_id > ?::uuid)
   order by r.case_id limit ?
     for update of r`;

const keysOf = (row: CaseKeys, day: string): Omit<RollupDelta, 'counters'> => ({
  regionCode: row.region_code,
  level: row.level,
  channel: row.channel,
  itemId: row.item_id,
  centreId: row.centre_id,
  day,
});

const targetMet = (days: number, target: number | null) => (target !== null && days <= target ? 1 : 0);

/**
 * 日历重算 — after a year is entered, every figure counted over it is counted again: each case's working
 * days, on-time flag and mark, each bad review's deadline, and every rollup tier they were booked in (as
 * deltas, in the same transaction as the case rows). A batch is one transaction that also moves the job's
 * cursor, so a crash resumes after the last committed batch and a repeated batch changes nothing.
 */
export class CalendarRecomputer {
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly onFinished: () => void,
    private readonly batch = DEFAULT_BATCH,
  ) {}

  /** Starts working through the queued jobs, unless already at it. */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'calendar recompute failed; it resumes on the next poll'),
      )
      .finally(() => (this.running = null));
  }

  /** Resolves when the current run has ended (tests, shutdown). */
  async idle(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.step()));
  }

  /** One batch of the oldest unfinished job; false when there is none (or another replica holds it). */
  async step(): Promise<boolean> {
    const em = this.orm.em.fork();
    const outcome = await em.transactional(async (tx) => {
      const [job] = await sql<Job[]>(
        tx,
        `select id, year, phase, cursor, cases_total from calendar_recompute
          where status = 'RUNNING' order by id limit 1 for update skip locked`,
      );
      if (!job) return null;
      const bounds = [`${job.year}-12-31`, `${job.year}-01-01`, job.cursor, job.cursor, this.batch];
      if (job.phase === 'cases') {
        if (job.cases_total === null) await this.countScope(tx, job);
        const rows = await sql<CaseRow[]>(tx, CASES, bounds);
        const changed = await this.recomputeCases(tx, rows);
        return {
          job,
          done: await this.advance(tx, job, rows, { cases_done: rows.length, cases_changed: changed }),
        };
      }
      const rows = await sql<RatingRow[]>(tx, RATINGS, bounds);
      await this.recomputeRatings(tx, rows);
      return { job, done: await this.advance(tx, job, rows, { ratings_done: rows.length }) };
    });
    if (outcome === null) return false;
    if (outcome.done) {
      // after the commit: a reader must see the job finished and the figures it wrote
      this.logger.info({ year: outcome.job.year, job: outcome.job.id }, 'calendar recompute finished');
      this.onFinished();
    }
    return true;
  }

  private async countScope(tx: EntityManager, job: Job): Promise<void> {
    await sql(
      tx,
      `update calendar_recompute set cases_total = (
         select count(*) from service_case c where c.completed_at is not null
            and ${chinaDate('c.accepted_at')} <= ?::date and ${chinaDate('c.completed_at')} >= ?::date)
        where id = ?`,
      [`${job.year}-12-31`, `${job.year}-01-01`, job.id],
    );
  }

  /** Moves the cursor; a short batch ends the phase, and the ratings phase ends the job (true). */
  private async advance(
    tx: EntityManager,
    job: Job,
    rows: { id: string }[],
    counts: Record<string, number>,
  ): Promise<boolean> {
    const add = Object.keys(counts).map((column) => `${column} = ${column} + ?`);
    const last = rows.length === this.batch;
    const next = last ? { phase: job.phase, cursor: rows.at(-1)!.id } : { phase: 'ratings', cursor: null };
    const done = !last && job.phase === 'ratings';
    await sql(
      tx,
      `update calendar_recompute set ${add.join(', ')}, phase = ?, cursor = ?::uuid,
              status = ?, finished_at = case when ? then now() end where id = ?`,
      [...Object.values(counts), next.phase, next.cursor, done ? 'DONE' : 'RUNNING', done, job.id],
    );
    if (done) {
      // a duration a case left behind is a row of zeros; a recount has no such row
      await sql(tx, `delete from rollup_duration where cases = 0`);
      await sql(tx, `delete from rollup_duration_month where cases = 0`);
    }
    return done;
  }

  private async recomputeCases(tx: EntityManager, rows: CaseRow[]): Promise<number> {
    if (!rows.length) return 0;
    const suspensions = await sql<{ case_id: string; from: string; to: string }[]>(
      tx,
      `select case_id, started_on::text as "from", ended_on::text as "to" from case_suspension
        where case_id = any(?::uuid[]) and ended_on is not null`,
      [pgArray(rows.map((r) => r.id))],
    );
    const ids: string[] = [];
    const days: number[] = [];
    const onTime: boolean[] = [];
    const provisional: boolean[] = [];
    const deltas: RollupDelta[] = [];
    for (const row of rows) {
      const paused = suspensions.filter((s) => s.case_id === row.id);
      const working = netWorkingDays(row.accepted, row.completed, paused);
      const nowOnTime = working <= row.committed_limit + row.extension_days;
      const mark = workingCalendar.touchesProvisional(row.accepted, row.completed);
      if (working === row.working_days && nowOnTime === row.on_time && mark === row.calendar_provisional)
        continue;
      ids.push(row.id);
      days.push(working);
      onTime.push(nowOnTime);
      provisional.push(mark);
      if (working === row.working_days && nowOnTime === row.on_time) continue;
      const keys = keysOf(row, row.completed);
      deltas.push(
        {
          ...keys,
          workingDays: row.working_days,
          durationCases: -1,
          counters: {
            on_time: Number(nowOnTime) - Number(row.on_time),
            target_met: targetMet(working, row.target_days) - targetMet(row.working_days, row.target_days),
          },
        },
        { ...keys, workingDays: working, counters: {} },
      );
    }
    await bookRollupDeltas(tx, deltas);
    if (ids.length)
      await sql(
        tx,
        `update service_case c set working_days = v.days, on_time = v.on_time, calendar_provisional = v.provisional
           from (select unnest(?::uuid[]) as id, unnest(?::smallint[]) as days, unnest(?::boolean[]) as on_time,
                        unnest(?::boolean[]) as provisional) v
          where c.id = v.id`,
        [pgArray(ids), pgArray(days), pgArray(onTime), pgArray(provisional)],
      );
    return ids.length;
  }

  private async recomputeRatings(tx: EntityManager, rows: RatingRow[]): Promise<void> {
    const ids: string[] = [];
    const deadlines: string[] = [];
    const provisional: boolean[] = [];
    const deltas: RollupDelta[] = [];
    for (const row of rows) {
      const deadline = workingCalendar.addWorkingDays(row.rated, badReviewRectifyDays());
      const mark = workingCalendar.touchesProvisional(row.rated, deadline);
      if (deadline === row.rectify_by && mark === row.rectify_by_provisional) continue;
      ids.push(row.id);
      deadlines.push(deadline);
      provisional.push(mark);
      if (row.rectified === null) continue;
      const moved = Number(row.rectified <= deadline) - Number(row.rectified <= row.rectify_by);
      if (moved) deltas.push({ ...keysOf(row, row.rectified), counters: { rectified_on_time: moved } });
    }
    await bookRollupDeltas(tx, deltas);
    if (ids.length)
      await sql(
        tx,
        `update case_rating r set rectify_by = v.deadline, rectify_by_provisional = v.provisional
           from (select unnest(?::uuid[]) as id, unnest(?::date[]) as deadline, unnest(?::boolean[]) as provisional) v
          where r.case_id = v.id`,
        [pgArray(ids), pgArray(deadlines), pgArray(provisional)],
      );
  }
}
