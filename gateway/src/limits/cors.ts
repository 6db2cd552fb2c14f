import type http from 'node:http';
import cors from 'cors';

/**
 * CORS for browser dashboards on other origins: only the allow-list (CORS_ORIGINS) gets the headers that
 * let a browser read answers; preflights are answered here. Same-origin pages (the cockpit) need none.
 */
export function createCors(origins: string[]) {
  const middleware = cors({
    origin: origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'idempotency-key'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  /** True when the request is answered (a preflight); false when routing goes on. */
  return (req: http.IncomingMessage, res: http.ServerResponse) =>
    new Promise<boolean>((resolve, reject) => {
      res.once('finish', () => resolve(true));
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(false)));
    });
}
