import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, OperationDefinitionNode } from 'graphql';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { isClientErrorCode, type Logger } from '@county/kit';
import type { GatewayContext } from '../data-source';
import type { SharedState } from '../shared-state';
import { MemoryAnswers, type AnswerStore } from './answers';
import type { OperationFacts } from './operation-facts';
import { RedisAnswers } from './redis-answers';
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
 * that select personal data are never shared nor stored. With Redis (REDIS_URL) answers and write counts
 * are shared by the replicas, so this holds across them (see RedisAnswers); without it, writes through
 * another replica show after at most `ttlMs`. Writes that do not pass through a gateway (a subgraph's own
 * jobs) show after at most `ttlMs`. Runs in flight are shared within a replica only.
 */
export class ResponseCache {
  private readonly answers: AnswerStore;
  /** Keyed by answer key and mark: joined only by callers who saw the same writes. */
  private readonly inFlight = new Map<string, Promise<GatewayExecutionResult>>();

  constructor(
    private readonly options: ResponseCacheOptions,
    private readonly facts: OperationFacts,
    shared?: { state: SharedState; logger: Logger },
  ) {
    this.answers = shared
      ? new RedisAnswers(shared.state, options.ttlMs, shared.logger)
      : new MemoryAnswers(options);
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
  written(subgraphs: Iterable<string> | null): Promise<void> {
    return this.answers.written(subgraphs);
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
            await this.written(this.facts.writers(operation));
        }
      }
      const { identity } = requestContext.context as Partial<GatewayContext>;
      const keeps = this.options.ttlMs > 0;
      if (operation.operation !== 'query' || !identity || (!keeps && !this.options.share))
        return execute(requestContext);
      const { subgraphs, personal } = this.facts.of(schema, document);
      if (personal) return execute(requestContext);

      const key = responseKey({
        queryHash: requestContext.queryHash,
        operationName: requestContext.request.operationName,
        variables: requestContext.request.variables,
        identity,
      });
      const seen = await this.answers.look(key, subgraphs);
      if (!seen) return execute(requestContext);
      // each caller gets its own top-level object; the data below it is shared and never mutated
      if (seen.answer) return { ...seen.answer };
      const flight = `${key}@${seen.mark}`;
      const running = this.options.share ? this.inFlight.get(flight) : undefined;
      if (running) return { ...(await running) };

      const run = execute(requestContext);
      if (this.options.share) this.inFlight.set(flight, run);
      try {
        const result = await run;
        if (keeps && !result.errors?.length) await this.answers.keep(key, seen.mark, result, subgraphs);
        return result;
      } finally {
        if (this.inFlight.get(flight) === run) this.inFlight.delete(flight);
      }
    };
  }
}
