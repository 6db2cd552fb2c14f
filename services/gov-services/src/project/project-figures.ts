import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CHINA_TODAY_SQL } from '@county/domain';
import { sql } from '../calendar/sql';
import { ProjectKind, ProjectStage } from './project-vocabulary';

/** SQL: project `p` has a step approved past its limit, or one still waiting past its due day. */
export const LATE_PROJECT = `exists (select 1 from approval_step s where s.project_id = p.id
  and (s.on_time = false or (s.approved_on is null and s.due_on < ${CHINA_TODAY_SQL})))`;

@ObjectType({ description: '阶段项目数 — projects at one stage' })
export class ProjectStageCount {
  @Field(() => ProjectStage)
  stage!: ProjectStage;

  @Field(() => Int)
  projects!: number;
}

@ObjectType({ description: '分类审批用时 — approval time of one kind of project' })
export class ProjectKindFigures {
  @Field(() => ProjectKind)
  kind!: ProjectKind;

  @Field(() => Int, { description: '项目数 — projects' })
  projects!: number;

  @Field(() => Int, { description: '审批完成 — approved projects' })
  approved!: number;

  @Field(() => Float, { nullable: true, description: '中位用时 — median total working days of the approved' })
  medianWorkingDays!: number | null;

  @Field(() => Float, { nullable: true, description: '80%分位用时 — 80th percentile of total working days' })
  p80WorkingDays!: number | null;
}

@ObjectType({ description: '项目审批统计 — investment projects built in a region and below it' })
export class ProjectStats {
  @Field(() => Int, { description: '项目数 — projects' })
  projects!: number;

  @Field(() => [ProjectStageCount], { description: '分阶段 — projects by stage' })
  byStage!: ProjectStageCount[];

  @Field(() => Float, {
    nullable: true,
    description:
      '平均审批用时 — average total working days (first submission to last approval) of the approved',
  })
  averageWorkingDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '按时办结率 — share of approved projects whose every step kept its statutory limit',
  })
  shareOnTime!: number | null;

  @Field(() => Int, {
    description: '超时项目 — projects with a step past its limit (approved late or still waiting)',
  })
  late!: number;

  @Field(() => Float, {
    nullable: true,
    description: '目标内完成率 — share of approved projects with a target that met it (the "2440" kind)',
  })
  shareWithinTarget!: number | null;

  @Field(() => Float, { nullable: true, description: '提前介入率 — share of projects involved early' })
  shareEarlyInvolvement!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '重大项目提前介入率 — share of major projects involved early (report 000: 100 %)',
  })
  shareMajorEarlyInvolvement!: number | null;

  @Field(() => Int, { description: '代办项目 — projects with a proxy agent (代办员)' })
  withProxyAgent!: number;

  @Field(() => [ProjectKindFigures], { description: '分类 — by kind, with median and 80th percentile days' })
  byKind!: ProjectKindFigures[];
}

export interface ProjectPeriod {
  prefix: string;
  from: string | null;
  to: string | null;
}

const WHERE = `p.region_code like ? and (?::date is null or p.registered_on >= ?::date)
  and (?::date is null or p.registered_on <= ?::date)`;
const params = ({ prefix, from, to }: ProjectPeriod) => [`${prefix}%`, from, from, to, to];

/** 项目审批统计 of the projects registered in the period and built in the region, in two statements. */
export async function projectStatsFigures(em: EntityManager, period: ProjectPeriod): Promise<ProjectStats> {
  const [row] = await sql<Record<string, number | null>[]>(
    em,
    `select count(*)::int as projects,
        count(*) filter (where p.stage = 'PRE_APPLICATION')::int as "PRE_APPLICATION",
        count(*) filter (where p.stage = 'IN_APPROVAL')::int as "IN_APPROVAL",
        count(*) filter (where p.stage = 'APPROVED')::int as "APPROVED",
        avg(p.total_working_days) filter (where p.stage = 'APPROVED')::float8 as "averageWorkingDays",
        (count(*) filter (where p.on_time))::float8
          / nullif(count(*) filter (where p.stage = 'APPROVED'), 0) as "shareOnTime",
        count(*) filter (where ${LATE_PROJECT})::int as late,
        (count(*) filter (where p.stage = 'APPROVED' and p.total_working_days <= p.target_days))::float8
          / nullif(count(*) filter (where p.stage = 'APPROVED' and p.target_days is not null), 0) as "shareWithinTarget",
        (count(*) filter (where p.early_involvement_on is not null))::float8 / nullif(count(*), 0)
          as "shareEarlyInvolvement",
        (count(*) filter (where p.major and p.early_involvement_on is not null))::float8
          / nullif(count(*) filter (where p.major), 0) as "shareMajorEarlyInvolvement",
        count(*) filter (where p.proxy_agent_id is not null)::int as "withProxyAgent"
       from investment_project p where ${WHERE}`,
    params(period),
  );
  const byKind = await sql<ProjectKindFigures[]>(
    em,
    `select p.kind, count(*)::int as projects, count(*) filter (where p.stage = 'APPROVED')::int as approved,
        percentile_cont(0.5) within group (order by p.total_working_days)
          filter (where p.stage = 'APPROVED') as "medianWorkingDays",
        percentile_cont(0.8) within group (order by p.total_working_days)
          filter (where p.stage = 'APPROVED') as "p80WorkingDays"
       from investment_project p where ${WHERE} group by p.kind order by p.kind`,
    params(period),
  );
  const stats = Object.assign(new ProjectStats(), row, {
    byStage: Object.values(ProjectStage).map((stage) => ({ stage, projects: row[stage] as number })),
    byKind,
  });
  return stats;
}
