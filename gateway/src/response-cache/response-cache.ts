import { LRUCache } from 'lru-cache';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, OperationDefinitionNode } from 'graphql';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { isClientErrorCode } from '@county/kit';
import type { GatewayContext } from '../data-source';
import type { OperationFacts } from './operation-facts';
import { responseKey } from './response-key';

export interface ResponseCacheOptions {
  /** How long an answer without errors is reused (RESPONSE_CACHE_TTL_MS); 0: never stored. */
  ttlMs: number;
  /** At most this many answers are kept, least recently used first out (RESPONSE_CACHE_MAX_ENTRIES). */
  maxEntries: number;
  /** Identical queries in flight at the same time run once (RESPONSE_SHARING). */
  share: boolean;
}

interface Answer {
  result: GatewayExecutionResult;
  /** The subgraphs its fields came from: a committed write to one of them makes it stale. */
  subgraphs: ReadonlySet<string>;
}

/**
 * True when every root field of the mutation was refused by its resolver with a client error (bad
 * input, forbidden, conflict, …): a refused write changes nothing. Anything else may have committed.
 */
function refusedEntirely(operation: OperationDefinitionNode, errors: readonly GraphQLError[] | undefined) {
  if (!errors?.length) return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === 'Field' &&
      errors.some(
        (error) =>
          error.path?.length === 1 &&
          error.path[0] === (selection.alias ?? selection.name).value &&
          isClientErrorCode(error.extensions?.code),
      ),
  );
}

/**
 * Identical read-only operations (same document, operation, variables and audience — see `responseKey`)
 * run once: a caller arriving while one runs waits for its answer, and an answer without errors is reused
 * for `ttlMs`. It wraps the gateway's executor, so every caller still goes through parsing, validation,
 * the limits, its own error formatting and metrics; only the subgraph calls are shared.
 *
 * A write that committed (a mutation not refused outright, an accepted spreadsheet import) forgets the
 * answers drawn from the subgraphs it wrote to, and an answer whose run overlapped such a write is not
 * stored: after a write, the next read asks the subgraphs. A refused write forgets nothing. Operations
 * that select personal data are never shared nor stored. Writes that do not pass through this gateway
 * (another replica, a subgraph's own jobs) show after at most `ttlMs`.
 */
export class ResponseCache {
  private readonly stored?: LRUCache<string, Answer>;
  private readonly inFlight = new Map<
    string,
    { run: Promise<GatewayExecutionResult>; subgraphs: ReadonlySet<string> }
  >();
  /** Per subgraph, bumped by every committed write to it (one entry per subgraph: bounded). */
  private readonly writes = new Map<string, number>();
  private everything = 0;

  constructor(
    private readonly options: ResponseCacheOptions,
    private readonly facts: OperationFacts,
  ) {
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

  /** Apollo plugin: an answer to an operation that selects personal data says `Cache-Control: no-store`. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ schema, document, response }) => {
          if (document && this.facts.of(schema, document).personal)
            response.http.headers.set('cache-control', 'no-store');
        },
      }),
    };
  }

  /** A committed write to these subgraphs (null: to any): answers drawn from them are forgotten. */
  written(subgraphs: Iterable<string> | null): void {
    if (subgraphs === null) {
      this.everything++;
      this.stored?.clear();
      this.inFlight.clear();
      return;
    }
    const touched = new Set(subgraphs);
    for (const name of touched) this.writes.set(name, (this.writes.get(name) ?? 0) + 1);
    const stale = (answer: { subgraphs: ReadonlySet<string> }) =>
      [...answer.subgraphs].some((name) => touched.has(name));
    const stored = [...(this.stored?.entries() ?? [])];
    for (const [key, answer] of stored) if (stale(answer)) this.stored!.delete(key);
    for (const [key, running] of [...this.inFlight]) if (stale(running)) this.inFlight.delete(key);
  }

  /** Where the writes stood: an answer is stored only if no write to its subgraphs happened meanwhile. */
  private mark(subgraphs: ReadonlySet<string>): string {
    return [this.everything, ...[...subgraphs].map((name) => this.writes.get(name) ?? 0)].join(',');
  }

  private executor(execute: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const { operation, document, schema } = requestContext;
      if (operation.operation === 'mutation') {
        let result: GatewayExecutionResult | undefined;
        try {
          result = await execute(requestContext);
          return result;
        } finally {
          if (!result || !refusedEntirely(operation, result.errors))
            this.written(this.facts.writers(operation));
        }
      }
      const { identity } = requestContext.context as Partial<GatewayContext>;
      if (operation.operation !== 'query' || !identity || (!this.stored && !this.options.share))
        return execute(requestContext);
      const { subgraphs, personal } = this.facts.of(schema, document);
      if (personal) return execute(requestContext);

      const key = responseKey({
        queryHash: requestContext.queryHash,
        operationName: requestContext.request.operationName,
        variables: requestContext.request.variables,
        identity,
      });
      // each caller gets its own top-level object; the data below it is shared and never mutated
      const cached = this.stored?.get(key);
      if (cached) return { ...cached.result };
      const running = this.options.share ? this.inFlight.get(key) : undefined;
      if (running) return { ...(await running.run) };

      const before = this.mark(subgraphs);
      const run = execute(requestContext);
      if (this.options.share) this.inFlight.set(key, { run, subgraphs });
      try {
        const result = await run;
        if (this.stored && before === this.mark(subgraphs) && !result.errors?.length)
          this.stored.set(key, { result, subgraphs });
        return result;
      } finally {
        if (this.inFlight.get(key)?.run === run) this.inFlight.delete(key);
      }
    };
  }
}
