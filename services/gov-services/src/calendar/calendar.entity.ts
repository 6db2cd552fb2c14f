import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: '日历调整 — a day off, or a weekend day that is worked',
  valuesConfig: { HOLIDAY: { description: '放假' }, WORKDAY: { description: '调休上班' } },
});

export enum CalendarStatus {
  OFFICIAL = 'OFFICIAL',
  PROVISIONAL = 'PROVISIONAL',
}
registerEnumType(CalendarStatus, {
  name: 'CalendarStatus',
  description: '日历状态 — whether a year follows an entered schedule',
  valuesConfig: {
    OFFICIAL: { description: '正式: the State Council notice (or a package carrying it) is entered' },
    PROVISIONAL: {
      description: '临时: not entered yet; weekends and the statutory holidays only, no make-up days',
    },
  },
});

/** 年度放假安排 — one entered year: where it comes from and who entered it (null: seeded from a package). */
@Entity({ tableName: 'working_calendar_year' })
export class CalendarYear {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'smallint', autoincrement: false })
  year!: number;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text', nullable: true })
  enteredBy!: string | null;

  @Property({ type: 'timestamptz' })
  enteredAt!: Date;

  @Property({ type: 'int', version: true })
  version: number = 1;
}

/** 节假日与调休 — one day that differs from "weekends off" in an entered year. */
@Entity({ tableName: 'working_calendar_day' })
@Index({ properties: ['year', 'day'] })
@Check({ name: 'working_calendar_day_in_year', expression: 'extract(year from "day") = "year"' })
@ObjectType('WorkingCalendarDay', { description: '节假日与调休 — a day off or a make-up working day' })
export class CalendarDay {
  @PrimaryKey({ type: 'date' })
  @Field(() => String, { description: '日期 — YYYY-MM-DD' })
  day!: string;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => CalendarDayKind })
  @Field(() => CalendarDayKind, { description: '放假/调休上班 — kind' })
  kind!: CalendarDayKind;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '节日 — the holiday it belongs to (春节 …)' })
  name!: string | null;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text', nullable: true })
  enteredBy!: string | null;

  @Property({ type: 'timestamptz' })
  enteredAt!: Date;
}

export enum RecomputeStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
}
registerEnumType(RecomputeStatus, { name: 'CalendarRecomputeStatus', description: '重算状态' });

/**
 * 重算任务 — after a year is entered, every case and rating that counts its days is recomputed in the
 * background, a batch per transaction with its cursor: a crash resumes where it stopped.
 */
@Entity({ tableName: 'calendar_recompute' })
@Index({
  name: 'calendar_recompute_running',
  expression: `create index "calendar_recompute_running" on "calendar_recompute" ("id") where "status" = 'RUNNING'`,
})
@ObjectType('CalendarRecompute', {
  description: '日历重算 — recomputing the figures a newly entered year touches',
})
export class CalendarRecompute {
  [OptionalProps]?:
    | 'status'
    | 'phase'
    | 'cursor'
    | 'casesTotal'
    | 'casesDone'
    | 'casesChanged'
    | 'ratingsDone'
    | 'finishedAt';

  @PrimaryKey({ type: 'int' })
  id!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '年度 — the year entered' })
  year!: number;

  @Enum({ items: () => RecomputeStatus })
  @Field(() => RecomputeStatus)
  status: RecomputeStatus = RecomputeStatus.RUNNING;

  /** `cases`, then `ratings`. */
  @Property({ type: 'text' })
  phase: string = 'cases';

  @Property({ type: 'uuid', nullable: true })
  cursor: string | null = null;

  @Property({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '办件总数 — completed cases the year touches' })
  casesTotal: number | null = null;

  @Property({ type: 'int' })
  @Field(() => Int, { description: '已重算 — cases recomputed so far' })
  casesDone: number = 0;

  @Property({ type: 'int' })
  @Field(() => Int, { description: '有变化 — cases whose working days or on-time flag changed' })
  casesChanged: number = 0;

  @Property({ type: 'int' })
  @Field(() => Int, { description: '差评整改期限已重算 — bad-review deadlines recomputed' })
  ratingsDone: number = 0;

  @Property({ type: 'timestamptz' })
  @Field({ description: '开始 — requested at' })
  requestedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: '完成 — finished at' })
  finishedAt: Date | null = null;
}
