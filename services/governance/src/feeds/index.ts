import { feedRoutes } from '@county/kit';
import { disputeFeed } from './dispute-feed';

/** The sources feeding governance (README, "Feeds"). */
export const governanceFeeds = [disputeFeed];
export const feedFileRoutes = governanceFeeds.flatMap(feedRoutes);
