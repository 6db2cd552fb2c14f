import type { FileRoute } from '../files';
import { assertPerformAction } from '../permissions';
import { JobStatus } from '../imports/import-jobs';
import { isClientErrorCode, unauthenticated } from '../errors';
import { deliverFeed, type Feed } from './feed';
import { feedJobs } from './feed-jobs';
import { feedLimits } from './feed-limits';

const RECENT_JOBS = 20;

const allowed = (feed: Feed, identity: Parameters<FileRoute['handle']>[0]['identity']) =>
  (assertPerformAction as (ctx: unknown, p: unknown, a: string) => void)(
    { identity },
    feed.permissions,
    feed.action,
  );

/**
 * POST /files/<subgraph>/feeds/<source>: one delivery (the export as CSV or .xlsx in the body), answered with
 * its job when it has run: 200 delivered (its report: counts, policy, refused rows), 400 refused (nothing
 * delivered). GET /files/<subgraph>/feeds/<source>/jobs: the source's latest deliveries.
 */
export function feedRoutes(feed: Feed): FileRoute[] {
  return [
    {
      method: 'POST',
      path: `feeds/${feed.source}`,
      maxBytes: () => feedLimits().maxFileBytes,
      accept: ({ em, identity }) => (feed.authorize ? feed.authorize(em, identity) : allowed(feed, identity)),
      async handle({ em, identity, body, logger, accepted }) {
        if (!identity.subject) throw unauthenticated();
        const job = await deliverFeed(feed, body, {
          em,
          subject: identity.subject,
          roles: identity.roles,
          via: 'post',
          logger,
          scope: accepted,
        });
        const failedCode = job.error?.extensions.code;
        const status = job.status === JobStatus.SUCCEEDED ? 200 : isClientErrorCode(failedCode) ? 400 : 500;
        return { status, json: job };
      },
    },
    {
      method: 'GET',
      path: `feeds/${feed.source}/jobs`,
      async handle({ em, identity }) {
        if (feed.authorize) await feed.authorize(em, identity);
        else allowed(feed, identity);
        return { json: { source: feed.source, jobs: await feedJobs.recent(em, feed.source, RECENT_JOBS) } };
      },
    },
  ];
}
