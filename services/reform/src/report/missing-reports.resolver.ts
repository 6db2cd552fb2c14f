import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { z } from 'zod';
import { dateOrIsoRule, regionCodePrefix, regionCodeRule, uuidRule, yearRule } from '@county/domain';
import {
  badInput,
  ConnectionType,
  DateScalar,
  entityLoader,
  escapeLike,
  PageArgs,
  pageSize,
  parseInput,
  type Page,
  type SubgraphContext,
} from '@county/kit';
import { requestToday } from '../dates';
import { ReportPeriodKind } from '../vocabulary';
import { organizationRef, OrganizationRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { PERIOD_PATTERN } from './period';
import { missingCountsPage, missingPage, missingParams, type MissingFilter } from './missing-reports.sql';

@ObjectType({ description: '未报送 — a progress report that was due and never came' })
export class MissingProgressReport {
  taskId!: string;

  @Field({ description: '报送期 — `2019-03` (a month) or `2019-Q1` (a quarter)' })
  period!: string;

  @Field(() => ReportPeriodKind, { description: '周期 — monthly or quarterly' })
  periodKind!: ReportPeriodKind;

  @Field(() => DateScalar, { description: '报送截止 — the date it was due' })
  dueDate!: string;

  @Field(() => OrganizationRef, { description: '牵头单位 — the organisation that owes it' })
  leadOrganization!: OrganizationRef;
}

@ObjectType({ description: '未报送统计 — reports never sent, for one lead organisation' })
export class MissingReportCount {
  @Field(() => OrganizationRef, { description: '牵头单位 — the lead organisation' })
  leadOrganization!: OrganizationRef;

  @Field(() => Int, { description: '月报 — monthly reports missing' })
  monthly!: number;

  @Field(() => Int, { description: '季报 — quarterly reports missing' })
  quarterly!: number;

  @Field(() => Int, { description: '合计 — all reports missing' })
  total!: number;

  @Field(() => Int, { description: '涉及任务 — tasks with a report missing' })
  tasks!: number;
}

const MissingProgressReportConnection = ConnectionType(
  MissingProgressReport,
  '未报送清单 — a page of the reports never sent',
);
const MissingReportCountConnection = ConnectionType(
  MissingReportCount,
  '未报送统计 — a page of the counts per lead organisation',
);

@ArgsType()
class MissingReportsFilterArgs extends PageArgs {
  @Field(() => Int, { description: '年度 — tasks of this year' })
  year!: number;

  @Field(() => ReportPeriodKind, { nullable: true, description: '周期 — monthly or quarterly only' })
  periodKind?: ReportPeriodKind;

  @Field(() => ID, { nullable: true, description: '区划 — tasks carried out in this region or below it' })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true, description: '截至 — as on this date (default today in China)' })
  asOf?: string;
}

@ArgsType()
class MissingReportsArgs extends MissingReportsFilterArgs {
  @Field(() => ID, { nullable: true, description: '牵头单位 — tasks led by this organisation' })
  leadOrganizationId?: string;
}

const argsRule = z.object({
  year: yearRule,
  regionCode: regionCodeRule.nullish(),
  asOf: dateOrIsoRule.nullish(),
  leadOrganizationId: uuidRule.nullish(),
});

function filterOf(args: MissingReportsArgs, ctx: SubgraphContext): MissingFilter {
  const data = parseInput(argsRule, args, '');
  return {
    asOf: data.asOf ?? requestToday(ctx),
    year: data.year,
    regionPattern: data.regionCode ? `${escapeLike(regionCodePrefix(data.regionCode) ?? '')}%` : '%',
    leadOrganizationId: data.leadOrganizationId ?? null,
    kind: args.periodKind ?? null,
  };
}

/** A cursor these lists hand out: [text, text] for the list, [count, id] for the counts. */
function decodeCursor<T extends unknown[]>(after: string, fits: (value: unknown[]) => boolean): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(after.slice(0, 1024), 'base64url').toString('utf8'));
    if (Array.isArray(value) && fits(value)) return value as T;
  } catch {
    // not JSON: refused below
  }
  throw badInput(
    'after',
    'cursor',
    'is not a cursor this list returned: pass a `pageInfo.endCursor` of the same list',
  );
}
const encodeCursor = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString('base64url');

const TASK_CODE = /^[0-9A-Za-z-]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => MissingProgressReport)
export class MissingReportsResolver {
  @Query(() => MissingProgressReportConnection, {
    description:
      '未报送清单 — progress reports due and never sent, per task and period, in ledger order (task code, period)',
  })
  async missingProgressReports(
    @Args() args: MissingReportsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<MissingProgressReport>> {
    const filter = filterOf(args, ctx);
    const size = pageSize(args.first);
    const values: unknown[] = missingParams(filter);
    if (args.after)
      values.push(
        ...decodeCursor<[string, string]>(
          args.after,
          (v) =>
            v.length === 2 &&
            typeof v[0] === 'string' &&
            TASK_CODE.test(v[0]) &&
            typeof v[1] === 'string' &&
            PERIOD_PATTERN.test(v[1]),
        ),
      );
    values.push(size + 1);
    const result = await missingPage(!!args.after).run(ctx.em, values);
    const rows = result.filter((row) => row.task_id !== null);
    const nodes = rows.slice(0, size);
    const last = nodes.at(-1);
    return {
      nodes: nodes.map((row) => ({
        taskId: row.task_id!,
        period: row.period,
        periodKind: row.kind,
        dueDate: row.due,
        leadOrganization: organizationRef(row.lead_organization_id),
      })),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? encodeCursor([last.code, last.period]) : null,
      },
      totalCount: Promise.resolve(Number(result[0]?.total_count ?? 0)),
    };
  }

  @Query(() => MissingReportCountConnection, {
    description:
      '未报送统计 — reports never sent, counted per lead organisation (monthly, quarterly, tasks), most first',
  })
  async missingProgressReportCounts(
    @Args() args: MissingReportsFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<MissingReportCount>> {
    const filter = filterOf(args, ctx);
    const size = pageSize(args.first);
    const values: unknown[] = missingParams(filter);
    if (args.after) {
      const [total, id] = decodeCursor<[number, string]>(
        args.after,
        (v) => v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && UUID.test(v[1]),
      );
      values.push(total, total, id);
    }
    values.push(size + 1);
    const result = await missingCountsPage(!!args.after).run(ctx.em, values);
    const rows = result.filter((row) => row.lead_organization_id !== null);
    const nodes = rows.slice(0, size);
    const last = nodes.at(-1);
    return {
      nodes: nodes.map((row) => ({
        leadOrganization: organizationRef(row.lead_organization_id!),
        monthly: Number(row.monthly),
        quarterly: Number(row.quarterly),
        total: Number(row.total),
        tasks: Number(row.tasks),
      })),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? encodeCursor([Number(last.total), last.lead_organization_id]) : null,
      },
      totalCount: Promise.resolve(Number(result[0]?.total_count ?? 0)),
    };
  }

  @FieldResolver(() => ReformTask, { description: '任务 — the task that owes it' })
  async task(@Root() missing: MissingProgressReport, @Ctx() ctx: SubgraphContext): Promise<ReformTask> {
    return (await entityLoader(ctx, ReformTask, 'id').load(missing.taskId))!;
  }
}
