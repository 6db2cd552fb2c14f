import { feedRoutes } from '@county/kit';
import { disputeFeed } from './dispute-feed';
import { DisputeFeedRecord } from './dispute-feed-record.entity';
import { Migration20261205093000 } from './dispute-feed.migration';

/** The sources feeding governance (README, "Feeds"). */
export const governanceFeeds = [disputeFeed];
export const feedEntities = [DisputeFeedRecord];
export const feedMigrations = [{ name: 'Migration20261205093000', class: Migration20261205093000 }];
export const feedFileRoutes = governanceFeeds.flatMap(feedRoutes);
