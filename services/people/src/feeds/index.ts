import { feedRoutes } from '@county/kit';
import { rosterFeed } from './roster-feed';
import { RosterFeedRecord } from './roster-feed-record.entity';
import { Migration20261205093000 } from './roster-feed.migration';

/** The sources feeding people (README, "Feeds"). */
export const peopleFeeds = [rosterFeed];
export const feedEntities = [RosterFeedRecord];
export const feedMigrations = [{ name: 'Migration20261205093000', class: Migration20261205093000 }];
export const feedFileRoutes = peopleFeeds.flatMap(feedRoutes);
