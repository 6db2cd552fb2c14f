export {
  defineFeed,
  deliverFeed,
  type Feed,
  type FeedSpec,
  type FeedCounts,
  type FeedRun,
  type FeedPolicy,
  type StagingType,
} from './feed';
export {
  FeedRowError,
  loadMapping,
  mappingSchema,
  type FeedMapping,
  type FeedRejection,
} from './feed-mapping';
export { feedRoutes } from './feed-routes';
export { feedSql, stageChanges, recordChanges, type FeedTarget } from './feed-changes';
export { feedJobs, type FeedJobView, type FeedVia } from './feed-jobs';
export { feedLimits, feedLimitsSchema, type FeedLimits } from './feed-limits';
export { FeedFreshness, feedFreshness, isStale } from './feed-freshness';
export { attachFeeds } from './feed-attach';
export { FeedSourceState } from './feed-source-state.entity';
export { FeedRecord } from './feed-record.entity';
export { KitImportJobsFeeds20261205 } from './feed.migration';
