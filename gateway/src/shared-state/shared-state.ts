import { Redis } from 'ioredis';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '@county/kit';

/** What falls back when Redis cannot be reached: the rate limits count per replica, the response cache is bypassed. */
export type SharedUse = 'rate_limit' | 'response_cache';

export interface SharedStateOptions {
  url: string;
  /** Every key starts with it, so that several deployments may share one Redis. */
  keyPrefix: string;
  logger: Logger;
  registry: Registry;
}

/** A slow Redis must not hold requests up: past this a command fails and its caller falls back. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * The replicas' shared state (REDIS_URL): one connection, watched. Commands never wait in a queue for a
 * reconnect: while Redis is unreachable each fails at once, its caller falls back, and the outage is logged
 * once at error level and counted in `redis_fallbacks_total`; `redis_up` says whether the gateway reaches it.
 */
export class SharedState {
  readonly client: Redis;
  readonly keyPrefix: string;
  private readonly fallbacks: Counter<'use'>;
  private readonly whenReady: (() => void)[] = [];
  private unreachable = false;
  private closing = false;

  constructor(options: SharedStateOptions) {
    this.keyPrefix = options.keyPrefix;
    const { logger } = options;
    this.client = new Redis(options.url, {
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      // reconnect for ever, at most every 2 s
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    const lost = (reason: string) => {
      if (this.unreachable || this.closing) return;
      this.unreachable = true;
      logger.error(
        { reason },
        'Redis (REDIS_URL) unreachable: rate limits count per replica and the response cache is bypassed until it is back',
      );
    };
    this.client.on('error', (error: Error) => lost(error.message));
    this.client.on('close', () => lost('connection closed'));
    this.client.on('ready', () => {
      if (this.unreachable)
        logger.warn('Redis (REDIS_URL) reachable again: shared rate limits and cache resumed');
      this.unreachable = false;
      for (const handler of this.whenReady) handler();
    });
    const client = this.client;
    new Gauge({
      name: 'redis_up',
      help: 'Whether the gateway reaches its Redis (REDIS_URL): 1 yes, 0 no',
      registers: [options.registry],
      collect() {
        this.set(client.status === 'ready' ? 1 : 0);
      },
    });
    this.fallbacks = new Counter({
      name: 'redis_fallbacks_total',
      help: 'Requests served without Redis, by use: rate_limit (counted in this replica), response_cache (bypassed)',
      labelNames: ['use'],
      registers: [options.registry],
    });
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  fellBack(use: SharedUse): void {
    this.fallbacks.inc({ use });
  }

  /**
   * Resolves once connected, or after `timeoutMs` (the gateway then starts without it, logged): a replica
   * that starts does not count its first requests apart while the connection is still being made.
   */
  async connected(timeoutMs = 2000): Promise<void> {
    if (this.ready) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise((resolve) => this.client.once('ready', resolve)),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** Runs `handler` at each (re)connection. */
  onReady(handler: () => void): void {
    this.whenReady.push(handler);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.ready) await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }
}
