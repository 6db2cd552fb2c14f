import { LRUCache } from 'lru-cache';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../data-source';
import { responseKey } from './response-key';

export interface ResponseCacheOptions {
  /** How long an answer without errors is reused (RESPONSE_CACHE_TTL_MS); 0: never stored. */
  ttlMs: number;
  /** At most this many answers are kept, least recently used first out (RESPONSE_CACHE_MAX_ENTRIES). */
  maxEntries: number;
  /** Identical queries in flight at the same time run once (RESPONSE_SHARING). */
  share: boolean;
}

/**
 * Identical read-only operations (same document, operation, variables and audience — see `responseKey`)
 * run once: a caller arriving while one runs waits for its answer, and an answer without errors is reused
 * for `ttlMs`. It wraps the gateway's executor, so every caller still goes through parsing, validation,
 * the limits, its own error formatting and metrics; only the subgraph calls are shared.
 *
 * A mutation through this gateway forgets everything, before it starts and when it ends, and an answer
 * whose run overlapped a mutation is not stored: after a write, the next read asks the subgraphs.
 * Writes that do not pass through this gateway (another replica, a subgraph's own jobs) show after at
 * most `ttlMs`.
 */
export class ResponseCache {
  private readonly stored?: LRUCache<string, GatewayExecutionResult>;
  private readonly inFlight = new Map<string, Promise<GatewayExecutionResult>>();
  /** Bumped by every write: an answer is stored only if no write began or ended while it ran. */
  private generation = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    if (options.ttlMs > 0) this.stored = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs });
  }

  /** The gateway, whose executor shares and reuses answers; schema loading and stopping are untouched. */
  wrap(gateway: GatewayInterface): GatewayInterface {
    return {
      load: async (options) => {
        const loaded = await gateway.load(options);
        return { ...loaded, executor: loaded.executor && this.executor(loaded.executor) };
      },
      onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
      stop: () => gateway.stop(),
    };
  }

  /** Forgets every stored and in-flight answer. */
  clear(): void {
    this.generation++;
    this.stored?.clear();
    this.inFlight.clear();
  }

  /** Runs a write: everything is forgotten when it starts and when it ends (answers may have seen it). */
  async whileWriting<T>(write: () => Promise<T>): Promise<T> {
    this.clear();
    try {
      return await write();
    } finally {
      this.clear();
    }
  }

  private executor(execute: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const kind = requestContext.operation.operation;
      if (kind === 'mutation') return this.whileWriting(() => execute(requestContext));
      const { identity } = requestContext.context as Partial<GatewayContext>;
      if (kind !== 'query' || !identity || (!this.stored && !this.options.share))
        return execute(requestContext);

      const key = responseKey({
        queryHash: requestContext.queryHash,
        operationName: requestContext.request.operationName,
        variables: requestContext.request.variables,
        identity,
      });
      // each caller gets its own top-level object; the data below it is shared and never mutated
      const cached = this.stored?.get(key);
      if (cached) return { ...cached };
      const running = this.options.share ? this.inFlight.get(key) : undefined;
      if (running) return { ...(await running) };

      const generation = this.generation;
      const run = execute(requestContext);
      if (this.options.share) this.inFlight.set(key, run);
      try {
        const result = await run;
        if (this.stored && generation === this.generation && !result.errors?.length)
          this.stored.set(key, result);
        return result;
      } finally {
        if (this.inFlight.get(key) === run) this.inFlight.delete(key);
      }
    };
  }
}
