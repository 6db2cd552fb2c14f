import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { CalendarDayKind } from './calendar.entity';

@InputType({ description: '节假日与调休 — one day of the notice' })
export class CalendarDayInput {
  @Field(() => DateScalar, { description: '日期' })
  date!: Date;

  @Field(() => CalendarDayKind, { description: '放假 or 调休上班' })
  kind!: CalendarDayKind;

  @Field(() => String, { nullable: true, description: '节日 — e.g. 春节' })
  name?: string | null;
}

@InputType({
  description:
    '录入放假安排 — a year as the State Council notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) gives it',
})
export class WorkingCalendarInput {
  @Field(() => Int)
  year!: number;

  @Field({ description: '来源 — the notice: its title and document number' })
  source!: string;

  @Field(() => [CalendarDayInput], {
    description: 'every day off (statutory holidays and bridged days) and every make-up working day',
  })
  days!: CalendarDayInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'the version read, when correcting a year already entered (or seeded from the package)',
  })
  version?: number | null;
}
