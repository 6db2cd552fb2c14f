import type http from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendJson, type Identity } from '@county/kit';

export const RATE_LIMITED = 'RATE_LIMITED';

const addressOf = (req: http.IncomingMessage) => `ip:${req.socket.remoteAddress ?? 'unknown'}`;

/**
 * Requests per minute per token subject (or per client address for anonymous callers, and for requests
 * whose token was refused). Kept in memory: each gateway replica counts its own, so behind N replicas a
 * caller gets up to N times the limit. `limit` names the setting in the 429 (RATE_LIMIT_PER_MINUTE, …).
 */
export function createRateLimiter(perMinute: number, limit = 'RATE_LIMIT_PER_MINUTE', per = 'caller') {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
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
