import type http from 'node:http';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { sendJson, type Identity } from '@county/kit';
import type { SharedState } from '../shared-state';

export const RATE_LIMITED = 'RATE_LIMITED';

const addressOf = (req: http.IncomingMessage) => `ip:${req.socket.remoteAddress ?? 'unknown'}`;

/** The in-memory count that stands in while Redis cannot be reached, each use of it counted. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    perMinute: number,
    private readonly shared: SharedState,
  ) {
    super({ points: perMinute, duration: 60 });
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    this.shared.fellBack('rate_limit');
    return super.consume(...args);
  }
}

/**
 * With Redis (REDIS_URL) the count is shared by every replica: the limit holds for their sum. Without it, or
 * while Redis cannot be reached, each replica counts its own in memory, so a caller gets up to N times the limit
 * behind N replicas: still bounded, and the gateway keeps answering (failing closed would make Redis an outage
 * of the whole API; failing open would drop the limit exactly when something is already wrong).
 */
function countPerMinute(perMinute: number, limit: string, shared: SharedState | undefined) {
  if (!shared) return new RateLimiterMemory({ points: perMinute, duration: 60 });
  return new RateLimiterRedis({
    storeClient: shared.client,
    keyPrefix: `${shared.keyPrefix}rate:${limit}`,
    points: perMinute,
    duration: 60,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new InsuranceLimiter(perMinute, shared),
  });
}

/**
 * Requests per minute per token subject (or per client address for anonymous callers, and for requests
 * whose token was refused), counted across replicas in Redis when there is one (see `countPerMinute`).
 * `limit` names the setting in the 429 (RATE_LIMIT_PER_MINUTE, …).
 */
export function createRateLimiter(
  perMinute: number,
  limit = 'RATE_LIMIT_PER_MINUTE',
  per = 'caller',
  shared?: SharedState,
) {
  const limiter = countPerMinute(perMinute, limit, shared);
  /** True when the request may go on; otherwise it has been answered with 429. No identity: by address. */
  return async (req: http.IncomingMessage, res: http.ServerResponse, identity?: Identity) => {
    const key = identity?.subject ? `sub:${identity.subject}` : addressOf(req);
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      res.setHeader('retry-after', String(seconds));
      sendJson(res, 429, {
        errors: [
          {
            message: `Too many requests: the limit is ${perMinute} a minute per ${per} (${limit}); retry in ${seconds} s`,
            extensions: { code: RATE_LIMITED, limit, retryAfterSeconds: seconds },
          },
        ],
      });
      return false;
    }
  };
}
