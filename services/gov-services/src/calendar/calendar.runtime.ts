import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphAttachment, SubgraphProcess } from '@county/kit';
import { clearStatsCache } from '../stats/stats-cache';
import { CalendarWatch } from './calendar-watch';
import { calendarFingerprint, loadOfficialYears, recomputingYears, seedCalendar } from './calendar.store';
import { CalendarRecomputer } from './recompute';
import { workingCalendar } from './working-days';

/** How often a replica looks for a year another replica entered, for unfinished jobs and for warnings. */
const POLL_MS = 30_000;

let recomputer: CalendarRecomputer | undefined;
let fingerprint = '';
let pending: readonly number[] = [];

/** The in-memory calendar from the table, when the table changed since the last look. */
async function refresh(em: EntityManager): Promise<void> {
  const now = await calendarFingerprint(em);
  pending = await recomputingYears(em);
  if (now === fingerprint) return;
  workingCalendar.load(await loadOfficialYears(em));
  fingerprint = now;
  clearStatsCache();
}

/** Years whose recompute is still running in the deployment (as of this replica's last look). */
export const recomputePending = (): readonly number[] => pending;

/** After a year is entered in this process: count with it at once and start its recompute. */
export async function calendarEntered(em: EntityManager): Promise<void> {
  await refresh(em);
  recomputer?.kick();
}

/** Resolves when this process has no recompute running (tests wait on it instead of sleeping). */
export async function recomputeIdle(): Promise<void> {
  await recomputer?.idle();
}

/**
 * The calendar's life in a gov-services process: seed the package's years the table lacks, load the table,
 * resume unfinished recomputes, poll for changes, and warn before the official calendar runs out.
 */
export async function attachCalendar({ orm, logger, metrics }: SubgraphProcess): Promise<SubgraphAttachment> {
  const em = orm.em.fork();
  const added = await seedCalendar(em);
  if (added.length) logger.info({ years: added }, 'working-day calendar: years added from the package');
  fingerprint = '';
  await refresh(em);
  const watch = new CalendarWatch(workingCalendar, logger, recomputePending);
  watch.register(metrics.registry);
  recomputer = new CalendarRecomputer(orm, logger, () => {
    void refresh(orm.em.fork()).then(clearStatsCache, () => undefined);
  });
  recomputer.kick();
  watch.check();
  const timer = setInterval(() => {
    refresh(orm.em.fork()).then(
      () => {
        recomputer?.kick();
        watch.check();
      },
      (error: unknown) => logger.warn({ err: error }, 'working-day calendar: refresh failed'),
    );
  }, POLL_MS);
  timer.unref();
  const running = recomputer;
  return {
    readiness: () => ({ calendar: watch.report() }),
    stop: async () => {
      clearInterval(timer);
      await running.stop();
    },
  };
}
