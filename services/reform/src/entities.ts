import { SpecialGroup } from './special-group/special-group.entity';
import { WorkPoint } from './work-point/work-point.entity';
import { ReformTask } from './task/task.entity';
import { Milestone } from './milestone/milestone.entity';
import { ProgressReport } from './report/report.entity';
import { SupervisionOrder } from './supervision/supervision.entity';
import { Problem } from './problem/problem.entity';
import { Assessment } from './assessment/assessment.entity';

export const reformEntities = [
  SpecialGroup,
  WorkPoint,
  ReformTask,
  Milestone,
  ProgressReport,
  SupervisionOrder,
  Problem,
  Assessment,
];
