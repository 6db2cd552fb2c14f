import { CadreResolver, PostResolver } from '../cadre/cadre.resolver';
import { CadreMutations } from '../cadre/cadre.mutations';
import { DepartingCadreResolver, VillageCadreTermResolver } from '../village-cadre/village-cadre.resolver';
import { SecondmentResolver } from '../secondment/secondment.resolver';
import { SecondmentMutations } from '../secondment/secondment.mutations';
import { CommunityWorkerResolver } from '../community-worker/community-worker.resolver';
import { CommunityWorkerMutations } from '../community-worker/community-worker.mutations';
import { CommunityQuotaResolver } from '../community-worker/community-quota.resolver';
import { CommunityPostLevelsResolver } from '../community-worker/post-levels.resolver';
import { CommunityPayResolver } from '../community-worker/community-pay.resolver';
import { VillageCadreTermMutations } from '../village-cadre/village-cadre-term.mutations';
import { AssessmentResolver } from '../assessment/assessment.resolver';
import { AssessmentMutations } from '../assessment/assessment.mutations';
import { TrainingAttendanceResolver, TrainingCourseResolver } from '../training/training.resolver';
import { TrainingMutations } from '../training/training.mutations';
import { RegionWorkforceResolver, WorkforceStatsResolver } from '../workforce-stats/workforce-stats.resolver';
import { OrganizationQuotaResolver, PersonnelResolver } from './personnel.resolver';

export const workforceResolvers = [
  CadreResolver,
  CadreMutations,
  PostResolver,
  DepartingCadreResolver,
  VillageCadreTermResolver,
  VillageCadreTermMutations,
  SecondmentResolver,
  SecondmentMutations,
  CommunityWorkerResolver,
  CommunityWorkerMutations,
  CommunityQuotaResolver,
  CommunityPostLevelsResolver,
  CommunityPayResolver,
  AssessmentResolver,
  AssessmentMutations,
  TrainingCourseResolver,
  TrainingAttendanceResolver,
  TrainingMutations,
  RegionWorkforceResolver,
  WorkforceStatsResolver,
  PersonnelResolver,
  OrganizationQuotaResolver,
];
