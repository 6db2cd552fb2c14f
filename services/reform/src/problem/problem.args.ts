import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ProblemAccount, ProblemStatus } from '../vocabulary';

@InputType({ description: '登记问题 — a new entry on the problem list (三本账)' })
export class CreateProblemInput {
  @Field(() => ProblemAccount, { description: '账目 — leader, department or township account' })
  account!: ProblemAccount;

  @Field({ description: '问题 — the problem' })
  description!: string;

  @Field(() => ID, {
    nullable: true,
    description: '发现人 — the county leader who found it (leader account only; required there)',
  })
  foundByPersonId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '发现单位 — the department (department account) or township government (township account) that found it',
  })
  foundByOrganizationId?: string;

  @Field(() => ID, { description: '区划代码 — where it was found' })
  regionCode!: string;

  @Field(() => DateScalar, { description: '发现日期 — found on, not after today' })
  foundOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '整改时限 — to be resolved by, not before foundOn',
  })
  deadline?: string;

  @Field(() => [ID], { defaultValue: [], description: '关联任务 — the reform tasks it belongs to' })
  taskIds!: string[];

  @Field(() => ProblemStatus, {
    defaultValue: ProblemStatus.OPEN,
    description: 'OPEN or IN_PROGRESS (a problem is closed with closeProblem)',
  })
  status!: ProblemStatus;
}

@InputType({ description: '修改问题 — change an entry; omitted fields stay as they are' })
export class UpdateProblemInput {
  @Field(() => Int, { description: 'The `version` you read: a change made since then refuses this one' })
  version!: number;

  @Field({ nullable: true })
  description?: string;

  @Field(() => ID, { nullable: true })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true })
  foundOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '整改时限 — the date it is to be resolved by; null clears it',
  })
  deadline?: string | null;

  @Field(() => [ID], { nullable: true })
  taskIds?: string[];

  @Field(() => ProblemStatus, { nullable: true, description: 'OPEN or IN_PROGRESS; close with closeProblem' })
  status?: ProblemStatus;
}
