import { feedRoutes } from '@county/kit';
import { caseFeed } from './case-feed';

/** The sources feeding gov-services (README, "Feeds"). */
export const govServicesFeeds = [caseFeed];
export const feedFileRoutes = govServicesFeeds.flatMap(feedRoutes);
