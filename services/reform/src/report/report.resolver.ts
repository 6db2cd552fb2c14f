import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityLoader, type SubgraphContext } from '@county/kit';
import { chinaDay } from '@county/domain';
import { ReformTask } from '../task/task.entity';
import { ProgressReport } from './report.entity';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => Boolean, { description: '迟报 — submitted after its due date (China time)' })
  late(@Root() report: ProgressReport): boolean {
    return chinaDay(new Date(report.submittedAt)) > report.dueDate;
  }

  @FieldResolver(() => ReformTask, { description: '任务 — the task reported on' })
  task(@Root() report: ProgressReport, @Ctx() ctx: SubgraphContext): Promise<ReformTask | null> {
    return entityLoader(ctx, ReformTask, 'id').load(report.taskId);
  }
}
