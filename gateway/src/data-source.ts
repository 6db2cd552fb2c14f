import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  SUBGRAPH_SECRET_HEADER,
  type Identity,
  type Logger,
} from '@county/kit';
import type { SubgraphClient } from './subgraph-client';
import type { GatewayMetrics } from './metrics';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** The client's Idempotency-Key, passed on so the subgraph running the mutation can honour it. */
  idempotencyKey?: string;
}

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * Calls one subgraph over a kept-alive undici pool: its shared secret, the caller's verified identity and
 * the request id go along; a failed call (refused, timed out, HTTP error) becomes one clean error naming
 * the subgraph, and the cause goes to the gateway's log. Implements the gateway's data-source interface
 * directly: no fetch Request/Headers objects and no persisted-query round trips per call.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly options: {
      name: string;
      url: string;
      secret: string;
      client: SubgraphClient;
      logger: Logger;
      metrics?: GatewayMetrics;
    },
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [SUBGRAPH_SECRET_HEADER]: this.options.secret,
    };
    const context = options.context as Partial<GatewayContext>;
    if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    if (context.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
    const identity = context.identity?.toHeader();
    if (identity) headers[IDENTITY_HEADER] = identity;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    let response: { status: number; body: string };
    const started = process.hrtime.bigint();
    const observe = (ok: boolean) =>
      this.options.metrics?.observeSubgraphCall(
        this.options.name,
        Number(process.hrtime.bigint() - started) / 1e9,
        ok,
      );
    try {
      response = await this.options.client.post(this.options.url, headers, body);
    } catch (error) {
      observe(false);
      throw this.unavailable(error as Error);
    }
    observe(response.status === 200 || response.status === 400);
    // Apollo Server answers GraphQL errors with 200, or 400 for a document it cannot run; both carry JSON
    if (response.status !== 200 && response.status !== 400) {
      throw this.unavailable(new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`));
    }
    try {
      return JSON.parse(response.body) as GatewayGraphQLResponse;
    } catch (error) {
      throw this.unavailable(error as Error);
    }
  }

  private unavailable(cause: Error): GraphQLError {
    const { name, logger } = this.options;
    logger.warn({ err: cause, subgraph: name }, 'subgraph call failed');
    const timedOut = /timeout/i.test(
      `${(cause as { code?: string }).code ?? ''} ${cause.name} ${cause.message}`,
    );
    return new GraphQLError(
      timedOut ? `The ${name} subgraph did not answer in time` : `The ${name} subgraph is unavailable`,
      {
        extensions: {
          code: SUBGRAPH_UNAVAILABLE,
          serviceName: name,
          reason: timedOut ? 'timeout' : 'unreachable',
        },
      },
    );
  }
}
