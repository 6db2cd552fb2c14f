import { GraphQLError } from 'graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, staleVersion } from '@county/kit';
import {
  CalendarDay,
  CalendarDayKind,
  CalendarRecompute,
  CalendarYear,
  RecomputeStatus,
} from './calendar.entity';
import type { CalendarEntry } from './calendar.rules';
import { pgArray } from '../pg-array';
import { sql } from './sql';
import { seedYears, type OfficialYear } from './seed-years';

/**
 * Adds the years of the package (and the local table) that the calendar table lacks, in one transaction;
 * a year already there, entered by the bureau or seeded before, is never touched. Returns the years added.
 */
export async function seedCalendar(em: EntityManager): Promise<number[]> {
  const years = seedYears();
  return em.transactional(async (tx) => {
    const added = await sql<{ year: number }[]>(
      tx,
      `insert into working_calendar_year (year, source, entered_by, entered_at)
         select unnest(?::smallint[]), unnest(?::text[]), null, now()
       on conflict (year) do nothing returning year`,
      [pgArray(years.map((y) => y.year)), pgArray(years.map((y) => y.source))],
    );
    const fresh = new Set(added.map((row) => Number(row.year)));
    const days = years
      .filter((y) => fresh.has(y.year))
      .flatMap((y) => [
        ...y.holidays.map((day) => [day, y.year, CalendarDayKind.HOLIDAY, y.names?.[day] ?? null, y.source]),
        ...y.workdays.map((day) => [day, y.year, CalendarDayKind.WORKDAY, null, y.source]),
      ]);
    if (days.length)
      await sql(
        tx,
        `insert into working_calendar_day (day, year, kind, name, source, entered_by, entered_at)
           select unnest(?::date[]), unnest(?::smallint[]), unnest(?::text[]), unnest(?::text[]), unnest(?::text[]), null, now()`,
        [0, 1, 2, 3, 4].map((i) => pgArray(days.map((row) => row[i]))),
      );
    return [...fresh].sort((a, b) => a - b);
  });
}

/** Every entered year with its days, as the in-memory calendar takes them. */
export async function loadOfficialYears(em: EntityManager): Promise<OfficialYear[]> {
  const rows = await sql<
    { year: number; source: string; holidays: string[] | null; workdays: string[] | null }[]
  >(
    em,
    `select y.year, y.source,
            array_agg(d.day::text order by d.day) filter (where d.kind = 'HOLIDAY') as holidays,
            array_agg(d.day::text order by d.day) filter (where d.kind = 'WORKDAY') as workdays
       from working_calendar_year y left join working_calendar_day d on d.year = y.year
      group by y.year, y.source order by y.year`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    source: r.source,
    holidays: r.holidays ?? [],
    workdays: r.workdays ?? [],
  }));
}

/** Changes whenever a year is entered or corrected (any replica): one cheap statement to poll. */
export async function calendarFingerprint(em: EntityManager): Promise<string> {
  const [row] = await sql<{ fingerprint: string }[]>(
    em,
    `select count(*) || ':' || coalesce(sum(version), 0) as fingerprint from working_calendar_year`,
  );
  return row.fingerprint;
}

/** Years whose recompute has not finished (their figures still carry the provisional mark). */
export async function recomputingYears(em: EntityManager): Promise<number[]> {
  const rows = await sql<{ year: number }[]>(
    em,
    `select distinct year from calendar_recompute where status = 'RUNNING'`,
  );
  return rows.map((r) => Number(r.year));
}

const alreadyEntered = (year: number, version: number) =>
  new GraphQLError(
    `input.version: ${year} is already entered (version ${version}); send that version to replace it`,
    {
      extensions: {
        code: ErrorCode.CONFLICT,
        field: 'input.version',
        rule: 'current-version',
        currentVersion: version,
      },
    },
  );

/**
 * Enters (or corrects) one year: its days replace whatever the year held, the year becomes OFFICIAL, and a
 * recompute job is queued for the figures it touches, all in one transaction (each row audited).
 */
export async function enterYear(
  em: EntityManager,
  entry: CalendarEntry,
  subject: string,
): Promise<{ year: CalendarYear; job: CalendarRecompute }> {
  return em.transactional(async (tx) => {
    const now = new Date();
    const existing = await tx.findOne(
      CalendarYear,
      { year: entry.year },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (existing && entry.version == null) throw alreadyEntered(entry.year, existing.version);
    if (existing && entry.version !== existing.version) throw staleVersion(existing.version, entry.version!);
    for (const day of await tx.find(CalendarDay, { year: entry.year })) tx.remove(day);
    // the old days go first: a corrected year keeps most of its dates, and they are primary keys
    await tx.flush();
    for (const day of entry.days)
      tx.create(CalendarDay, {
        day: day.date,
        year: entry.year,
        kind: day.kind,
        name: day.name ?? null,
        source: entry.source,
        enteredBy: subject,
        enteredAt: now,
      });
    const year =
      existing ??
      tx.create(CalendarYear, { year: entry.year, source: entry.source, enteredBy: subject, enteredAt: now });
    Object.assign(year, { source: entry.source, enteredBy: subject, enteredAt: now });
    // an older job for the same year would only redo what this one does
    await tx.nativeUpdate(
      CalendarRecompute,
      { year: entry.year, status: RecomputeStatus.RUNNING },
      { status: RecomputeStatus.DONE, finishedAt: now },
    );
    const job = tx.create(CalendarRecompute, { year: entry.year, requestedAt: now });
    await tx.flush();
    return { year, job };
  });
}
