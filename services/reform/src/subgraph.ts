import path from 'node:path';
import './vocabulary';
import { importJobsRoute, type SubgraphDefinition } from '@county/kit';
import { reformEntities } from './entities';
import { migrations } from './migrations';
import { OrganizationRef, PersonRef, RegionRef, directoryResolvers, references } from './directory';
import { RegionResolver } from './region/region.resolver';
import { RegionListsResolver } from './region/region-lists.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { PersonResolver } from './person/person.resolver';
import { SpecialGroupResolver } from './special-group/special-group.resolver';
import { WorkPointResolver } from './work-point/work-point.resolver';
import { ReformTaskResolver } from './task/task.resolver';
import { ReformTaskMutations } from './task/task.mutations';
import { ProgressReportResolver } from './report/report.resolver';
import { ProgressReportMutations } from './report/report.mutations';
import { SupervisionOrderResolver } from './supervision/supervision.resolver';
import { SupervisionOrderMutations } from './supervision/supervision.mutations';
import { ProblemResolver } from './problem/problem.resolver';
import { ProblemMutations } from './problem/problem.mutations';
import { MissingReportsResolver } from './report/missing-reports.resolver';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { AssessmentMutations } from './assessment/assessment.mutations';
import {
  DispatchEntryResolver,
  DispatchRoundResolver,
  TaskDispatchResolver,
} from './dispatch/dispatch.resolver';
import { DispatchRoundMutations } from './dispatch/dispatch.mutations';
import { InspectionResolver } from './inspection/inspection.resolver';
import { InspectionMutations } from './inspection/inspection.mutations';
import { BulletinMentionResolver, BulletinResolver } from './bulletin/bulletin.resolver';
import { BulletinMutations } from './bulletin/bulletin.mutations';
import { OutcomeResolver } from './outcome/outcome.resolver';
import { OutcomeMutations } from './outcome/outcome.mutations';
import { OutcomeRecordMutations } from './outcome/outcome-records.mutations';
import { ScoringResolver } from './outcome/scoring.resolver';
import { ScoringMutations } from './outcome/scoring.mutations';
import { InstrumentStatsResolver } from './stats/instrument-stats.resolver';
import { ledgerExportRoute, ledgerImportRoute } from './ledger/ledger.routes';
import { reportLedgerRoutes } from './ledger/report-ledger';
import { problemLedgerRoutes } from './ledger/problem-ledger';
import { dispatchLedgerRoutes } from './ledger/dispatch-ledger';
import { permissions } from './permissions';

/** The reform subgraph: the reform office's ledger of work points, tasks, reports and supervision. */
export const reformSubgraph: SubgraphDefinition = {
  name: 'reform',
  permissions,
  entities: reformEntities,
  migrations,
  resolvers: [
    ReformTaskResolver,
    ReformTaskMutations,
    SpecialGroupResolver,
    WorkPointResolver,
    ProgressReportResolver,
    ProgressReportMutations,
    SupervisionOrderResolver,
    SupervisionOrderMutations,
    ProblemResolver,
    ProblemMutations,
    AssessmentResolver,
    AssessmentMutations,
    MissingReportsResolver,
    DispatchRoundResolver,
    DispatchEntryResolver,
    TaskDispatchResolver,
    DispatchRoundMutations,
    InspectionResolver,
    InspectionMutations,
    BulletinResolver,
    BulletinMentionResolver,
    BulletinMutations,
    OutcomeResolver,
    OutcomeMutations,
    OutcomeRecordMutations,
    ScoringResolver,
    ScoringMutations,
    InstrumentStatsResolver,
    RegionResolver,
    RegionListsResolver,
    OrganizationResolver,
    PersonResolver,
    ...directoryResolvers,
  ],
  orphanedTypes: [RegionRef, OrganizationRef, PersonRef],
  references,
  seeder: path.join(__dirname, 'seeders'),
  usesDirectory: true,
  files: [
    ledgerExportRoute,
    ledgerImportRoute,
    ...reportLedgerRoutes,
    ...problemLedgerRoutes,
    ...dispatchLedgerRoutes,
    importJobsRoute,
  ],
};
