import { SpecialGroup } from './special-group/special-group.entity';
import { WorkPoint } from './work-point/work-point.entity';
import { ReformTask } from './task/task.entity';
import { Milestone } from './milestone/milestone.entity';
import { ProgressReport } from './report/report.entity';
import { SupervisionOrder } from './supervision/supervision.entity';
import { Problem } from './problem/problem.entity';
import { Assessment } from './assessment/assessment.entity';
import { DispatchEntry, DispatchRound } from './dispatch/dispatch.entity';
import { Inspection } from './inspection/inspection.entity';
import { Bulletin, BulletinMention } from './bulletin/bulletin.entity';
import { Outcome, OutcomeCriterion } from './outcome/outcome.entity';
import { OutcomeAdoption, OutcomeReplication } from './outcome/uptake.entity';
import { Promotion, ReformDocument } from './outcome/record.entity';
import { LeadWon, ScoringRule } from './outcome/scoring.entity';

export const reformEntities = [
  SpecialGroup,
  WorkPoint,
  ReformTask,
  Milestone,
  ProgressReport,
  SupervisionOrder,
  Problem,
  Assessment,
  DispatchRound,
  DispatchEntry,
  Inspection,
  Bulletin,
  BulletinMention,
  OutcomeCriterion,
  Outcome,
  OutcomeAdoption,
  OutcomeReplication,
  ReformDocument,
  Promotion,
  ScoringRule,
  LeadWon,
];
