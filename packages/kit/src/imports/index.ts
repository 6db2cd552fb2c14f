export { ImportJob } from './import-job.entity';
export { KitImportJobs20261205 } from './import-job.migration';
export { importLimits, importLimitsSchema, type ImportLimits } from './import-limits';
export {
  importRoute,
  importJobsRoute,
  IMPORT_JOBS_PATH,
  type ImportSpec,
  type ImportContext,
} from './import-route';
export { JobStatus, type JobView } from './import-jobs';
export { RejectedRows, uploadRejected } from './rejections';
