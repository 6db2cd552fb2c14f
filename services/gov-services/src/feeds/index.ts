import { feedRoutes } from '@county/kit';
import { caseFeed } from './case-feed';
import { CaseFeedRecord } from './case-feed-record.entity';
import { Migration20261205093000 } from './case-feed.migration';

/** The sources feeding gov-services (README, "Feeds"). */
export const govServicesFeeds = [caseFeed];
export const feedEntities = [CaseFeedRecord];
export const feedMigrations = [{ name: 'Migration20261205093000', class: Migration20261205093000 }];
export const feedFileRoutes = govServicesFeeds.flatMap(feedRoutes);
