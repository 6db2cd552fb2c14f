import { feedRoutes } from '@county/kit';
import { rosterFeed } from './roster-feed';

/** The sources feeding people (README, "Feeds"). */
export const peopleFeeds = [rosterFeed];
export const feedFileRoutes = peopleFeeds.flatMap(feedRoutes);
