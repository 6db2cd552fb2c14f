import { Cadre } from '../cadre/cadre.entity';
import { CadrePost } from '../cadre/post.entity';
import { VillageCadreTerm } from '../village-cadre/village-cadre-term.entity';
import { DepartingCadre } from '../village-cadre/departing-cadre.entity';
import { Secondment } from '../secondment/secondment.entity';
import { CommunityWorker } from '../community-worker/community-worker.entity';
import { CommunityQuota } from '../community-worker/community-quota.entity';
import { PostLevelRange } from '../community-worker/post-level-range.entity';
import { CommunityPay } from '../community-worker/community-pay.entity';
import { AnnualAssessment } from '../assessment/assessment.entity';
import { TrainingCourse } from '../training/training-course.entity';
import { TrainingAttendance } from '../training/training-attendance.entity';

/** What the organisation and civil-affairs departments track about people, beside the directory. */
export const workforceEntities = [
  Cadre,
  CadrePost,
  VillageCadreTerm,
  DepartingCadre,
  Secondment,
  CommunityWorker,
  CommunityQuota,
  PostLevelRange,
  CommunityPay,
  AnnualAssessment,
  TrainingCourse,
  TrainingAttendance,
];
