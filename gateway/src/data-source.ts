import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDENTITY_HEADER,
  Identity,
  REQUEST_ID_HEADER,
  type CallerTokenSigner,
  type Logger,
} from '@county/kit';
import type { SubgraphClient } from './subgraph-client';
import { CircuitOpenError, subgraphCircuit, type CircuitOptions } from './circuit';
import type { GatewayMetrics } from './metrics';
import type { RootAlternative, RootFailover } from './failover';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** The client's Idempotency-Key, passed on so the subgraph running the mutation can honour it. */
  idempotencyKey?: string;
}

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** One call to a subgraph: the caller (signed for it at send time), extra headers, the body. */
interface SubgraphCall {
  identity: Identity;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

const PROBE = JSON.stringify({ query: '{ __typename }' });

/**
 * Calls one subgraph over a kept-alive undici pool: the caller's verified identity, signed for that
 * subgraph alone and for a minute, and the request id go along; a failed call (refused, timed out, HTTP error) becomes one clean error naming
 * the subgraph, and the cause goes to the gateway's log. Reads wait `readTimeoutMs`, writes
 * `writeTimeoutMs`; a subgraph failing repeatedly is not waited for at all until a probe succeeds. Implements the gateway's data-source interface
 * directly: no fetch Request/Headers objects and no persisted-query round trips per call.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly options: {
      name: string;
      url: string;
      signer: CallerTokenSigner;
      client: SubgraphClient;
      readTimeoutMs: number;
      writeTimeoutMs: number;
      circuit: CircuitOptions;
      logger: Logger;
      metrics?: GatewayMetrics;
      /** Where a failed root Query fetch of shared fields may go instead, and the data sources to send it. */
      failover?: { roots: RootFailover; source: (subgraph: string) => SubgraphDataSource | undefined };
    },
  ) {
    this.call = subgraphCircuit(options.name, (call: SubgraphCall) => this.send(call), options.circuit, {
      logger: options.logger,
      // the one call an open circuit lets through is this, not a user's request waiting its timeout
      probe: () => ({
        identity: Identity.anonymous,
        headers: {},
        body: PROBE,
        timeoutMs: options.readTimeoutMs,
      }),
    });
  }

  private readonly call: (call: SubgraphCall) => Promise<string>;

  /** One HTTP call; anything but an answer carrying GraphQL JSON is a failure the circuit counts. */
  private async send({ identity, headers, body, timeoutMs }: SubgraphCall): Promise<string> {
    const response = await this.options.client.post(
      this.options.url,
      {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await this.options.signer.sign(identity, this.options.name),
        ...headers,
      },
      body,
      timeoutMs,
    );
    // Apollo Server answers GraphQL errors with 200, or 400 for a document it cannot run; both carry JSON
    if (response.status !== 200 && response.status !== 400) {
      throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
    }
    return response.body;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await this.answer(options);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const answer = await this.failOver(options, error);
      if (answer) return answer;
      throw error;
    }
  }

  /**
   * A failed root fetch of fields other subgraphs share, answered by the first of them that can: through
   * its own data source (its caller token, timeout and circuit). Null when none can (a field only this
   * subgraph has, a mutation, `_entities`): the failure stands.
   */
  private async failOver(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    cause: GraphQLError,
  ): Promise<GatewayGraphQLResponse | null> {
    const { failover, name } = this.options;
    const { request } = options;
    const plan = failover?.roots.alternatives(name, request.query, request.variables);
    if (!failover || !plan) return null;
    const answers = await Promise.all(plan.parts.map((part) => this.askInstead(options, part)));
    if (answers.every((answer) => !answer) && !plan.lost.length) return null;
    // each part's fields from the subgraph that answered them; the rest null, with this subgraph's error
    const data: Record<string, unknown> = {};
    const errors: GraphQLFormattedError[] = [];
    const unanswered = (keys: string[]) => {
      for (const key of keys) {
        data[key] = null;
        errors.push({ message: cause.message, path: [key], extensions: cause.extensions });
      }
    };
    plan.parts.forEach((part, i) => {
      const answer = answers[i];
      if (!answer) return unanswered(part.keys);
      Object.assign(data, answer.data ?? {});
      errors.push(...(answer.errors ?? []));
    });
    unanswered(plan.lost);
    return { data, ...(errors.length ? { errors } : {}) };
  }

  /** One part of a re-planned root fetch, from the first subgraph of its list that answers it. */
  private async askInstead(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    part: RootAlternative,
  ): Promise<GatewayGraphQLResponse | null> {
    const { failover, name, logger, metrics } = this.options;
    for (const next of part.subgraphs) {
      const source = failover?.source(next);
      if (!source) continue;
      try {
        const answer = await source.answer({
          ...options,
          request: { ...options.request, query: part.query, variables: part.variables },
        });
        // errors and no data: it could not run the document, unless the errors are the caller's own (an
        // unknown code): the owner would have answered the same, so they stand
        const callersError = (e: GraphQLFormattedError) =>
          e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT';
        if (!answer.data && answer.errors?.length && !answer.errors.every(callersError)) {
          metrics?.countFailover(name, next, 'refused');
          continue;
        }
        logger.debug(
          { subgraph: name, fallback: next, fields: part.keys },
          'root fields answered by another subgraph',
        );
        metrics?.countFailover(name, next, 'answered');
        return answer;
      } catch {
        metrics?.countFailover(name, next, 'unavailable');
      }
    }
    return null;
  }

  /** One fetch from this subgraph alone. */
  private async answer(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as Partial<GatewayContext>;
    const headers: Record<string, string> = {};
    if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    if (context.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const write = /^\s*mutation\b/.test(request.query ?? '');
    const timeoutMs = write ? this.options.writeTimeoutMs : this.options.readTimeoutMs;
    const started = process.hrtime.bigint();
    const observe = (ok: boolean) =>
      this.options.metrics?.observeSubgraphCall(
        this.options.name,
        Number(process.hrtime.bigint() - started) / 1e9,
        ok,
      );
    let text: string;
    try {
      text = await this.call({ identity: context.identity ?? Identity.anonymous, headers, body, timeoutMs });
    } catch (error) {
      observe(false);
      throw this.unavailable(error as Error);
    }
    observe(true);
    try {
      return JSON.parse(text) as GatewayGraphQLResponse;
    } catch (error) {
      throw this.unavailable(error as Error);
    }
  }

  private unavailable(cause: Error): GraphQLError {
    const { name, logger } = this.options;
    const open = cause instanceof CircuitOpenError;
    // an open circuit refuses thousands of calls a second: the log says it once, when it opens
    if (!open) logger.warn({ err: cause, subgraph: name }, 'subgraph call failed');
    const timedOut = /timeout/i.test(
      `${(cause as { code?: string }).code ?? ''} ${cause.name} ${cause.message}`,
    );
    const reason = open ? 'circuit-open' : timedOut ? 'timeout' : 'unreachable';
    return new GraphQLError(
      timedOut ? `The ${name} subgraph did not answer in time` : `The ${name} subgraph is unavailable`,
      { extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: name, reason } },
    );
  }
}
